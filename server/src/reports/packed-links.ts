// A report's links stored a second time, as the rules read them (report_packed_links): its distinct
// strings once and each link as seven numbers, in JSON, compressed. A rules run over every period
// reads every report's links: SQLite building them as JSON from the rows, and JSON.parse of those
// arrays of strings with the objects made from them, cost several times what reading and unpacking
// the packed form does. Packed, the links are a small part of the database, packing a report costs
// little next to storing it, and a report that repeats its institution's
// previous links is told by comparing the stored bytes without unpacking them (state-loader.ts).
import zlib from 'node:zlib';
import { sql } from 'kysely';
import type { Link } from '../contract/reports.js';
import type { Db } from '../db/database.js';
import { scopeKey, type Channel, type LinksByScope, type Mode, type StoredLink } from '../state/period-state.js';
import type { LinkStatus } from '../state/reconcile.js';

/** A report's link as a row: its row number in the report, then its fields. */
export type ReportLinkRow = [
  row: number,
  scanner: string,
  issuer: string,
  mode: string,
  channel: string,
  city: string,
  status: string,
  since: string,
];

/**
 * A report's links as stored packed: `links` holds seven numbers a link (its row, then the indexes
 * in `strings` of its scanner, issuer, `mode|channel`, city, status and since), in the order of the
 * report_links index: city, mode, channel, row.
 */
export interface PackedLinks {
  strings: string[];
  links: number[];
}

export const NUMBERS_PER_LINK = 7;

/**
 * The JSON array of a report's rows, each a ReportLinkRow, in the order of the report_links index
 * (report, city, mode, channel). (PostgreSQL has the same in json_agg(json_build_array(…)).)
 */
const LINKS_JSON = sql<string>`json_group_array(json_array(row_no, scanner, issuer, mode, channel, city, status, since))`;

/** Builds PackedLinks one link at a time, in the order given. */
class LinkPacker {
  private readonly index = new Map<string, number>();
  private readonly strings: string[] = [];
  private readonly links: number[] = [];

  add(row: number, scanner: string, issuer: string, scope: string, city: string, status: string, since: string): void {
    this.links.push(
      row,
      this.indexOf(scanner),
      this.indexOf(issuer),
      this.indexOf(scope),
      this.indexOf(city),
      this.indexOf(status),
      this.indexOf(since),
    );
  }

  pack(): Buffer {
    const packed: PackedLinks = { strings: this.strings, links: this.links };
    return zlib.deflateRawSync(JSON.stringify(packed), { level: 3 });
  }

  private indexOf(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.strings.push(value) - 1;
      this.index.set(value, i);
    }
    return i;
  }
}

/** Packs rows given in the order of the report_links index. */
export function packLinks(rows: readonly ReportLinkRow[]): Buffer {
  const packer = new LinkPacker();
  for (const [row, scanner, issuer, mode, channel, city, status, since] of rows)
    packer.add(row, scanner, issuer, scopeKey(mode as Mode, channel as Channel), city, status, since);
  return packer.pack();
}

/** A report's links as given (row = position), packed in the order of the report_links index. */
export function packReportLinks(links: readonly Link[]): Buffer {
  // Rows by city, then by `mode|channel`, each list in row order. Cities and keys sort as SQLite's
  // binary collation does (codes and names are ASCII), and `mode|channel` as mode then channel (the
  // modes are of one length).
  const byCity = new Map<string, Map<string, number[]>>();
  links.forEach((l, row) => {
    let byScope = byCity.get(l.city);
    if (!byScope) byCity.set(l.city, (byScope = new Map<string, number[]>()));
    const scope = scopeKey(l.mode, l.channel);
    const rows = byScope.get(scope);
    if (rows) rows.push(row);
    else byScope.set(scope, [row]);
  });
  const packer = new LinkPacker();
  for (const city of [...byCity.keys()].sort()) {
    const byScope = byCity.get(city)!;
    for (const scope of [...byScope.keys()].sort()) {
      for (const row of byScope.get(scope)!) {
        const l = links[row];
        packer.add(row, l.scanner, l.issuer, scope, city, l.status, l.since);
      }
    }
  }
  return packer.pack();
}

export function unpackLinks(packed: Uint8Array): PackedLinks {
  return JSON.parse(zlib.inflateRawSync(packed).toString()) as PackedLinks;
}

/** Packed links as rows again (to check what was packed). */
export function linkRows({ strings, links }: PackedLinks): ReportLinkRow[] {
  const rows: ReportLinkRow[] = [];
  for (let i = 0; i < links.length; i += NUMBERS_PER_LINK) {
    const [mode, channel] = strings[links[i + 3]].split('|');
    rows.push([
      links[i],
      strings[links[i + 1]],
      strings[links[i + 2]],
      mode,
      channel,
      strings[links[i + 4]],
      strings[links[i + 5]],
      strings[links[i + 6]],
    ]);
  }
  return rows;
}

/** Stores a new report's links packed. */
export async function insertPackedLinks(db: Db, reportId: number, links: readonly Link[]): Promise<void> {
  await db
    .insertInto('report_packed_links')
    .values({ report_id: reportId, links: packReportLinks(links) })
    .execute();
}

/** The links of reports already stored, read back from report_links and packed, in the order given. */
export async function packStoredLinks(db: Db, reportIds: readonly number[]): Promise<[reportId: number, packed: Buffer][]> {
  if (reportIds.length === 0) return [];
  const rows = await db
    .selectFrom('report_links')
    .select(['report_id', LINKS_JSON.as('links')])
    .where('report_id', 'in', reportIds)
    .groupBy('report_id')
    .execute();
  const json = new Map(rows.map((r) => [r.report_id, r.links]));
  return reportIds.map((id) => [id, packLinks(JSON.parse(json.get(id) ?? '[]') as ReportLinkRow[])]);
}

/**
 * A report's links split by `mode|channel`, only those among `among` when given; each string taken
 * through `intern`, so that a loader keeps the few distinct ids, codes and dates once, not per link.
 */
export function linksByScope(
  { strings, links }: PackedLinks,
  intern: (s: string) => string = (s) => s,
  among?: ReadonlySet<string>,
): LinksByScope {
  const shared = strings.map(intern);
  const byScope: LinksByScope = new Map();
  for (let i = 0; i < links.length; i += NUMBERS_PER_LINK) {
    const scanner = shared[links[i + 1]];
    const issuer = shared[links[i + 2]];
    if (among && !(among.has(scanner) && among.has(issuer))) continue;
    const key = shared[links[i + 3]];
    const link: StoredLink = {
      row: links[i],
      scanner,
      issuer,
      city: shared[links[i + 4]],
      status: shared[links[i + 5]] as LinkStatus,
      since: shared[links[i + 6]],
    };
    const list = byScope.get(key);
    if (list) list.push(link);
    else byScope.set(key, [link]);
  }
  return byScope;
}
