import { describe, expect, it } from 'vitest';
import { buildPeriodState, type StoredLink } from '../state/period-state.js';
import { liveCounts, type LiveCounts } from './live-counts.js';

const link = (scanner: string, issuer: string, city: string, status: StoredLink['status'] = 'live'): StoredLink => ({ row: 0, scanner, issuer, city, status, since: '2021-01-01' });
const groupOf = (id: string) => ({ bank: 'net-group', net: 'net-group' })[id] ?? id;
const ids = ['acq', 'bank', 'net', 'wallet', 'zeta'];

const shape = (c: LiveCounts) =>
  ids.map((id) => [id, c.scannerLive(id), c.issuerLive(id), c.scannerOutside(id), c.issuerOutside(id), c.scannersOutsideGroup(groupOf(id)), c.issuersOutsideGroup(groupOf(id))]);

describe('the live counts of a group of cities', () => {
  const declared: Record<string, StoredLink[]> = {
    acq: [link('acq', 'net', '310000')],
    bank: [link('bank', 'wallet', '*'), link('bank', 'wallet', '310000', 'suspended')],
    net: [link('net', 'bank', '*'), link('net', 'wallet', '*')],
    wallet: [link('wallet', 'net', '*'), link('wallet', 'wallet', '*'), link('wallet', 'net', '440100', 'suspended'), link('wallet', 'wallet', '440100', 'planned'), link('wallet', 'zeta', '440100', 'pilot')],
  };
  const reports = Object.keys(declared).map((institution, i) => ({ id: i + 1, institution, period: '2021-06', version: 1 }));
  const state = buildPeriodState('2021-06', reports, ['110000', '310000', '440100'], {
    links: (id, scope) => (scope === 'mpm|offline' ? declared[reports[id - 1].institution] : []),
    agreements: () => [],
  });

  it.each(['110000', '310000', '440100'])('in %s, are what counting all of its links gives', (city) => {
    const group = state.group(city, 'mpm', 'offline')!;
    expect(shape(liveCounts(group, groupOf))).toEqual(shape(liveCounts({ cities: group.cities, links: [...group.links] }, groupOf)));
  });

  it('drops a party with no live link left in a city with rows of its own', () => {
    const guangzhou = liveCounts(state.group('440100', 'mpm', 'offline')!, groupOf);
    expect(guangzhou.scannerLive('wallet')).toBe(0);
    // Live scanners there: bank and net, both of net-group.
    expect(guangzhou.scannersOutsideGroup('wallet')).toBe(2);
    expect(guangzhou.scannersOutsideGroup('net-group')).toBe(0);
  });
});
