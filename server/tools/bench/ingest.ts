// Item 1: a report of many link rows through POST /reports (validation, storage, rules for its
// scope), against the floor: JSON.parse of the same body and the same rows inserted with raw
// better-sqlite3 prepared statements, in one transaction, into a table equivalent to report_links.
// Two reports: ingest.* is the worst case (bigReport: links nobody else declares, and the reporter's
// links in other cities dropped, so it opens a finding for nearly every row: ~52,000 at national
// size); ingest.realistic.* is the largest report of the latest period sent again with its all-city
// (*) rows written out city by city (55,193 rows at national size): a correction that changes no
// city's links, whose run evaluates no city and moves the findings' evidence (rules/correction.ts).
// ingest.newMonth.* is the same written-out report sent as the first report of the month after the
// latest: its run evaluates every city. It is measured on a database of its own (measureNewMonth),
// so that it changes nothing the other two measure.
import type BetterSqlite3 from 'better-sqlite3';
import type { Agreement, Link, Report, ReportInput } from '../../src/contract/reports.js';
import { nextPeriod } from '../../src/state/periods.js';
import type { BenchServer } from './bench-server.js';
import { medianBy, round } from './sampling.js';

type Prefix = 'ingest' | 'ingest.realistic' | 'ingest.newMonth';
type IngestFigures<P extends Prefix> = Record<
  `${P}.${'rows' | 'seconds' | 'rowsPerSecond' | 'rawSeconds' | 'rawRowsPerSecond' | 'ratioToRaw'}`,
  number
>;

/**
 * A complete report of `rows` city-level links for one institution: with every other institution,
 * in every city, mode and channel, both ways, until there are enough.
 */
export function bigReport(
  institution: string,
  others: readonly string[],
  cities: readonly string[],
  period: string,
  rows: number,
): ReportInput {
  const links: Link[] = [];
  const since = `${period}-01`;
  outer: for (const city of cities) {
    for (const other of others) {
      for (const mode of ['mpm', 'cpm'] as const) {
        for (const channel of ['offline', 'online'] as const) {
          for (const [scanner, issuer] of [
            [institution, other],
            [other, institution],
          ]) {
            if (links.length >= rows) break outer;
            links.push({ scanner, issuer, mode, channel, city, status: 'live', since });
          }
        }
      }
    }
  }
  if (links.length < rows)
    throw new Error(`only ${links.length} distinct links fit ${others.length + 1} institutions and ${cities.length} cities`);
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

/**
 * The institution's report sent again, each all-city (*) row written out for every city: the same
 * declaration as many rows as a report of a large network can have, city by city.
 */
export function writtenOut(report: ReportInput, cities: readonly string[]): ReportInput {
  const links = report.links.flatMap((l) => (l.city === '*' ? cities.map((city) => ({ ...l, city })) : [l]));
  return { ...report, links };
}

/** The largest report (most links) of the latest period, as the API gives it back. */
async function largestLatestReport(server: BenchServer, period: string): Promise<ReportInput> {
  const list = await server.client.get<{ items: { id: number; latest: boolean; counts: { links: number } }[] }>(
    `/api/v1/reports?period=${period}&pageSize=500`,
  );
  const latest = list.body.items.filter((r) => r.latest);
  const largest = latest.reduce((a, b) => (b.counts.links > a.counts.links ? b : a));
  const { body } = await server.client.get<Report & { links: (Link & { row: number })[]; agreements: (Agreement & { row: number })[] }>(
    `/api/v1/reports/${largest.id}`,
  );
  const strip = <T extends { row?: number }>({ row: _row, ...rest }: T) => rest;
  return { institution: body.institution, period: body.period, links: body.links.map(strip), agreements: body.agreements.map(strip) };
}

/**
 * A submission timed over HTTP, after a dry run of the same body (the server's code is warm),
 * against the raw floor. Sent `runs` times (each a new version), the median time is recorded.
 */
async function timeSubmission<P extends Prefix>(server: BenchServer, report: ReportInput, prefix: P, runs = 1): Promise<IngestFigures<P>> {
  const body = JSON.stringify(report);
  const rows = report.links.length;
  const dry = await server.client.postRaw('/api/v1/reports?dryRun=true', body, 'application/json');
  if (dry.status !== 200 && dry.status !== 201) throw new Error(`dry run answered ${dry.status}: ${dry.text.slice(0, 500)}`);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const res = await server.client.postRaw('/api/v1/reports', body, 'application/json');
    times.push((performance.now() - started) / 1000);
    if (res.status !== 201) throw new Error(`ingestion answered ${res.status}: ${res.text.slice(0, 500)}`);
  }
  const seconds = medianBy(times, (t) => t);
  // The floor is cheap: take the best of three, so that noise can only flatter the floor, never the app.
  const raw = Math.min(...[0, 1, 2].map(() => rawIngestSeconds(server.database.sqlite, body)));
  return {
    [`${prefix}.rows`]: rows,
    [`${prefix}.seconds`]: round(seconds, 3),
    [`${prefix}.rowsPerSecond`]: Math.round(rows / seconds),
    [`${prefix}.rawSeconds`]: round(raw, 3),
    [`${prefix}.rawRowsPerSecond`]: Math.round(rows / raw),
    [`${prefix}.ratioToRaw`]: round(seconds / raw, 2),
  } as IngestFigures<P>;
}

/** The institutions' ids, the cities' codes and the latest reported period, as the API gives them. */
async function registry(server: BenchServer): Promise<{ ids: string[]; codes: string[]; period: string }> {
  const [institutions, cities, periods] = await Promise.all([
    server.client.get<{ items: { id: string }[] }>('/api/v1/institutions'),
    server.client.get<{ items: { code: string }[] }>('/api/v1/cities'),
    server.client.get<{ items: string[] }>('/api/v1/periods'),
  ]);
  return {
    ids: institutions.body.items.map((i) => i.id),
    codes: cities.body.items.map((c) => c.code),
    period: periods.body.items.at(-1)!,
  };
}

/**
 * The realistic report first (it changes little; the median of `runs` submissions), then the worst
 * case (bigReport) on top of it, once: sent again it would open nothing.
 */
export async function measureIngest(
  server: BenchServer,
  rows: number,
  runs: number,
): Promise<IngestFigures<'ingest'> & IngestFigures<'ingest.realistic'>> {
  const { ids, codes, period } = await registry(server);
  const realistic = await timeSubmission(server, writtenOut(await largestLatestReport(server, period), codes), 'ingest.realistic', runs);
  const worst = await timeSubmission(server, bigReport(ids[0], ids.slice(1), codes, period, rows), 'ingest');
  return { ...worst, ...realistic };
}

/**
 * The realistic report sent as its institution's first report of the month after the latest, once
 * (sent again it would be a correction): the run a month's first report gets, over every city.
 */
export async function measureNewMonth(server: BenchServer): Promise<IngestFigures<'ingest.newMonth'>> {
  const { codes, period } = await registry(server);
  const report = writtenOut(await largestLatestReport(server, period), codes);
  return timeSubmission(server, { ...report, period: nextPeriod(period) }, 'ingest.newMonth');
}
