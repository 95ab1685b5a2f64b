// As-of lookups: which report speaks for each institution at a period, and what those reports
// declare in one city, mode and channel.
import { sql } from 'kysely';
import { rawRows, type Db } from '../db/database.js';

export interface AsOfReport {
  id: number;
  institution: string;
  period: string;
  version: number;
}

/**
 * For each institution, the latest version of its latest report with period <= the given one.
 * Driven per institution so that reports_latest_by_institution answers each max(period) with one
 * seek, instead of grouping every latest report up to the period.
 */
export async function asOfReports(db: Db, period: string): Promise<AsOfReport[]> {
  return db
    .selectFrom((eb) => eb.selectFrom('reports').select('institution').distinct().where('latest', '=', 1).as('i'))
    .innerJoin('reports as r', (join) =>
      join
        .onRef('r.institution', '=', 'i.institution')
        .on('r.latest', '=', 1)
        .on('r.period', '=', (eb) =>
          eb
            .selectFrom('reports as x')
            .select((e) => e.fn.max('x.period').as('period'))
            .where('x.latest', '=', 1)
            .whereRef('x.institution', '=', 'i.institution')
            .where('x.period', '<=', period),
        ),
    )
    .select(['r.id', 'r.institution', 'r.period', 'r.version'])
    .execute();
}

/** A declared link as declaredLinksInCity reads it: [reportId, scanner, issuer, status, since]. */
export type DeclaredLinkRow = [reportId: number, scanner: string, issuer: string, status: string, since: string];

/**
 * The links of the given reports whose city is exactly `city` ('*' for the rows that declare every
 * city), each report's in row order, as arrays (see rawRows): named objects through Kysely's driver
 * took a third of a national matrix's time.
 */
export async function declaredLinksInCity(db: Db, reportIds: readonly number[], city: string, mode: string, channel: string): Promise<DeclaredLinkRow[]> {
  if (reportIds.length === 0) return [];
  const query = db
    .selectFrom('report_links')
    .select(['report_id', 'scanner', 'issuer', 'status', 'since'])
    .where('report_id', 'in', reportIds)
    .where('city', '=', city)
    .where('mode', '=', mode)
    .where('channel', '=', channel);
  return (await rawRows(db, query)) as DeclaredLinkRow[];
}

/**
 * The newest report's id (0 with none). It also versions what asOfReports answers: reports are only
 * ever inserted (a new version clears its predecessor's `latest` in the same transaction), ids are
 * never reused, and a report's links never change after it is stored.
 */
export async function latestReportId(db: Db): Promise<number> {
  const row = await db.selectFrom('reports').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}

const LINK_COLUMNS = sql.raw('row_no, scanner, issuer, mode, channel, city, status, since');
// Two parameters a pair; SQLite allows 32,766 a statement.
const PAIRS_PER_QUERY = 500;

/**
 * Of the given [report, earlier report] pairs, those whose reports hold the same links (every
 * column, row numbers included), by report id. Compared inside SQLite, without reading the rows:
 * most institutions repeat last month's links, and reading them again was most of a rules run's
 * reading. Rows are stored in row order, so equal reports also read back in the same order.
 */
export async function reportsRepeatingLinks(db: Db, pairs: readonly (readonly [report: number, earlier: number])[]): Promise<Map<number, number>> {
  const repeats = new Map<number, number>();
  for (let i = 0; i < pairs.length; i += PAIRS_PER_QUERY) {
    const values = sql.join(pairs.slice(i, i + PAIRS_PER_QUERY).map(([report, earlier]) => sql`(${report}, ${earlier})`));
    const { rows } = await sql<{ report: number; earlier: number }>`
      with p(report, earlier) as (values ${values})
      select report, earlier from p
      where (select count(*) from report_links where report_id = p.report) = (select count(*) from report_links where report_id = p.earlier)
        and not exists (
          select ${LINK_COLUMNS} from report_links where report_id = p.report
          except select ${LINK_COLUMNS} from report_links where report_id = p.earlier)`.execute(db);
    for (const { report, earlier } of rows) repeats.set(report, earlier);
  }
  return repeats;
}
