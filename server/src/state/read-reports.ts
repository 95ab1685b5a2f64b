// What state loaders read of each report, kept for the whole process. A report never changes once
// stored (a new version is another report, with another id), so what was read of it stays true, also
// when other server processes write to the same file. A run after a report reads the same few hundred
// as-of reports as the run before it: kept here, they are not read again (at national size, reading a
// period and the one before was a large part of storing a report).
import type { Agreement, Link } from '../contract/reports.js';
import type { Db } from '../db/database.js';
import { agreementFromRow, agreementRows } from '../reports/repository.js';
import type { LinksByScope, StoredLink } from './period-state.js';

/** Link rows kept per database, the least recently used dropped first: two or three national periods. */
const MAX_ROWS = 150_000;

export interface ReadReport {
  links: LinksByScope;
  agreements: (Agreement & { row: number })[];
  /** The report's link rows, what the bound counts. */
  rows: number;
}

export class ReadReports {
  private readonly kept = new Map<number, ReadReport>();
  private rows = 0;

  constructor(private readonly maxRows = MAX_ROWS) {}

  get(id: number): ReadReport | undefined {
    const read = this.kept.get(id);
    if (read) {
      this.kept.delete(id);
      this.kept.set(id, read);
    }
    return read;
  }

  set(id: number, read: ReadReport): void {
    const before = this.kept.get(id);
    if (before) {
      this.kept.delete(id);
      this.rows -= before.rows;
    }
    this.kept.set(id, read);
    this.rows += read.rows;
    for (const [oldest, { rows }] of this.kept) {
      if (this.rows <= this.maxRows || oldest === id) break;
      this.kept.delete(oldest);
      this.rows -= rows;
    }
  }
}

const byDb = new WeakMap<Db, ReadReports>();

export function readReportsOf(db: Db): ReadReports {
  let reports = byDb.get(db);
  if (!reports) byDb.set(db, (reports = new ReadReports()));
  return reports;
}

/**
 * A report just stored, as a loader would read it back, so that the run after it does not read its
 * rows again (reading a large report back is a large part of storing it). Loaders read links through the index on
 * (report, city, mode, channel): each scope's links come in city order, rows in stored order within
 * a city, and agreements in row order. The kept-states spec compares this with a read.
 */
export function rememberStoredReport(db: Db, id: number, links: readonly Link[], agreements: readonly Agreement[]): void {
  const byScope: LinksByScope = new Map();
  links.forEach((l, row) => {
    const key = `${l.mode}|${l.channel}`;
    const link: StoredLink = { row, scanner: l.scanner, issuer: l.issuer, city: l.city, status: l.status, since: l.since };
    const list = byScope.get(key);
    if (list) list.push(link);
    else byScope.set(key, [link]);
  });
  // Stable: rows keep their order within a city.
  for (const list of byScope.values()) list.sort((a, b) => (a.city < b.city ? -1 : a.city > b.city ? 1 : 0));
  readReportsOf(db).set(id, { links: byScope, agreements: agreementRows(id, agreements).map(agreementFromRow), rows: links.length });
}
