// Item 3: coverage by period over every reported period, and by city at the latest, over HTTP.
import type { BenchServer } from './bench-server.js';
import { sample } from './sampling.js';

export async function measureCoverage(server: BenchServer, samples: number) {
  const get = (query: string) => async () => {
    const res = await server.client.get(`/api/v1/coverage?${query}`);
    if (res.status !== 200) throw new Error(`coverage answered ${res.status}: ${res.text.slice(0, 300)}`);
  };
  const byPeriod = await sample(get('by=period&mode=mpm&channel=offline'), { count: samples, budgetMs: 60_000 });
  const byCity = await sample(get('by=city&mode=mpm&channel=offline'), { count: samples, budgetMs: 60_000 });
  return {
    'coverage.byPeriod.p50Ms': byPeriod.p50Ms,
    'coverage.byPeriod.p95Ms': byPeriod.p95Ms,
    'coverage.byCity.p50Ms': byCity.p50Ms,
    'coverage.byCity.p95Ms': byCity.p95Ms,
  };
}
