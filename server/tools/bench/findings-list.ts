// Item 5a: a page of the findings list over HTTP (the analyst's default view and a filtered one).
import type { BenchServer } from './bench-server.js';
import { sample } from './sampling.js';

export async function measureFindingsList(server: BenchServer, samples: number) {
  const paths = [
    '/api/v1/findings?page=1&pageSize=50',
    '/api/v1/findings?status=open&severity=high&page=2&pageSize=50',
    '/api/v1/findings?q=bank&page=1&pageSize=50',
  ];
  let next = 0;
  const page = await sample(
    async () => {
      const res = await server.client.get(paths[next++ % paths.length]);
      if (res.status !== 200) throw new Error(`findings answered ${res.status}: ${res.text.slice(0, 300)}`);
    },
    { count: samples, budgetMs: 60_000, warmup: paths.length },
  );
  return { 'findings.listPage.p50Ms': page.p50Ms, 'findings.listPage.p95Ms': page.p95Ms };
}
