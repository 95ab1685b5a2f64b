import { describe, expect, it } from 'vitest';
import { groupLiveIndex, liveIndex, type LiveIndex } from './live-index.js';
import { OVERLAY_CITIES, overlayState } from '../test/overlay-state.js';

/** Each key with its list's pairs, in the index's order. */
const shape = (index: LiveIndex) => ({
  scannersOf: [...index.scannersOf].map(([key, links]) => [key, links.map((l) => `${l.scanner}>${l.issuer}`)]),
  issuersOf: [...index.issuersOf].map(([key, links]) => [key, links.map((l) => `${l.scanner}>${l.issuer}`)]),
});

describe('the live index of a group of cities', () => {
  const state = overlayState();

  it.each(OVERLAY_CITIES)('in %s, is what indexing all of its links gives, in the same order', (city) => {
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
