// A smoke run of the bench at a tiny size: every measurement still runs and yields a number. It
// says nothing about speed (benchmarks are not tests); the client's measurement needs a production
// build and Chromium, and is left to `npm run bench`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tinyPlan } from './plan.js';
import { CLIENT_KEYS, FIGURE_KEYS, formatTable } from './results.js';
import { runBench } from './run-bench.js';

describe('the bench at a tiny size', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interop-bench-smoke-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('generates a history, measures every item but the client, and writes each figure as a finite number', async () => {
    const plan = tinyPlan(dir);
    const results = await runBench(plan);
    const written = JSON.parse(fs.readFileSync(plan.out, 'utf8')) as Record<string, unknown>;
    for (const key of FIGURE_KEYS.filter((k) => !CLIENT_KEYS.includes(k))) {
      expect.soft(Number.isFinite(written[key]), `${key} = ${String(written[key])}`).toBe(true);
    }
    // Every figure, in the table's order, and nothing measured but left out of it.
    expect(Object.keys(written).filter((k) => k !== 'meta')).toEqual([...FIGURE_KEYS]);
    expect(written['ingest.rows']).toBe(plan.ingestRows);
    expect(written['findings.count']).toBeGreaterThanOrEqual(plan.findings);
    expect(written['export.rows']).toBe(written['findings.count']);
    expect((written.meta as { skipped: string[] }).skipped).toEqual(CLIENT_KEYS);
    expect(formatTable(results.figures)).toContain('ingest.ratioToRaw');
  }, 60_000);
});
