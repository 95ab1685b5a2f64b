// Repeats a timed call and summarises it: enough samples for a p95, within a time budget.
import fs from 'node:fs';

export interface Timing {
  p50Ms: number;
  p95Ms: number;
  samples: number;
}

/** The index of the nearest-rank p-th percentile among `count` sorted values. */
const nearestRank = (count: number, p: number) => Math.min(count - 1, Math.max(0, Math.ceil((p / 100) * count) - 1));

/** The nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[nearestRank(sorted.length, p)];
}

export interface SampleOptions {
  /** Samples wanted; fewer when the budget runs out first, but never fewer than `min`. */
  count: number;
  budgetMs: number;
  min?: number;
  /** Untimed calls first (JIT, page cache). */
  warmup?: number;
}

export async function sample(call: () => unknown, options: SampleOptions): Promise<Timing> {
  for (let i = 0; i < (options.warmup ?? 1); i++) await call();
  const times: number[] = [];
  const started = performance.now();
  while (times.length < options.count && (times.length < (options.min ?? 3) || performance.now() - started < options.budgetMs)) {
    const t0 = performance.now();
    await call();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), samples: times.length };
}

export const round = (n: number, digits = 2) => Number(n.toFixed(digits));

/** The item of median `key`, ranked as percentile ranks (the lower of the two middle ones for an even count). */
export function medianBy<T>(items: readonly T[], key: (item: T) => number): T {
  const sorted = [...items].sort((a, b) => key(a) - key(b));
  return sorted[nearestRank(sorted.length, 50)];
}

/** Peak resident memory of this process so far (VmHWM), in MB. */
export function peakRssMb(): number {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1] ?? Number.NaN);
  return round(kb / 1024, 1);
}
