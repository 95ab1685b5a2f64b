// Each report's links packed as the rules read them (report_packed_links), filled for the reports
// already stored. Frozen here: the packing as of this change (reports/packed-links.ts packs new
// reports and may change with them; what this writes for a database of before must not).
import zlib from 'node:zlib';
import { sql, type Kysely } from 'kysely';

const REPORTS_PER_BATCH = 200;

interface Frozen {
  reports: { id: number };
  report_links: {
    report_id: number;
    row_no: number;
    scanner: string;
    issuer: string;
    mode: string;
    channel: string;
    city: string;
    status: string;
    since: string;
  };
  report_packed_links: { report_id: number; links: Buffer };
}

/** A report's link as a row: its row number in the report, then its fields. */
type LinkRow = [row: number, scanner: string, issuer: string, mode: string, channel: string, city: string, status: string, since: string];

/**
 * The JSON array of a report's rows, each a LinkRow, in the order of the report_links index
 * (report, city, mode, channel).
 */
const LINKS_JSON = sql<string>`json_group_array(json_array(row_no, scanner, issuer, mode, channel, city, status, since))`;

/**
 * Deflated JSON `{ strings, links }`: each distinct string once, in order of first use, and seven
 * numbers a link (its row, then the indexes in `strings` of its scanner, issuer, `mode|channel`,
 * city, status and since), in the order given.
 */
function packRows(rows: readonly LinkRow[]): Buffer {
  const index = new Map<string, number>();
  const strings: string[] = [];
  const indexOf = (value: string): number => {
    let i = index.get(value);
    if (i === undefined) {
      i = strings.push(value) - 1;
      index.set(value, i);
    }
    return i;
  };
  const links: number[] = [];
  for (const [row, scanner, issuer, mode, channel, city, status, since] of rows) {
    links.push(row, indexOf(scanner), indexOf(issuer), indexOf(`${mode}|${channel}`), indexOf(city), indexOf(status), indexOf(since));
  }
  return zlib.deflateRawSync(JSON.stringify({ strings, links }), { level: 3 });
}

async function storePackedLinks(db: Kysely<Frozen>, reportIds: readonly number[]): Promise<void> {
  const rows = await db
    .selectFrom('report_links')
    .select(['report_id', LINKS_JSON.as('links')])
    .where('report_id', 'in', reportIds)
    .groupBy('report_id')
    .execute();
  const json = new Map(rows.map((r) => [r.report_id, r.links]));
  const packed = reportIds.map((id) => ({ report_id: id, links: packRows(JSON.parse(json.get(id) ?? '[]') as LinkRow[]) }));
  await db.insertInto('report_packed_links').values(packed).execute();
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_packed_links')
    .addColumn('report_id', 'integer', (c) => c.primaryKey().references('reports.id'))
    .addColumn('links', 'blob', (c) => c.notNull())
    .execute();
  const frozen = db as unknown as Kysely<Frozen>;
  const ids = (await frozen.selectFrom('reports').select('id').orderBy('id').execute()).map((r) => r.id);
  for (let i = 0; i < ids.length; i += REPORTS_PER_BATCH) await storePackedLinks(frozen, ids.slice(i, i + REPORTS_PER_BATCH));
}
