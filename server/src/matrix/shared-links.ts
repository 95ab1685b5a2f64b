// What every city's matrix of a period, mode and channel shares: each institution's as-of report and
// the links its rows for every city ('*') make, reconciled. At national size these are most of a
// city's rows (Beijing, December 2023: 1,388 of 1,470) and, with the as-of lookup, most of a
// request's work, so they are kept in memory and a city then reads and reconciles only its own rows.
//
// Kept only while no report arrives: every request first reads the reports' version from the
// database (latestReportId), so a new report is seen at once, also by other server processes over
// the same file, and the whole cache is dropped when the version moves. A request that began before
// a report arrived may store newer links under the older version; no later request asks for that
// version, so they are never served.
import type { Db } from '../db/database.js';
import { addDeclaration, reconcileStatuses, type LinkStatus, type LinkStatusCell, type PairDeclarations } from '../state/reconcile.js';
import { asOfReports, declaredLinksInCity, latestReportId } from '../state/repository.js';

/** Shared by the requests that read it: not to be changed. */
export interface SharedLinks {
  reportIds: readonly number[];
  institutionOf: ReadonlyMap<number, string>;
  /** Each institution's as-of period. */
  periodOf: ReadonlyMap<string, string>;
  /** The '*' declarations by pair (pairKey). */
  pairs: ReadonlyMap<string, Readonly<PairDeclarations>>;
  /** The pairs reconciled, in compareLinks order. */
  cells: readonly LinkStatusCell[];
}

/** Periods × modes × channels kept: each holds a national period's '*' rows, so their count bounds the memory. */
const MAX_ENTRIES = 32;

interface Cache {
  version: number;
  /** By period, mode and channel, least recently used first. */
  entries: Map<string, SharedLinks>;
}

const caches = new WeakMap<Db, Cache>();

export async function sharedLinks(db: Db, period: string, mode: string, channel: string): Promise<SharedLinks> {
  const version = await latestReportId(db);
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
  const shared = await readSharedLinks(db, period, mode, channel);
  cache.entries.set(key, shared);
  if (cache.entries.size > MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!);
  return shared;
}

async function readSharedLinks(db: Db, period: string, mode: string, channel: string): Promise<SharedLinks> {
  const reports = await asOfReports(db, period);
  const reportIds = reports.map((r) => r.id);
  const institutionOf = new Map(reports.map((r) => [r.id, r.institution]));
  const periodOf = new Map(reports.map((r) => [r.institution, r.period]));
  const pairs = new Map<string, PairDeclarations>();
  for (const [reportId, scanner, issuer, status, since] of await declaredLinksInCity(db, reportIds, '*', mode, channel)) {
    addDeclaration(pairs, institutionOf.get(reportId)!, { scanner, issuer, status: status as LinkStatus, since });
  }
  return { reportIds, institutionOf, periodOf, pairs, cells: reconcileStatuses(pairs.values(), periodOf, period) };
}
