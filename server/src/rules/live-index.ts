// Who recognises whom, live, in one group of cities: the view most link rules start from.
import type { CityGroup } from '../state/period-state.js';
import { compareLinks, type StateLink } from '../state/reconcile.js';

export interface LiveIndex {
  /** issuer → scanners that recognise its codes live */
  scannersOf: Map<string, StateLink[]>;
  /** scanner → issuers whose codes it recognises live */
  issuersOf: Map<string, StateLink[]>;
}

const cache = new WeakMap<readonly StateLink[], LiveIndex>();

/** Memoised per link set: several rules read the same groups in one period. */
export function liveIndex(links: readonly StateLink[]): LiveIndex {
  const cached = cache.get(links);
  if (cached) return cached;
  const index: LiveIndex = { scannersOf: new Map(), issuersOf: new Map() };
  for (const l of links) {
    if (l.status !== 'live') continue;
    push(index.scannersOf, l.issuer, l);
    push(index.issuersOf, l.scanner, l);
  }
  cache.set(links, index);
  return index;
}

/**
 * The live index of a group's links, the same as `liveIndex(group.links)` down to the order of keys
 * and lists. For a city with rows of its own it starts from the shared links' index (built once a
 * period) and indexes again only the issuers and scanners of the city's own pairs, instead of every
 * link of every such city.
 */
export function groupLiveIndex(group: CityGroup): LiveIndex {
  if (!group.overlay) return liveIndex(group.links);
  const { shared, own } = group.overlay;
  const base = liveIndex(shared);
  return {
    scannersOf: patched(base.scannersOf, own, (l) => l.issuer),
    issuersOf: patched(base.issuersOf, own, (l) => l.scanner),
  };
}

/**
 * `base` with the lists of the keys the own pairs touch rebuilt. liveIndex adds a key at its first
 * live link and the links are sorted, so keys come in the order of their lists' first links: the
 * untouched keep theirs, and the rebuilt are merged in by their first link.
 */
function patched(
  base: ReadonlyMap<string, StateLink[]>,
  own: ReadonlyMap<string, StateLink>,
  keyOf: (l: StateLink) => string,
): Map<string, StateLink[]> {
  // The own links are sorted, so each key's come in order.
  const ownByKey = new Map<string, StateLink[]>();
  for (const link of own.values()) push(ownByKey, keyOf(link), link);
  const rebuilt = new Map<string, StateLink[]>();
  for (const [key, ownLinks] of ownByKey) rebuilt.set(key, withOwn(base.get(key) ?? [], ownLinks));
  const inserted = [...rebuilt].filter(([, list]) => list.length > 0).sort((a, b) => compareLinks(a[1][0], b[1][0]));
  const out = new Map<string, StateLink[]>();
  let next = 0;
  for (const [key, list] of base) {
    if (rebuilt.has(key)) continue;
    while (next < inserted.length && compareLinks(inserted[next][1][0], list[0]) < 0) out.set(...inserted[next++]);
    out.set(key, list);
  }
  while (next < inserted.length) out.set(...inserted[next++]);
  return out;
}

/** A sorted list of live links with the own links (sorted) in place of those of the same pair, the live ones kept. */
function withOwn(shared: readonly StateLink[], own: readonly StateLink[]): StateLink[] {
  const out: StateLink[] = [];
  let i = 0;
  for (const link of own) {
    let order = -1;
    while (i < shared.length && (order = compareLinks(shared[i], link)) < 0) out.push(shared[i++]);
    if (i < shared.length && order === 0) i++;
    if (link.status === 'live') out.push(link);
  }
  while (i < shared.length) out.push(shared[i++]);
  return out;
}

function push(map: Map<string, StateLink[]>, key: string, link: StateLink): void {
  const list = map.get(key);
  if (list) list.push(link);
  else map.set(key, [link]);
}
