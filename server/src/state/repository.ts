// As-of lookups: which report speaks for each institution at a period, and what those reports
// declare in one city, mode and channel.
import { sql } from 'kysely';
import type { Agreement } from '../contract/reports.js';
import type { Db } from '../db/database.js';
import { packStoredLinks } from '../reports/packed-links.js';

export interface AsOfReport {
  id: number;
  institution: string;
  period: string;
  version: number;
}

/**
 * For each institution, the latest version of its latest report with period <= the given one, by
 * institution. Driven by the institutions table (a report's institution is always in it): each
 * institution's report is one backward seek in reports_latest_by_institution, whose entries carry
 * the report's id, then one lookup of that report. Listing the institutions from the latest
 * reports instead read every one of them (thousands at national size): most of the lookup's time.
 */
export async function asOfReports(db: Db, period: string): Promise<AsOfReport[]> {
  return db
    .selectFrom('institutions as i')
    .innerJoin('reports as r', (join) =>
      join.on('r.id', '=', (eb) =>
        eb
          .selectFrom('reports as x')
          .select('x.id')
          .where('x.latest', '=', 1)
          .whereRef('x.institution', '=', 'i.id')
          .where('x.period', '<=', period)
          .orderBy('x.period', 'desc')
          .limit(1),
      ),
    )
    .select(['r.id', 'r.institution', 'r.period', 'r.version'])
    .orderBy('i.id')
    .execute();
}

/** A declared link as declaredLinksInCity reads it: [reportId, scanner, issuer, status, since]. */
export type DeclaredLinkRow = [reportId: number, scanner: string, issuer: string, status: string, since: string];

/**
 * The links of the given reports whose city is exactly `city` ('*' for the rows that declare every
 * city), each report's in row order, as arrays. SQLite hands them over as one JSON array, which
 * JSON.parse turns into arrays faster than the driver turns rows into values one by one, and what
 * the matrix keeps of them (shared-links.ts) is a third smaller, so it costs less to collect.
 * (PostgreSQL has the same in json_agg(json_build_array(…)).)
 */
export async function declaredLinksInCity(
  db: Db,
  reportIds: readonly number[],
  city: string,
  mode: string,
  channel: string,
): Promise<DeclaredLinkRow[]> {
  if (reportIds.length === 0) return [];
  const { links } = await db
    .selectFrom('report_links')
    .select(sql<string>`json_group_array(json_array(report_id, scanner, issuer, status, since))`.as('links'))
    .where('report_id', 'in', reportIds)
    .where('city', '=', city)
    .where('mode', '=', mode)
    .where('channel', '=', channel)
    .executeTakeFirstOrThrow();
  return JSON.parse(links) as DeclaredLinkRow[];
}

/**
 * The given reports' links as stored packed (reports/packed-links.ts), in no particular order. A
 * report stored without them (none since migration 009 packed every report) is packed from its rows.
 */
export async function packedLinksOfReports(db: Db, reportIds: readonly number[]): Promise<[reportId: number, packed: Uint8Array][]> {
  if (reportIds.length === 0) return [];
  const rows = await db.selectFrom('report_packed_links').select(['report_id', 'links']).where('report_id', 'in', reportIds).execute();
  const packed: [number, Uint8Array][] = rows.map((r) => [r.report_id, r.links]);
  if (packed.length === reportIds.length) return packed;
  const found = new Set(rows.map((r) => r.report_id));
  return [
    ...packed,
    ...(await packStoredLinks(
      db,
      reportIds.filter((id) => !found.has(id)),
    )),
  ];
}

type AgreementRow = [
  row: number,
  ref: string,
  counterparty: string,
  kind: Agreement['kind'],
  exclusive: number,
  feeBps: number | null,
  cities: string[],
  modes: Agreement['scope']['modes'],
  channels: Agreement['scope']['channels'],
  restrictions: Agreement['restrictions'],
  effective: string,
  expires: string | null,
  text: string | null,
];

/**
 * The agreements of the given reports, each report's read as one JSON array with its list columns
 * in place (as reportAgreements gives them, in stored order): read as objects, with four JSON.parse
 * calls a row, the 47,000 agreements of a national run took twice as long.
 */
export async function agreementsOfReports(
  db: Db,
  reportIds: readonly number[],
): Promise<[reportId: number, agreements: (Agreement & { row: number })[]][]> {
  if (reportIds.length === 0) return [];
  const rows = await db
    .selectFrom('report_agreements')
    .select([
      'report_id',
      sql<string>`json_group_array(json_array(row_no, ref, counterparty, kind, exclusive, fee_bps, json(cities), json(modes), json(channels), json(restrictions), effective, expires, text))`.as(
        'agreements',
      ),
    ])
    .where('report_id', 'in', reportIds)
    .groupBy('report_id')
    .execute();
  return rows.map((r) => [
    r.report_id,
    (JSON.parse(r.agreements) as AgreementRow[]).map(
      ([row, ref, counterparty, kind, exclusive, feeBps, cities, modes, channels, restrictions, effective, expires, text]) => ({
        row,
        ref,
        counterparty,
        kind,
        exclusive: exclusive === 1,
        feeBps,
        scope: { cities, modes, channels },
        restrictions,
        effective,
        expires,
        ...(text !== null ? { text } : {}),
      }),
    ),
  ]);
}

/**
 * The newest report's id (0 with none). It also versions what asOfReports answers: reports are only
 * ever inserted (a new version clears its predecessor's `latest` in the same transaction), ids are
 * never reused, and a report's links never change after it is stored.
 */
export async function latestReportId(db: Db): Promise<number> {
  const row = await db
    .selectFrom('reports')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** Whether the rules have not yet seen some report (other than `except`): stored, but its run did not finish. */
export async function anyReportUnseen(db: Db, except?: number): Promise<boolean> {
  let query = db.selectFrom('reports').select('id').where('rules_applied', '=', 0);
  if (except !== undefined) query = query.where('id', '!=', except);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}
