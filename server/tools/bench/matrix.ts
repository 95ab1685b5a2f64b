// Item 2: the matrix of one city and period over HTTP, against the bare SQL it rests on (the as-of
// reports of the period and their links in the city, mode and channel) on the same database.
import type { BenchServer } from './bench-server.js';
import { percentile, round, sample } from './sampling.js';

/** What GET /matrix reads, as one statement: each institution's as-of report, and its rows in the city. */
const BARE_MATRIX_SQL = `
  select l.report_id, l.scanner, l.issuer, l.status, l.since
  from report_links l
  where l.report_id in (
    select r.id from (select distinct institution from reports where latest = 1) i
    join reports r on r.institution = i.institution and r.latest = 1
      and r.period = (select max(x.period) from reports x where x.latest = 1 and x.institution = i.institution and x.period <= ?))
  and l.city in (?, '*') and l.mode = ? and l.channel = ?`;

export interface MatrixTarget {
  city: string;
  period: string;
}

export async function measureMatrix(server: BenchServer, target: MatrixTarget, samples: number) {
  const path = `/api/v1/matrix?city=${target.city}&period=${target.period}&mode=mpm&channel=offline`;
  const http = await sample(
    async () => {
      const res = await server.client.get(path);
      if (res.status !== 200) throw new Error(`matrix answered ${res.status}: ${res.text.slice(0, 300)}`);
    },
    { count: samples, budgetMs: 60_000, warmup: 3 },
  ); // as many untimed calls as the bare query gets
  // The server keeps what a period's cities share until the next report; this is what the first
  // request at a period pays (each of up to `samples` other periods asked once).
  const periods = (await server.client.get<{ items: string[] }>('/api/v1/periods')).body.items
    .filter((p) => p !== target.period)
    .slice(-samples);
  const first: number[] = [];
  for (const period of periods) {
    const t0 = performance.now();
    const res = await server.client.get(`/api/v1/matrix?city=${target.city}&period=${period}&mode=mpm&channel=offline`);
    if (res.status !== 200) throw new Error(`matrix answered ${res.status}: ${res.text.slice(0, 300)}`);
    first.push(performance.now() - t0);
  }
  first.sort((a, b) => a - b);
  const statement = server.database.sqlite.prepare(BARE_MATRIX_SQL);
  const bare = await sample(() => statement.all(target.period, target.city, 'mpm', 'offline'), {
    count: samples * 4,
    budgetMs: 30_000,
    warmup: 3,
  });
  return {
    'matrix.p50Ms': http.p50Ms,
    'matrix.p95Ms': http.p95Ms,
    'matrix.firstAtPeriodP50Ms': first.length > 0 ? round(percentile(first, 50)) : null,
    'matrix.firstAtPeriodP95Ms': first.length > 0 ? round(percentile(first, 95)) : null,
    'matrix.bareP50Ms': bare.p50Ms,
    'matrix.bareP95Ms': bare.p95Ms,
    // Medians: the p95 of a sub-millisecond query is mostly the scheduler's noise.
    'matrix.ratioToBare': round(http.p50Ms / Math.max(bare.p50Ms, 0.01), 1),
  };
}
