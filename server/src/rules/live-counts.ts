// How many live links each institution has in a group of cities, as scanner and as issuer, and how
// many of them cross institution groups: enough to tell whether a closed-group finding (EXCL-002)
// can fire there without indexing every link of every city.
import { linksByPair, type CityGroup } from '../state/period-state.js';
import type { StateLink } from '../state/reconcile.js';

/** Counts of one link set, or a city's changes to its shared link set's counts. */
interface Tally {
  scannerLive: Map<string, number>;
  issuerLive: Map<string, number>;
  /** Live links whose other party is in another institution group. */
  scannerOutside: Map<string, number>;
  issuerOutside: Map<string, number>;
}

export interface LiveCounts {
  /** Live links of `id` as scanner / as issuer. */
  scannerLive(id: string): number;
  issuerLive(id: string): number;
  /** Live links of `id` with a party of another institution group. */
  scannerOutside(id: string): number;
  issuerOutside(id: string): number;
  /** Institutions with a live link as scanner / as issuer, outside institution group `group`. */
  scannersOutsideGroup(group: string): number;
  issuersOutsideGroup(group: string): number;
}

type GroupOf = (id: string) => string;

const emptyTally = (): Tally => ({ scannerLive: new Map(), issuerLive: new Map(), scannerOutside: new Map(), issuerOutside: new Map() });

function add(map: Map<string, number>, key: string, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

function count(tally: Tally, link: StateLink, by: number, groupOf: GroupOf): void {
  add(tally.scannerLive, link.scanner, by);
  add(tally.issuerLive, link.issuer, by);
  if (groupOf(link.scanner) !== groupOf(link.issuer)) {
    add(tally.scannerOutside, link.scanner, by);
    add(tally.issuerOutside, link.issuer, by);
  }
}

/** The shared counts of a link set, with the number of live parties per institution group. */
interface SetCounts {
  tally: Tally;
  scannersByGroup: Map<string, number>;
  issuersByGroup: Map<string, number>;
}

function distinctByGroup(live: ReadonlyMap<string, number>, groupOf: GroupOf): Map<string, number> {
  const byGroup = new Map<string, number>();
  for (const [id, n] of live) if (n > 0) add(byGroup, groupOf(id), 1);
  return byGroup;
}

const setCounts = new WeakMap<GroupOf, WeakMap<readonly StateLink[], SetCounts>>();

/** Counted once per link set: the cities with rows of their own all start from their shared links. */
function countsOf(links: readonly StateLink[], groupOf: GroupOf): SetCounts {
  const memo = setCounts.get(groupOf) ?? setCounts.set(groupOf, new WeakMap()).get(groupOf)!;
  const cached = memo.get(links);
  if (cached) return cached;
  const tally = emptyTally();
  for (const l of links) if (l.status === 'live') count(tally, l, 1, groupOf);
  const counts = { tally, scannersByGroup: distinctByGroup(tally.scannerLive, groupOf), issuersByGroup: distinctByGroup(tally.issuerLive, groupOf) };
  memo.set(links, counts);
  return counts;
}

/**
 * The live counts of a group's links, the same as counting `group.links`. For a city with rows of
 * its own: its shared links' counts (counted once a period) changed by its own pairs only.
 * The shared counts are kept per `groupOf` function: pass the same one for a whole period.
 */
export function liveCounts(group: CityGroup, groupOf: GroupOf): LiveCounts {
  const base = countsOf(group.overlay?.shared ?? group.links, groupOf);
  const delta = emptyTally();
  const scannersByGroup = new Map<string, number>();
  const issuersByGroup = new Map<string, number>();
  if (group.overlay) {
    const sharedByPair = linksByPair(group.overlay.shared);
    for (const [key, own] of group.overlay.own) {
      const replaced = sharedByPair.get(key);
      if (replaced?.status === 'live') count(delta, replaced, -1, groupOf);
      if (own.status === 'live') count(delta, own, 1, groupOf);
    }
    // A party whose live links went from none to some, or from some to none, changes its group's number.
    const recount = (changes: ReadonlyMap<string, number>, before: ReadonlyMap<string, number>, byGroup: Map<string, number>) => {
      for (const [id, change] of changes) {
        const was = before.get(id) ?? 0;
        const is = was + change;
        if (was > 0 !== is > 0) add(byGroup, groupOf(id), is > 0 ? 1 : -1);
      }
    };
    recount(delta.scannerLive, base.tally.scannerLive, scannersByGroup);
    recount(delta.issuerLive, base.tally.issuerLive, issuersByGroup);
  }
  const get = (shared: ReadonlyMap<string, number>, changes: ReadonlyMap<string, number>) => (id: string) => (shared.get(id) ?? 0) + (changes.get(id) ?? 0);
  const total = (shared: ReadonlyMap<string, number>, changes: ReadonlyMap<string, number>) => {
    let n = 0;
    for (const v of shared.values()) n += v;
    for (const v of changes.values()) n += v;
    return n;
  };
  let scannerTotal: number | undefined;
  let issuerTotal: number | undefined;
  const inGroup = (shared: ReadonlyMap<string, number>, changes: ReadonlyMap<string, number>, g: string) => (shared.get(g) ?? 0) + (changes.get(g) ?? 0);
  return {
    scannerLive: get(base.tally.scannerLive, delta.scannerLive),
    issuerLive: get(base.tally.issuerLive, delta.issuerLive),
    scannerOutside: get(base.tally.scannerOutside, delta.scannerOutside),
    issuerOutside: get(base.tally.issuerOutside, delta.issuerOutside),
    scannersOutsideGroup: (g) => (scannerTotal ??= total(base.scannersByGroup, scannersByGroup)) - inGroup(base.scannersByGroup, scannersByGroup, g),
    issuersOutsideGroup: (g) => (issuerTotal ??= total(base.issuersByGroup, issuersByGroup)) - inGroup(base.issuersByGroup, issuersByGroup, g),
  };
}
