import { describe, expect, it } from 'vitest';
import { liveCounts, type LiveCounts } from './live-counts.js';
import { OVERLAY_CITIES, overlayState } from '../test/overlay-state.js';

const groupOf = (id: string) => ({ bank: 'net-group', net: 'net-group' })[id] ?? id;
const ids = ['acq', 'bank', 'net', 'wallet', 'zeta'];

const shape = (c: LiveCounts) =>
  ids.map((id) => [
    id,
    c.scannerLive(id),
    c.issuerLive(id),
    c.scannerOutside(id),
    c.issuerOutside(id),
    c.scannersOutsideGroup(groupOf(id)),
    c.issuersOutsideGroup(groupOf(id)),
  ]);

describe('the live counts of a group of cities', () => {
  const state = overlayState();

  it.each(OVERLAY_CITIES)('in %s, are what counting all of its links gives', (city) => {
    const group = state.group(city, 'mpm', 'offline')!;
    expect(shape(liveCounts(group, groupOf))).toEqual(
      shape(liveCounts({ cities: group.cities, links: [...group.links], omitted: [] }, groupOf)),
    );
  });

  it('drops a party with no live link left in a city with rows of its own', () => {
    const guangzhou = liveCounts(state.group('440100', 'mpm', 'offline')!, groupOf);
    expect(guangzhou.scannerLive('wallet')).toBe(0);
    // Live scanners there: bank and net, both of net-group.
    expect(guangzhou.scannersOutsideGroup('wallet')).toBe(2);
    expect(guangzhou.scannersOutsideGroup('net-group')).toBe(0);
  });
});
