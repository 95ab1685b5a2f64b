// How many live links each institution has in a group of cities, as scanner and as issuer, and how
// many of them cross institution groups: enough to tell whether a closed-group finding (EXCL-002)
// can fire there without indexing every link of every city.
import { linkIn, type CityGroup } from '../state/period-state.js';
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
  const counts = {
    tally,
    scannersByGroup: distinctByGroup(tally.scannerLive, groupOf),
    issuersByGroup: distinctByGroup(tally.issuerLive, groupOf),
  };
  memo.set(links, counts);
  return counts;
}

/** A party whose live links went from none to some, or from some to none, changes its group's number. */
function recount(
  changes: ReadonlyMap<string, number>,
  before: ReadonlyMap<string, number>,
  byGroup: Map<string, number>,
  groupOf: GroupOf,
): void {
  for (const [id, change] of changes) {
    const was = before.get(id) ?? 0;
    const is = was + change;
    if (was > 0 !== is > 0) add(byGroup, groupOf(id), is > 0 ? 1 : -1);
  }
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
    const { shared } = group.overlay;
    for (const own of group.overlay.own.values()) {
      const replaced = linkIn(shared, own.scanner, own.issuer);
      if (replaced?.status === 'live') count(delta, replaced, -1, groupOf);
      if (own.status === 'live') count(delta, own, 1, groupOf);
    }
    recount(delta.scannerLive, base.tally.scannerLive, scannersByGroup, groupOf);
    recount(delta.issuerLive, base.tally.issuerLive, issuersByGroup, groupOf);
  }
  return new Counts(base, delta, scannersByGroup, issuersByGroup);
}

const sum = (shared: ReadonlyMap<string, number>, changes: ReadonlyMap<string, number>, key: string) =>
  (shared.get(key) ?? 0) + (changes.get(key) ?? 0);

function total(shared: ReadonlyMap<string, number>, changes: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const v of shared.values()) n += v;
  for (const v of changes.values()) n += v;
  return n;
}

/**
 * A link set's counts with a city's changes. A class, not an object of closures: it is made for
 * every group of every period (80,000 times in a national run).
 */
class Counts implements LiveCounts {
  private scannerTotal: number | undefined;
  private issuerTotal: number | undefined;

  constructor(
    private readonly base: SetCounts,
    private readonly delta: Tally,
    private readonly scannersByGroup: ReadonlyMap<string, number>,
    private readonly issuersByGroup: ReadonlyMap<string, number>,
  ) {}

  scannerLive(id: string): number {
    return sum(this.base.tally.scannerLive, this.delta.scannerLive, id);
  }

  issuerLive(id: string): number {
    return sum(this.base.tally.issuerLive, this.delta.issuerLive, id);
  }

  scannerOutside(id: string): number {
    return sum(this.base.tally.scannerOutside, this.delta.scannerOutside, id);
  }

  issuerOutside(id: string): number {
    return sum(this.base.tally.issuerOutside, this.delta.issuerOutside, id);
  }

  scannersOutsideGroup(group: string): number {
    this.scannerTotal ??= total(this.base.scannersByGroup, this.scannersByGroup);
    return this.scannerTotal - sum(this.base.scannersByGroup, this.scannersByGroup, group);
  }

  issuersOutsideGroup(group: string): number {
    this.issuerTotal ??= total(this.base.issuersByGroup, this.issuersByGroup);
    return this.issuerTotal - sum(this.base.issuersByGroup, this.issuersByGroup, group);
  }
}
