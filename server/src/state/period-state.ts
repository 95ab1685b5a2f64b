// The reconciled state of every city, mode and channel as of a period, and the agreements in force,
// built from each institution's as-of report. Rules and analytics read whole periods through this.
//
// Most links are declared for every city ('*'), so cities without rows of their own share one
// computed link set, and a city with rows of its own reconciles only the pairs those rows touch.
import type { Agreement } from '../contract/reports.js';
import { firstDayOf, lastDayOf } from './periods.js';
import {
  addDeclaration,
  compareLinks,
  pairKey,
  reconcileKeyedPairs,
  reconcilePairs,
  type LinkStatus,
  type PairDeclarations,
  type StateLink,
} from './reconcile.js';
import type { AsOfReport } from './repository.js';

export const MODES = ['mpm', 'cpm'] as const;
export const CHANNELS = ['offline', 'online'] as const;
export type Mode = (typeof MODES)[number];
export type Channel = (typeof CHANNELS)[number];

const SCOPE_KEYS: Record<Mode, Record<Channel, string>> = {
  mpm: { offline: 'mpm|offline', online: 'mpm|online' },
  cpm: { offline: 'cpm|offline', online: 'cpm|online' },
};

/** `mode|channel`, the key of a mode and channel's links: the same string each time, not one made per link or hit. */
export function scopeKey(mode: Mode, channel: Channel): string {
  return SCOPE_KEYS[mode][channel];
}

/** Cities that share one set of links in a mode and channel. */
export interface CityGroup {
  cities: readonly string[];
  links: readonly StateLink[];
  /**
   * The issuers' declarations of links that the scanners' as-of reports leave out, sorted as links
   * are: not links (the scanner's silence stands), but the issuer's word, which CONS-001 reports as
   * disputed and which keeps EXCL-002 from naming an issuer closed that declares itself open.
   */
  omitted: readonly StateLink[];
  /**
   * For a city with rows of its own: the links of the cities without, and the city's own links (by
   * pair key) that replace or add to them in `links`; likewise for `omitted`. Lets a rule look a
   * pair up without indexing every city's links. A pair the city's rows touch is in `own` or in
   * `ownOmitted`, and then only there.
   */
  overlay?: {
    shared: readonly StateLink[];
    own: ReadonlyMap<string, StateLink>;
    sharedOmitted: readonly StateLink[];
    ownOmitted: ReadonlyMap<string, StateLink>;
  };
}

const nestedIndexes = new WeakMap<object, Map<string, Map<string, StateLink>>>();

/** Array.isArray, keeping the element type (on a readonly array it narrows to any[]). */
function isList(links: readonly StateLink[] | ReadonlyMap<string, StateLink>): links is readonly StateLink[] {
  return Array.isArray(links);
}

/**
 * The link of a link set (a list, or a city's own links by pair key) in which `scanner` recognises
 * `issuer`'s codes, if any. Looked up by scanner then issuer, indexed once per set: a national run
 * looks up millions of pairs, and making each one's key string took half of that.
 */
export function linkIn(
  links: readonly StateLink[] | ReadonlyMap<string, StateLink>,
  scanner: string,
  issuer: string,
): StateLink | undefined {
  let index = nestedIndexes.get(links);
  if (!index) {
    index = new Map();
    for (const l of isList(links) ? links : links.values()) {
      let byIssuer = index.get(l.scanner);
      if (!byIssuer) index.set(l.scanner, (byIssuer = new Map<string, StateLink>()));
      byIssuer.set(l.issuer, l);
    }
    nestedIndexes.set(links, index);
  }
  return index.get(scanner)?.get(issuer);
}

/** The group's link in which `scanner` recognises `issuer`'s codes, if any. */
export function linkBetween(group: CityGroup, scanner: string, issuer: string): StateLink | undefined {
  if (group.overlay) return linkIn(group.overlay.own, scanner, issuer) ?? linkIn(group.overlay.shared, scanner, issuer);
  return linkIn(group.links, scanner, issuer);
}

export interface AgreementInForce extends Agreement {
  reporter: string;
  reportId: number;
  version: number;
  /** The period of the report that declares it (carried forward to later periods). */
  reportPeriod: string;
  row: number;
}

export interface PeriodState {
  period: string;
  /** Each institution's as-of report. */
  reports: ReadonlyMap<string, AsOfReport>;
  groups(mode: Mode, channel: Channel): readonly CityGroup[];
  links(city: string, mode: Mode, channel: Channel): readonly StateLink[];
  /** The group a city belongs to (every registry city belongs to exactly one). */
  group(city: string, mode: Mode, channel: Channel): CityGroup | undefined;
  agreements: readonly AgreementInForce[];
}

export interface StoredLink {
  row: number;
  scanner: string;
  issuer: string;
  city: string;
  status: LinkStatus;
  since: string;
}

/** A report's links, split by `mode|channel` once when loaded. */
export type LinksByScope = Map<string, StoredLink[]>;

export function inForce(a: Pick<Agreement, 'effective' | 'expires'>, period: string): boolean {
  return a.effective <= lastDayOf(period) && (a.expires === null || a.expires >= firstDayOf(period));
}

/** What the builder reads of each as-of report. */
export interface ReportContents {
  /** The report's links in one `mode|channel`. */
  links(reportId: number, scope: string): readonly StoredLink[];
  agreements(reportId: number): readonly (Agreement & { row: number })[];
}

/** The state of a period from its as-of reports; pure, so rules can be tested without a database. */
export function buildPeriodState(
  period: string,
  reports: readonly AsOfReport[],
  cities: readonly string[],
  contents: ReportContents,
): PeriodState {
  const computed = new Map<string, { groups: CityGroup[]; byCity: Map<string, CityGroup> }>();
  const scope = (mode: Mode, channel: Channel) => {
    const key = scopeKey(mode, channel);
    let entry = computed.get(key);
    if (!entry) {
      const groups = buildGroups(reports, contents, key, period, cities);
      const byCity = new Map<string, CityGroup>();
      for (const g of groups) for (const c of g.cities) byCity.set(c, g);
      entry = { groups, byCity };
      computed.set(key, entry);
    }
    return entry;
  };
  // Fields listed, not spread: agreements come in two shapes (with and without text), and copying
  // them by spread was a visible part of a national run.
  const agreements = reports.flatMap((r) =>
    contents
      .agreements(r.id)
      .filter((a) => inForce(a, period))
      .map((a): AgreementInForce => ({
        row: a.row,
        ref: a.ref,
        counterparty: a.counterparty,
        kind: a.kind,
        exclusive: a.exclusive,
        feeBps: a.feeBps,
        scope: a.scope,
        restrictions: a.restrictions,
        effective: a.effective,
        expires: a.expires,
        text: a.text,
        reporter: r.institution,
        reportId: r.id,
        version: r.version,
        reportPeriod: r.period,
      })),
  );
  return {
    period,
    reports: new Map(reports.map((r) => [r.institution, r])),
    groups: (mode, channel) => scope(mode, channel).groups,
    links: (city, mode, channel) => scope(mode, channel).byCity.get(city)?.links ?? [],
    group: (city, mode, channel) => scope(mode, channel).byCity.get(city),
    agreements,
  };
}

/**
 * A state holding only each institution's as-of report, for rules that read nothing else (LATE-001):
 * reading every link of every period for them would cost seconds of CPU at every start-up and every
 * hour, for nothing. Asking it for links or agreements is a programming error.
 */
export function reportsOnlyState(period: string, reports: readonly AsOfReport[]): PeriodState {
  const unread = (): never => {
    throw new Error(`the state of ${period} was built with its reports only`);
  };
  return {
    period,
    reports: new Map(reports.map((r) => [r.institution, r])),
    groups: unread,
    links: unread,
    group: unread,
    get agreements() {
      return unread();
    },
  };
}

/** One report's declarations for one city, with their pairs' keys. */
export interface OwnDeclarations {
  declarations: readonly StoredLink[];
  keys: readonly string[];
}

/** A report's declarations in one scope, split into those for every city and each city's own, with their pairs' keys. */
export interface SplitDeclarations {
  everyCity: readonly StoredLink[];
  everyCityKeys: readonly string[];
  byCity: ReadonlyMap<string, OwnDeclarations>;
}

// Keyed by the report's link list: a loader hands out the same list for a report in every period
// that uses it, and for a report that repeats its institution's previous one, so it is split once.
// The stored links are the declarations, and the report that makes them travels beside them
// (addDeclaration): a copy of each naming its report, made for every report of every period, was a
// large part of what a national run allocates.
const splitCache = new WeakMap<readonly StoredLink[], SplitDeclarations>();

export function splitDeclarations(links: readonly StoredLink[]): SplitDeclarations {
  const cached = splitCache.get(links);
  if (cached) return cached;
  const everyCity: StoredLink[] = [];
  const everyCityKeys: string[] = [];
  const byCity = new Map<string, { declarations: StoredLink[]; keys: string[] }>();
  for (const l of links) {
    const key = pairKey(l.scanner, l.issuer);
    if (l.city === '*') {
      everyCity.push(l);
      everyCityKeys.push(key);
    } else {
      const own = byCity.get(l.city);
      if (own) {
        own.declarations.push(l);
        own.keys.push(key);
      } else byCity.set(l.city, { declarations: [l], keys: [key] });
    }
  }
  const split = { everyCity, everyCityKeys, byCity };
  splitCache.set(links, split);
  return split;
}

/**
 * The declarations for every city ('*') are reconciled once; a city with rows of its own gets
 * those links with only the pairs its own rows touch reconciled again (each pair is reconciled on
 * its own, so this is what reconciling all of the city's declarations gives).
 */
function buildGroups(
  reports: readonly AsOfReport[],
  contents: ReportContents,
  scopeKey: string,
  period: string,
  cities: readonly string[],
): CityGroup[] {
  // Groups of the listed cities only: the registry's, or some of them (the run after a corrected report).
  if (cities.length === 0) return [];
  const listed = new Set(cities);
  const periodOf = new Map(reports.map((r) => [r.institution, r.period]));
  const shared = new Map<string, PairDeclarations>();
  const perCity = new Map<string, { report: AsOfReport; own: OwnDeclarations }[]>();
  for (const r of reports) {
    const split = splitDeclarations(contents.links(r.id, scopeKey));
    for (let i = 0; i < split.everyCity.length; i++) addDeclaration(shared, r.institution, split.everyCity[i], split.everyCityKeys[i], r);
    for (const [city, own] of split.byCity) {
      if (!listed.has(city)) continue;
      const entry = { report: r, own };
      const list = perCity.get(city);
      if (list) list.push(entry);
      else perCity.set(city, [entry]);
    }
  }
  const sharedOmitted: StateLink[] = [];
  const sharedLinks = reconcilePairs(shared.values(), periodOf, period, sharedOmitted);
  const groups: CityGroup[] = [];
  const rest = cities.filter((c) => !perCity.has(c));
  if (rest.length > 0) groups.push({ cities: rest, links: sharedLinks, omitted: sharedOmitted });
  for (const [city, own] of perCity) {
    const touched = new Map<string, PairDeclarations>();
    for (const {
      report,
      own: { declarations, keys },
    } of own) {
      for (let i = 0; i < declarations.length; i++) {
        const key = keys[i];
        if (!touched.has(key)) {
          const before = shared.get(key);
          if (before)
            touched.set(key, {
              pair: before.pair,
              scanner: before.scanner,
              issuer: before.issuer,
              scannerIn: before.scannerIn,
              issuerIn: before.issuerIn,
            });
        }
        addDeclaration(touched, report.institution, declarations[i], key, report);
      }
    }
    groups.push(overlaidGroup(city, sharedLinks, sharedOmitted, reconcileKeyedPairs(touched, periodOf, period)));
  }
  return groups;
}

/**
 * A city with rows of its own. Its full link list is made only when asked for: the rules of a run
 * look pairs up through the overlay, and a list of every link for each of 337 cities a period,
 * kept while the period is evaluated, was a sixth of a national run's allocations.
 */
function overlaidGroup(
  city: string,
  shared: readonly StateLink[],
  sharedOmitted: readonly StateLink[],
  own: { links: readonly StateLink[]; byKey: ReadonlyMap<string, StateLink>; omitted: ReadonlyMap<string, StateLink> },
): CityGroup {
  let links: readonly StateLink[] | undefined;
  let omitted: readonly StateLink[] | undefined;
  return {
    cities: [city],
    get links() {
      return (links ??= overlay(shared, own.links));
    },
    get omitted() {
      // A pair the city's rows touch is the city's own, a link or omitted; the rest are the shared omissions.
      omitted ??= [...sharedOmitted.filter((l) => !touches(own, l)), ...own.omitted.values()].sort(compareLinks);
      return omitted;
    },
    overlay: { shared, own: own.byKey, sharedOmitted, ownOmitted: own.omitted },
  };
}

function touches(own: { byKey: ReadonlyMap<string, StateLink>; omitted: ReadonlyMap<string, StateLink> }, link: StateLink): boolean {
  const key = pairKey(link.scanner, link.issuer);
  return own.byKey.has(key) || own.omitted.has(key);
}

/** The shared links (sorted) with the city's own links (sorted) put in place of those of the same pair. */
function overlay(shared: readonly StateLink[], own: readonly StateLink[]): StateLink[] {
  const out: StateLink[] = [];
  let from = 0;
  for (const link of own) {
    // Binary search for the first shared link not before this one.
    let lo = from;
    let hi = shared.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareLinks(shared[mid], link) < 0) lo = mid + 1;
      else hi = mid;
    }
    for (let i = from; i < lo; i++) out.push(shared[i]);
    out.push(link);
    from = lo < shared.length && shared[lo].scanner === link.scanner && shared[lo].issuer === link.issuer ? lo + 1 : lo;
  }
  for (let i = from; i < shared.length; i++) out.push(shared[i]);
  return out;
}
