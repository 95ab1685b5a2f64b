// What a bench run measures at each size: the history, the report size, samples and the findings count.
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/config.js';
import { sizeSpec, specLabel, type GenerateSpec, type SizeName } from '../generate/sizes.js';

export interface BenchPlan {
  size: SizeName | 'tiny';
  spec: GenerateSpec;
  /** The generated history, kept between runs (generated when missing) and never changed by the bench. */
  generatedDb: string;
  /** Where the bench's working copy and client build go. */
  workDir: string;
  out: string;
  ingestRows: number;
  samples: number;
  /**
   * Runs of the full rules run and of the realistic submission, of which the median is recorded:
   * this machine's speed moves by a third within minutes, and one run is a draw.
   */
  repeats: number;
  findings: number;
  /** Build the client and measure it in Chromium (slow: the smoke run skips it). */
  client: boolean;
  clientLoads: number;
}

export function benchPlan(size: SizeName, seed: number, options: { client: boolean; out?: string }): BenchPlan {
  const spec = sizeSpec(size, seed);
  return {
    size,
    spec,
    generatedDb: path.join(projectRoot, 'data', `generated-${specLabel(spec)}.db`),
    workDir: path.join(os.tmpdir(), `interop-bench-${size}-${process.pid}`),
    out: options.out ?? path.join(projectRoot, 'bench', 'results.json'),
    ingestRows: 50_000,
    samples: 50,
    repeats: 3,
    findings: 100_000,
    client: options.client,
    clientLoads: 3,
  };
}

/** A run small enough for the test suite: proves every measurement still works, not how fast. */
export function tinyPlan(dir: string, seed = 1): BenchPlan {
  const spec: GenerateSpec = { kind: 'world', params: { institutions: 8, cities: 6, periods: 4, seed } };
  return {
    size: 'tiny',
    spec,
    generatedDb: path.join(dir, 'tiny.db'),
    workDir: path.join(dir, 'work'),
    out: path.join(dir, 'results.json'),
    ingestRows: 2_000,
    samples: 5,
    repeats: 2,
    findings: 2_000,
    client: false,
    clientLoads: 1,
  };
}
