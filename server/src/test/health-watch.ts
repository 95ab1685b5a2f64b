// For denial-of-service tests: how long /health takes to answer while some work runs.
import type { ApiClient } from './api-client.js';

/** Runs `work` while asking /health every 100 ms, and answers the slowest /health seen (ms). */
export async function slowestHealthDuring(client: ApiClient, work: Promise<unknown>): Promise<number> {
  let done = false;
  let slowest = 0;
  const watch = (async () => {
    while (!done) {
      const started = performance.now();
      await client.get('/api/v1/health');
      slowest = Math.max(slowest, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  await work.finally(() => (done = true));
  await watch;
  return slowest;
}
