// Reports, their links and agreements: stored whole in one transaction, read back as plain objects.
import { rawRows, runEach, type Db } from '../db/database.js';
import type { Selectable, Transaction } from 'kysely';
import type { Database, ReportAgreementTable, ReportRow } from '../db/schema.js';
import type { Agreement, Link, Report, ReportSummary } from '../contract/reports.js';
import type { AcceptedPeriods } from '../state/accepted-periods.js';
import { insertPackedLinks } from './packed-links.js';

/** Rows a multi-row insert carries: 14 parameters an agreement row keeps it under SQLite's 32766. */
const BATCH_ROWS = 2000;

export function toSummary(row: ReportRow): ReportSummary {
  return {
    id: row.id,
    institution: row.institution,
    period: row.period,
    version: row.version,
    receivedAt: row.received_at,
    sha256: row.sha256,
    counts: { links: row.links_count, agreements: row.agreements_count },
    warnings: JSON.parse(row.warnings) as ReportSummary['warnings'],
    latest: row.latest === 1,
    submittedBy: row.submitted_by,
  };
}

export interface StoredReport {
  report: Report;
  sha256: string;
  warnings: unknown[];
  submittedBy: string;
  receivedAt: string;
}

export async function nextVersion(db: Db, institution: string, period: string): Promise<number> {
  const row = await db
    .selectFrom('reports')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('institution', '=', institution)
    .where('period', '=', period)
    .executeTakeFirst();
  return Number(row?.v ?? 0) + 1;
}

/**
 * Stores a report as the new latest version of its (institution, period). The caller holds the
 * transaction (and records the report in the audit trail in it): all or nothing.
 */
export async function insertReport(trx: Transaction<Database>, stored: StoredReport): Promise<ReportRow> {
  const { report } = stored;
  const version = await nextVersion(trx, report.institution, report.period);
  await trx
    .updateTable('reports')
    .set({ latest: 0 })
    .where('institution', '=', report.institution)
    .where('period', '=', report.period)
    .execute();
  const row = await trx
    .insertInto('reports')
    .values({
      institution: report.institution,
      period: report.period,
      version,
      received_at: stored.receivedAt,
      sha256: stored.sha256,
      links_count: report.links.length,
      agreements_count: report.agreements.length,
      warnings: JSON.stringify(stored.warnings),
      submitted_by: stored.submittedBy,
      latest: 1,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await insertLinks(trx, row.id, report.links);
  await insertPackedLinks(trx, row.id, report.links);
  const agreements = agreementRows(row.id, report.agreements);
  for (let i = 0; i < agreements.length; i += BATCH_ROWS / 2) {
    await trx
      .insertInto('report_agreements')
      .values(agreements.slice(i, i + BATCH_ROWS / 2))
      .execute();
  }
  return row;
}

/** A report's agreements as report_agreements stores them, in row order. */
export function agreementRows(reportId: number, agreements: readonly Agreement[]): Selectable<ReportAgreementTable>[] {
  return agreements.map((a, i) => ({
    report_id: reportId,
    row_no: i,
    ref: a.ref,
    counterparty: a.counterparty,
    kind: a.kind,
    exclusive: a.exclusive ? 1 : 0,
    fee_bps: a.feeBps,
    cities: JSON.stringify(a.scope.cities),
    modes: JSON.stringify(a.scope.modes),
    channels: JSON.stringify(a.scope.channels),
    restrictions: JSON.stringify(a.restrictions),
    effective: a.effective,
    expires: a.expires,
    text: a.text ?? null,
  }));
}

/**
 * A report's links, one prepared statement run a row (runEach), as the floor of the ingestion bench
 * inserts them. The rows sent as one JSON parameter that SQLite unpacked (json_each) were no faster
 * than a row at a time, and made a large string besides; multi-row inserts compiled by Kysely took
 * several times longer.
 */
async function insertLinks(trx: Transaction<Database>, reportId: number, links: readonly Link[]): Promise<void> {
  await runEach(
    trx,
    'insert into report_links (report_id, row_no, scanner, issuer, mode, channel, city, status, since) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    links.map((l, i) => [reportId, i, l.scanner, l.issuer, l.mode, l.channel, l.city, l.status, l.since]),
  );
}

export async function findReport(db: Db, id: number): Promise<ReportRow | undefined> {
  return db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface ReportFilter {
  institution?: string;
  period?: string;
  page: number;
  pageSize: number;
}

export async function listReports(db: Db, filter: ReportFilter): Promise<{ items: ReportSummary[]; total: number }> {
  let query = db.selectFrom('reports');
  if (filter.institution) query = query.where('institution', '=', filter.institution);
  if (filter.period) query = query.where('period', '=', filter.period);
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('period', 'desc')
    .orderBy('institution')
    .orderBy('version', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { items: rows.map(toSummary), total: Number(n) };
}

export async function reportLinks(db: Db, reportId: number): Promise<(Link & { row: number })[]> {
  const rows = await db.selectFrom('report_links').selectAll().where('report_id', '=', reportId).orderBy('row_no').execute();
  return rows.map((r) => ({
    row: r.row_no,
    scanner: r.scanner,
    issuer: r.issuer,
    mode: r.mode as Link['mode'],
    channel: r.channel as Link['channel'],
    city: r.city,
    status: r.status as Link['status'],
    since: r.since,
  }));
}

/**
 * A report's live links in row order, read as arrays (rawRows): the warnings compare a new report
 * with the previous one's live links, which at national size are tens of thousands of rows.
 */
export async function liveLinks(db: Db, reportId: number): Promise<Link[]> {
  const query = db
    .selectFrom('report_links')
    .select(['scanner', 'issuer', 'mode', 'channel', 'city', 'since'])
    .where('report_id', '=', reportId)
    .where('status', '=', 'live')
    .orderBy('row_no');
  return (await rawRows(db, query)).map(([scanner, issuer, mode, channel, city, since]) => ({
    scanner: scanner as string,
    issuer: issuer as string,
    mode: mode as Link['mode'],
    channel: channel as Link['channel'],
    city: city as string,
    status: 'live',
    since: since as string,
  }));
}

export function agreementFromRow(r: Selectable<ReportAgreementTable>): Agreement & { row: number } {
  return {
    row: r.row_no,
    ref: r.ref,
    counterparty: r.counterparty,
    kind: r.kind as Agreement['kind'],
    exclusive: r.exclusive === 1,
    feeBps: r.fee_bps,
    scope: {
      cities: JSON.parse(r.cities) as Agreement['scope']['cities'],
      modes: JSON.parse(r.modes) as Agreement['scope']['modes'],
      channels: JSON.parse(r.channels) as Agreement['scope']['channels'],
    },
    restrictions: JSON.parse(r.restrictions) as Agreement['restrictions'],
    effective: r.effective,
    expires: r.expires,
    ...(r.text !== null ? { text: r.text } : {}),
  };
}

export async function reportAgreements(db: Db, reportId: number): Promise<(Agreement & { row: number })[]> {
  const rows = await db.selectFrom('report_agreements').selectAll().where('report_id', '=', reportId).orderBy('row_no').execute();
  return rows.map(agreementFromRow);
}

/** The latest version of the institution's latest report for a period before the given one. */
export async function previousReport(db: Db, institution: string, period: string): Promise<ReportRow | undefined> {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('institution', '=', institution)
    .where('period', '<', period)
    .where('latest', '=', 1)
    .orderBy('period', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The latest version stored for (institution, period): the one a new version replaces. */
export async function latestVersionOf(db: Db, institution: string, period: string): Promise<ReportRow | undefined> {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('institution', '=', institution)
    .where('period', '=', period)
    .where('latest', '=', 1)
    .executeTakeFirst();
}

/** A report's agreement refs in row order: what a new version of the month is compared with. */
export async function agreementRefs(db: Db, reportId: number): Promise<string[]> {
  const rows = await db.selectFrom('report_agreements').select('ref').where('report_id', '=', reportId).orderBy('row_no').execute();
  return rows.map((r) => r.ref);
}

/**
 * The periods reported, among the accepted ones: a report stored outside them (before the period
 * checks, or before EARLIEST_PERIOD was raised) stays readable but no view or walk starts from it.
 */
export async function reportedPeriods(db: Db, accepted: AcceptedPeriods): Promise<string[]> {
  const rows = await db
    .selectFrom('reports')
    .select('period')
    .distinct()
    .where('latest', '=', 1)
    .where('period', '>=', accepted.earliest)
    .where('period', '<=', accepted.latest)
    .orderBy('period')
    .execute();
  return rows.map((r) => r.period);
}
