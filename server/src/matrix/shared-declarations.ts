// What every city's matrix of a period, mode and channel shares: each institution's as-of report and
// the rows of those reports that declare every city ('*'). At national size these are most of a
// city's rows (Beijing, December 2023: 1,388 of 1,470) and, with the as-of lookup, most of a
// request's reading, so they are kept in memory and a city then reads only its own rows.
//
// Kept only while no report arrives: every request first reads the reports' version from the
// database (reportsVersion), so a new report is seen at once, also by other server processes over
// the same file, and the whole cache is dropped when the version moves. A request that began before
// a report arrived may store newer rows under the older version; no later request asks for that
// version, so they are never served.
import type { Db } from '../db/database.js';
import { asOfReports, declaredLinksInCity, reportsVersion, type AsOfReport, type DeclaredLinkRow } from '../state/repository.js';

/** Shared by the requests that read it: not to be changed. */
export interface SharedDeclarations {
  readonly reports: readonly AsOfReport[];
  /** The '*' rows of `reports` in the mode and channel, each report's in row order. */
  readonly allCityRows: readonly DeclaredLinkRow[];
}

/** Periods × modes × channels kept: at national size about 1,000 rows and 0.33 MB each, 10 MB in all. */
const MAX_ENTRIES = 32;

interface Cache {
  version: number;
  /** By period, mode and channel, least recently used first. */
  entries: Map<string, SharedDeclarations>;
}

const caches = new WeakMap<Db, Cache>();

export async function sharedDeclarations(db: Db, period: string, mode: string, channel: string): Promise<SharedDeclarations> {
  const version = await reportsVersion(db);
  let cache = caches.get(db);
  if (cache?.version !== version) {
    cache = { version, entries: new Map() };
    caches.set(db, cache);
  }
  const key = `${period}|${mode}|${channel}`;
  const kept = cache.entries.get(key);
  if (kept) {
    cache.entries.delete(key);
    cache.entries.set(key, kept);
    return kept;
  }
  const reports = await asOfReports(db, period);
  const shared = { reports, allCityRows: await declaredLinksInCity(db, reports.map((r) => r.id), '*', mode, channel) };
  cache.entries.set(key, shared);
  if (cache.entries.size > MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!);
  return shared;
}
