import { describe, expect, it } from 'vitest';
import { buildPeriodState, type StoredLink } from '../state/period-state.js';
import { groupLiveIndex, liveIndex, type LiveIndex } from './live-index.js';

const link = (scanner: string, issuer: string, city: string, status: StoredLink['status'] = 'live'): StoredLink => ({ row: 0, scanner, issuer, city, status, since: '2021-01-01' });

/** Each key with its list's pairs, in the index's order. */
const shape = (index: LiveIndex) => ({
  scannersOf: [...index.scannersOf].map(([key, links]) => [key, links.map((l) => `${l.scanner}>${l.issuer}`)]),
  issuersOf: [...index.issuersOf].map(([key, links]) => [key, links.map((l) => `${l.scanner}>${l.issuer}`)]),
});

describe('the live index of a group of cities', () => {
  // Each scanner declares its links for every city; a few cities say otherwise.
  const declared: Record<string, StoredLink[]> = {
    acq: [link('acq', 'net', '310000')],
    // Shanghai: the first scanner of the wallet's codes is suspended there, and a new scanner (acq) comes first.
    bank: [link('bank', 'wallet', '*'), link('bank', 'wallet', '310000', 'suspended')],
    net: [link('net', 'bank', '*'), link('net', 'wallet', '*')],
    // Guangzhou: the wallet scans nothing live there, and a new issuer's codes in pilot only.
    wallet: [link('wallet', 'net', '*'), link('wallet', 'wallet', '*'), link('wallet', 'net', '440100', 'suspended'), link('wallet', 'wallet', '440100', 'planned'), link('wallet', 'zeta', '440100', 'pilot')],
  };
  const reports = Object.keys(declared).map((institution, i) => ({ id: i + 1, institution, period: '2021-06', version: 1 }));
  const state = buildPeriodState('2021-06', reports, ['110000', '310000', '440100'], {
    links: (id, scope) => (scope === 'mpm|offline' ? declared[reports[id - 1].institution] : []),
    agreements: () => [],
  });

  it.each(['110000', '310000', '440100'])('in %s, is what indexing all of its links gives, in the same order', (city) => {
    const group = state.group(city, 'mpm', 'offline')!;
    expect(shape(groupLiveIndex(group))).toEqual(shape(liveIndex(group.links)));
  });

  it('moves a key whose first live link changes in a city with rows of its own', () => {
    expect([...groupLiveIndex(state.group('110000', 'mpm', 'offline')!).scannersOf.keys()]).toEqual(['wallet', 'bank', 'net']);
    expect([...groupLiveIndex(state.group('310000', 'mpm', 'offline')!).scannersOf.keys()]).toEqual(['net', 'bank', 'wallet']);
  });

  it('drops a scanner with no live link left in a city with rows of its own', () => {
    expect(groupLiveIndex(state.group('440100', 'mpm', 'offline')!).issuersOf.has('wallet')).toBe(false);
    expect(groupLiveIndex(state.group('110000', 'mpm', 'offline')!).issuersOf.has('wallet')).toBe(true);
  });
});
