// A report's links stored a second time, as the rules read them: one JSON array of its rows,
// compressed (report_packed_links). A rules run over every period reads every report's links; SQLite
// building that JSON from the rows took 1.8 s of a national run, and reading it stored takes a
// tenth of that. Compressed (raw deflate, level 3) the national 121 MB of JSON take 14 MB, 6% of the
// database, and most reports repeat their institution's previous links, which the loader sees by
// comparing the stored bytes without unpacking them (state/state-loader.ts).
import zlib from 'node:zlib';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/database.js';

/** A report's link as the JSON array holds it. */
export type ReportLinkRow = [row: number, scanner: string, issuer: string, mode: string, channel: string, city: string, status: string, since: string];

/**
 * The JSON array of a report's rows, each a ReportLinkRow, in the order of the report_links index
 * (report, city, mode, channel). (PostgreSQL has the same in json_agg(json_build_array(…)).)
 */
export function linksJson(): RawBuilder<string> {
  return sql<string>`json_group_array(json_array(row_no, scanner, issuer, mode, channel, city, status, since))`;
}

export function packLinks(json: string): Buffer {
  return zlib.deflateRawSync(json, { level: 3 });
}

export function unpackLinks(packed: Uint8Array): string {
  return zlib.inflateRawSync(packed).toString();
}

/** Packs and stores the links of the given reports, read back from report_links; a report without links gets `[]`. */
export async function storePackedLinks(db: Db, reportIds: readonly number[]): Promise<void> {
  if (reportIds.length === 0) return;
  const rows = await db.selectFrom('report_links').select(['report_id', linksJson().as('links')]).where('report_id', 'in', reportIds).groupBy('report_id').execute();
  const json = new Map(rows.map((r) => [r.report_id, r.links]));
  await db
    .insertInto('report_packed_links')
    .values(reportIds.map((id) => ({ report_id: id, links: packLinks(json.get(id) ?? '[]') })))
    .execute();
}
