// The yardstick of the denial-of-service tests: how long /health takes to answer while an attack runs.
import http from 'node:http';

export interface ProbedWork<T> {
  result: T;
  /** The slowest /health answer seen while the work ran, in milliseconds. */
  slowestHealthMs: number;
  probes: number;
}

/** Asks /health one request after another (a pause between) until the work settles; fails on any answer but 200. */
export async function probeHealthWhile<T>(baseUrl: string, work: Promise<T>, pauseMs = 50): Promise<ProbedWork<T>> {
  let settled = false;
  const done = work.finally(() => {
    settled = true;
  });
  let slowestHealthMs = 0;
  let probes = 0;
  let due = performance.now();
  while (!settled) {
    const started = performance.now();
    // The server shares this process's event loop: while the attack holds it, no probe can even
    // start, so a probe that starts late counts the wait as a /health request sent on time would.
    slowestHealthMs = Math.max(slowestHealthMs, started - due);
    const status = await healthStatus(baseUrl);
    slowestHealthMs = Math.max(slowestHealthMs, performance.now() - started);
    probes++;
    if (status !== 200) throw new Error(`/health answered ${status} during the attack`);
    due = performance.now() + pauseMs;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  return { result: await done, slowestHealthMs, probes };
}

/**
 * One GET /health on a connection of its own, as a monitor would: a pooled connection that the
 * server closed while it was blocked past its keep-alive timeout would fail with ECONNRESET.
 */
function healthStatus(baseUrl: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${baseUrl}/api/v1/health`, { agent: false, timeout: 60_000 }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    request.once('timeout', () => request.destroy(new Error('/health did not answer within 60 s')));
    request.once('error', reject);
  });
}
