// npm run load [-- --institutions 20 --rows 5000 --analysts 50 --seconds 20]
// The deadline rush: institutions submitting large reports all at once while analysts browse the
// overview, the matrix and the findings. Starts its own server (the demo, on a temporary database,
// on loopback), prints throughput, p50/p99 latency and errors per route, then checks that every
// receipt's report is stored whole. Exits 1 if a request failed or a report is missing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { nextPeriod } from '../../src/state/periods.js';
import { ApiClient } from '../../src/test/api-client.js';
import { startServerProcess } from '../../src/test/server-process.js';
import { deadlineReport, submitAll, type SubmissionResult } from './submissions.js';

const { values } = parseArgs({
  options: {
    institutions: { type: 'string', default: '20' },
    rows: { type: 'string', default: '5000' },
    analysts: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '20' },
  },
});
const institutions = Number(values.institutions);
const rows = Number(values.rows);
const analysts = Number(values.analysts);
const seconds = Number(values.seconds);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interop-load-'));
console.log(`Starting the server with the demo on ${dir} …`);
const server = await startServerProcess(path.join(dir, 'interop.db'), { SEED: 'demo' });

try {
  const analyst = new ApiClient(server.baseUrl);
  await analyst.logIn('analyst', 'demo');
  const cookie = ['im_session', 'XSRF-TOKEN'].map((n) => `${n}=${analyst.cookie(n)}`).join('; ');
  const ids = (await analyst.get<{ items: { id: string; active: boolean }[] }>('/api/v1/institutions')).body.items
    .filter((i) => i.active)
    .map((i) => i.id);
  const cities = (await analyst.get<{ items: { code: string }[] }>('/api/v1/cities')).body.items.map((c) => c.code);
  const periods = (await analyst.get<{ items: string[] }>('/api/v1/periods')).body.items;
  const next = nextPeriod(periods.at(-1)!);
  const reportsBefore = (await analyst.get<{ total: number }>('/api/v1/reports')).body.total;

  const browse: Record<string, string> = {
    'GET /overview': `/api/v1/overview?period=${periods.at(-1)}&mode=mpm&channel=offline`,
    'GET /matrix': `/api/v1/matrix?city=440100&period=${periods.at(-1)}&mode=mpm&channel=offline`,
    'GET /findings': '/api/v1/findings?status=open&sort=-severity&pageSize=50',
  };
  const perRoute = Math.max(1, Math.floor(analysts / Object.keys(browse).length));
  console.log(
    `${institutions} institutions submit ${rows.toLocaleString('en')}-link reports for ${next} while ${perRoute * 3} analyst connections browse for ${seconds} s …`,
  );

  const reporters = ids.slice(0, institutions);
  const browsing = Object.entries(browse).map(([name, url]) =>
    autocannon({ url: server.baseUrl + url, connections: perRoute, duration: seconds, headers: { cookie } }).then((r) => ({ name, r })),
  );
  const submissions = await submitAll(
    server.baseUrl,
    reporters.map((id) => deadlineReport(id, ids, cities, next, rows)),
  );
  const browsed = await Promise.all(browsing);

  // Every receipt's report is there, whole; nothing else was added.
  const lost: string[] = [];
  for (const s of submissions.filter((x) => x.status === 201)) {
    const stored = await analyst.get<{ counts: { links: number } }>(`/api/v1/reports/${s.receipt!.id}`);
    if (stored.status !== 200 || stored.body.counts.links !== rows) lost.push(`${s.institution}: ${stored.status}`);
  }
  const reportsAfter = (await analyst.get<{ total: number }>('/api/v1/reports')).body.total;

  const table = [
    ['route', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors'],
    ...browsed.map(({ name, r }) => [
      name,
      r.requests.total,
      r.requests.average,
      r.latency.p50,
      r.latency.p99,
      r.latency.max,
      r.errors + r.timeouts + r.non2xx,
    ]),
    submissionRow(submissions, rows),
  ].map((cols) => cols.map(String));
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
  for (const r of table) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));

  const failedSubmissions = submissions.filter((s) => s.status !== 201);
  const browseErrors = browsed.reduce((n, { r }) => n + r.errors + r.timeouts + r.non2xx, 0);
  console.log(
    `\nReports: ${reportsBefore} before, ${reportsAfter} after (${reportsAfter - reportsBefore} new, ${submissions.length - failedSubmissions.length} receipts); lost or partial: ${lost.length}.`,
  );
  for (const f of failedSubmissions) console.log(`  ${f.institution}: ${f.status} ${f.text.slice(0, 200)}`);
  for (const l of lost) console.log(`  lost: ${l}`);
  const ok =
    failedSubmissions.length === 0 && browseErrors === 0 && lost.length === 0 && reportsAfter - reportsBefore === submissions.length;
  console.log(ok ? 'No request failed and no report was lost.' : 'FAILED: see above.');
  process.exitCode = ok ? 0 : 1;
} finally {
  server.child.kill('SIGTERM');
  await server.exited;
  fs.rmSync(dir, { recursive: true, force: true });
}

function submissionRow(results: SubmissionResult[], rowsEach: number): (string | number)[] {
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const at = (q: number) => Math.round(ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]);
  const wall = Math.max(...results.map((r) => r.endedAt)) - Math.min(...results.map((r) => r.startedAt));
  return [
    `POST /reports (${rowsEach} rows)`,
    results.length,
    (results.length / (wall / 1000)).toFixed(2),
    at(0.5),
    at(0.99),
    Math.round(ms.at(-1)!),
    results.filter((r) => r.status !== 201).length,
  ];
}
