// Item 1: a report of many link rows through POST /reports (validation, storage, rules for its
// scope), against the floor: JSON.parse of the same body and the same rows inserted with raw
// better-sqlite3 prepared statements, in one transaction, into a table equivalent to report_links.
import type BetterSqlite3 from 'better-sqlite3';
import type { Link, ReportInput } from '../contract/reports.js';
import type { BenchServer } from './bench-server.js';
import { round } from './sampling.js';

export interface IngestFigures {
  'ingest.rows': number;
  'ingest.seconds': number;
  'ingest.rowsPerSecond': number;
  'ingest.rawSeconds': number;
  'ingest.rawRowsPerSecond': number;
  'ingest.ratioToRaw': number;
}

/**
 * A complete report of `rows` city-level links for one institution: with every other institution,
 * in every city, mode and channel, both ways, until there are enough.
 */
export function bigReport(institution: string, others: readonly string[], cities: readonly string[], period: string, rows: number): ReportInput {
  const links: Link[] = [];
  const since = `${period}-01`;
  outer: for (const city of cities) {
    for (const other of others) {
      for (const mode of ['mpm', 'cpm'] as const) {
        for (const channel of ['offline', 'online'] as const) {
          for (const [scanner, issuer] of [[institution, other], [other, institution]]) {
            if (links.length >= rows) break outer;
            links.push({ scanner, issuer, mode, channel, city, status: 'live', since });
          }
        }
      }
    }
  }
  if (links.length < rows) throw new Error(`only ${links.length} distinct links fit ${others.length + 1} institutions and ${cities.length} cities`);
  return { institution, period, links, agreements: [] };
}

/** The floor: parse, then insert every row with one prepared statement in one transaction. */
export function rawIngestSeconds(sqlite: BetterSqlite3.Database, body: string): number {
  sqlite.exec('drop table if exists bench_links');
  sqlite.exec(`create table bench_links (report_id integer not null, row_no integer not null, scanner varchar(40) not null, issuer varchar(40) not null,
    mode varchar(3) not null, channel varchar(7) not null, city varchar(6) not null, status varchar(10) not null, since varchar(10) not null)`);
  sqlite.exec('create index bench_links_by_report_city on bench_links (report_id, city, mode, channel)');
  const insert = sqlite.prepare('insert into bench_links values (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const started = performance.now();
  const report = JSON.parse(body) as ReportInput;
  sqlite.transaction(() => {
    report.links.forEach((l, i) => insert.run(1, i, l.scanner, l.issuer, l.mode, l.channel, l.city, l.status, l.since));
  })();
  const seconds = (performance.now() - started) / 1000;
  sqlite.exec('drop table bench_links');
  return seconds;
}

export async function measureIngest(server: BenchServer, rows: number): Promise<IngestFigures> {
  const [institutions, cities, periods] = await Promise.all([server.client.get('/api/v1/institutions'), server.client.get('/api/v1/cities'), server.client.get('/api/v1/periods')]);
  const ids: string[] = institutions.body.items.map((i: { id: string }) => i.id);
  const period: string = periods.body.items.at(-1);
  const report = bigReport(ids[0], ids.slice(1), cities.body.items.map((c: { code: string }) => c.code), period, rows);
  const body = JSON.stringify(report);
  // The same body validated once without storing: the server's code is warm for the timed call.
  const dry = await server.client.postRaw('/api/v1/reports?dryRun=true', body, 'application/json');
  if (dry.status !== 200 && dry.status !== 201) throw new Error(`dry run answered ${dry.status}: ${dry.text.slice(0, 500)}`);
  const started = performance.now();
  const res = await server.client.postRaw('/api/v1/reports', body, 'application/json');
  const seconds = (performance.now() - started) / 1000;
  if (res.status !== 201) throw new Error(`ingestion answered ${res.status}: ${res.text.slice(0, 500)}`);
  // The floor is cheap: take the best of three, so that noise can only flatter the floor, never the app.
  const raw = Math.min(...[0, 1, 2].map(() => rawIngestSeconds(server.database.sqlite, body)));
  return {
    'ingest.rows': rows,
    'ingest.seconds': round(seconds, 3),
    'ingest.rowsPerSecond': Math.round(rows / seconds),
    'ingest.rawSeconds': round(raw, 3),
    'ingest.rawRowsPerSecond': Math.round(rows / raw),
    'ingest.ratioToRaw': round(seconds / raw, 2),
  };
}
