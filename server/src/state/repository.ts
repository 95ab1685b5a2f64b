// As-of lookups: which report speaks for each institution at a period, and what those reports
// declare in one city, mode and channel.
import type { Db } from '../db/database.js';

export interface AsOfReport {
  id: number;
  institution: string;
  period: string;
  version: number;
}

/** For each institution, the latest version of its latest report with period <= the given one. */
export async function asOfReports(db: Db, period: string): Promise<AsOfReport[]> {
  return db
    .selectFrom('reports as r')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('reports')
          .select(['institution', (e) => e.fn.max('period').as('period')])
          .where('latest', '=', 1)
          .where('period', '<=', period)
          .groupBy('institution')
          .as('a'),
      (join) => join.onRef('a.institution', '=', 'r.institution').onRef('a.period', '=', 'r.period'),
    )
    .select(['r.id', 'r.institution', 'r.period', 'r.version'])
    .where('r.latest', '=', 1)
    .execute();
}

export interface DeclaredLink {
  reportId: number;
  scanner: string;
  issuer: string;
  status: string;
  since: string;
}

/** The links of the given reports in a city (rows for every city, '*', included). */
export async function declaredLinksInCity(db: Db, reportIds: number[], city: string, mode: string, channel: string): Promise<DeclaredLink[]> {
  if (reportIds.length === 0) return [];
  return db
    .selectFrom('report_links')
    .select(['report_id as reportId', 'scanner', 'issuer', 'status', 'since'])
    .where('report_id', 'in', reportIds)
    .where('city', 'in', [city, '*'])
    .where('mode', '=', mode)
    .where('channel', '=', channel)
    .execute();
}

