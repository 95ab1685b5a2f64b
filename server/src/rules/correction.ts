// The run after a corrected report: a new version of a month its institution had already reported,
// sent when the rules had seen every report before it. The month's links then differ from those the
// stored findings were made from only in the cities where the institution's declarations differ,
// so only those cities are evaluated again. In the others every hit is the hit of before, except
// that evidence naming the replaced version's rows names the new version's rows declaring the same
// links: those findings are merged with their evidence moved, as a full evaluation would have them.
// At national size, a network's corrected report spent ~1 s in the rules evaluating and merging all
// 337 cities of its month, where it had changed a few of them, or none.
import type { Db } from '../db/database.js';
import { unpackLinks } from '../reports/packed-links.js';
import type { LinksByScope, StoredLink } from '../state/period-state.js';
import { readReportsOf } from '../state/read-reports.js';
import { pairKey } from '../state/reconcile.js';
import { packedLinksOfReports } from '../state/repository.js';
import { linksByScope } from '../state/state-loader.js';
import type { Evidence } from './rule.js';

interface ReportRef {
  id: number;
  version: number;
}

export interface Correction {
  replaced: ReportRef;
  by: ReportRef;
  /** Cities where the institution declares, in some mode and channel, other links than before. */
  cities: Set<string>;
  /** The evidence of a finding in a city not evaluated again, the replaced version's rows named by the new version's. */
  moved(evidence: readonly Evidence[], city: string): Evidence[];
}

/**
 * What the report corrects, when its run can be limited to that: it is a new version of a month
 * its institution had reported, and the rules have seen every other report (the findings are those
 * of the version it replaces). Null otherwise.
 */
export async function correctionOf(db: Db, reportId: number, cities: readonly string[]): Promise<Correction | null> {
  const report = await db.selectFrom('reports').select(['id', 'institution', 'period', 'version']).where('id', '=', reportId).executeTakeFirst();
  if (!report) return null;
  const replaced = await db
    .selectFrom('reports')
    .select(['id', 'version'])
    .where('institution', '=', report.institution)
    .where('period', '=', report.period)
    .where('id', '!=', reportId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!replaced) return null;
  const unseen = await db.selectFrom('reports').select('id').where('rules_applied', '=', 0).where('id', '!=', reportId).limit(1).executeTakeFirst();
  if (unseen) return null;
  const [before, after] = await Promise.all([scopedLinksOf(db, replaced.id), scopedLinksOf(db, reportId)]);
  const by = { id: report.id, version: report.version };
  return { replaced, by, cities: changedCities(before, after, cities), moved: evidenceMover(replaced.id, by, before, after) };
}

/** A report's links as loaders hold them: kept since a loader read them (or since stored), or read now. */
async function scopedLinksOf(db: Db, reportId: number): Promise<LinksByScope> {
  const read = readReportsOf(db).get(reportId);
  if (read) return read.links;
  const [stored] = await packedLinksOfReports(db, [reportId]);
  return stored ? linksByScope(unpackLinks(stored[1])) : new Map();
}

/** One report's links in one mode and channel by city ('*' for those of every city), in stored order. */
function byCity(links: readonly StoredLink[]): Map<string, StoredLink[]> {
  const cities = new Map<string, StoredLink[]>();
  for (const l of links) {
    const list = cities.get(l.city);
    if (list) list.push(l);
    else cities.set(l.city, [l]);
  }
  return cities;
}

const NONE: readonly StoredLink[] = [];

/** The same declarations in the same order: what a report sent again, or a city it did not touch, has. */
function sameSequence(a: readonly StoredLink[], b: readonly StoredLink[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.scanner !== y.scanner || x.issuer !== y.issuer || x.status !== y.status || x.since !== y.since) return false;
  }
  return true;
}

/** Each pair's `status|since` in a city: its own row if there is one, else its row for every city (as period-state.ts builds it). */
function declaredIn(everyCity: readonly StoredLink[], own: readonly StoredLink[]): Map<string, string> {
  const declared = new Map<string, string>();
  for (const list of [everyCity, own]) for (const l of list) declared.set(pairKey(l.scanner, l.issuer), `${l.status}|${l.since}`);
  return declared;
}

function sameDeclared(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}

/** The listed cities in which the two versions declare other links, in some mode and channel. */
export function changedCities(before: LinksByScope, after: LinksByScope, cities: readonly string[]): Set<string> {
  const changed = new Set<string>();
  const listed = new Set(cities);
  for (const scope of new Set([...before.keys(), ...after.keys()])) {
    const was = byCity(before.get(scope) ?? NONE);
    const is = byCity(after.get(scope) ?? NONE);
    const wasEvery = was.get('*') ?? NONE;
    const isEvery = is.get('*') ?? NONE;
    const sameEveryCity = sameSequence(wasEvery, isEvery) || sameDeclared(declaredIn(wasEvery, NONE), declaredIn(isEvery, NONE));
    // A city without rows of its own has the rows for every city: made once, not once a city.
    const onlyEvery = new Map<readonly StoredLink[], Map<string, string>>();
    const declared = (every: readonly StoredLink[], own: readonly StoredLink[]) => {
      if (own.length > 0) return declaredIn(every, own);
      return onlyEvery.get(every) ?? onlyEvery.set(every, declaredIn(every, NONE)).get(every)!;
    };
    // With the same rows for every city, only cities with rows of their own can differ.
    const suspects = sameEveryCity ? new Set([...was.keys(), ...is.keys()]) : cities;
    for (const city of suspects) {
      if (city === '*' || !listed.has(city) || changed.has(city)) continue;
      const wasOwn = was.get(city) ?? NONE;
      const isOwn = is.get(city) ?? NONE;
      if (sameEveryCity && sameSequence(wasOwn, isOwn)) continue;
      if (!sameDeclared(declared(wasEvery, wasOwn), declared(isEvery, isOwn))) changed.add(city);
    }
  }
  return changed;
}

/**
 * Moves evidence from the replaced version's rows to the new version's row declaring the same link
 * in the finding's city: its own row there, or its row for every city. A city's rows are searched
 * in turn (a few hundred at most): indexing every row of a national report by its pair took longer
 * than the thousand or so lookups a correction makes.
 */
function evidenceMover(replaced: number, by: ReportRef, before: LinksByScope, after: LinksByScope): Correction['moved'] {
  let index: { was: [scope: string, link: StoredLink][]; rows: Map<string, Map<string, StoredLink[]>> } | undefined;
  const indexed = () => {
    if (index) return index;
    const was: [string, StoredLink][] = [];
    for (const [scope, links] of before) for (const l of links) was[l.row] = [scope, l];
    return (index = { was, rows: new Map([...after].map(([scope, links]) => [scope, byCity(links)])) });
  };
  const find = (links: readonly StoredLink[] | undefined, { scanner, issuer }: StoredLink) => links?.find((l) => l.scanner === scanner && l.issuer === issuer)?.row;
  return (evidence, city) =>
    evidence.map((e) => {
      if (e.reportId !== replaced) return e;
      const { was, rows } = indexed();
      const [scope, link] = e.row === undefined ? [] : (was[e.row] ?? []);
      const cities = scope === undefined ? undefined : rows.get(scope);
      const row = link && cities ? (find(cities.get(city), link) ?? find(cities.get('*'), link)) : undefined;
      // Only a city where the declarations are the same is asked: the new version declares the link there.
      if (row === undefined) throw new Error(`report ${by.id} declares no link in ${city} for row ${e.row ?? '-'} of report ${replaced}`);
      // The fields in the order linkSources gives them, so that the stored evidence reads the same.
      return { reportId: by.id, version: by.version, institution: e.institution, period: e.period, row };
    });
}
