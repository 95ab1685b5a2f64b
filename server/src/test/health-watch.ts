// For denial-of-service tests: how long /health takes to answer while some work runs.
import type { ApiClient } from './api-client.js';

/** Runs `work` while asking /health every 100 ms, and answers the slowest /health seen (ms). */
export async function slowestHealthDuring(client: ApiClient, work: Promise<unknown>): Promise<number> {
  let done = false;
  let slowest = 0;
  const watch = (async () => {
    let due = performance.now();
    while (!done) {
      const started = performance.now();
      // In-process, a blocked event loop delays the probe's start too: that wait counts (health-probe.ts).
      slowest = Math.max(slowest, started - due);
      await client.get('/api/v1/health');
      slowest = Math.max(slowest, performance.now() - started);
      due = performance.now() + 100;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  await work.finally(() => (done = true));
  await watch;
  return slowest;
}
