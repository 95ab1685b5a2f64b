// Runs one heavy task (a full rules run, a findings export) in a process of its own, so that its
// peak memory (VmHWM) is the task's and not the bench's; prints one JSON line with the figures.
// Usage: node dist/server/bench/child-task.js '{"task":"rules"|"export","db":"…","now":"…","format":"csv"}'
// (or node --import tsx server/src/bench/child-task.ts '…' from the sources).
import { createAppContext } from '../app-context.js';
import { loadConfig } from '../config.js';
import { exportQuery } from '../contract/exports.js';
import { openDatabase } from '../db/database.js';
import { exportFindings } from '../exports/service.js';
import { createLogger } from '../logger.js';
import { runRules } from '../rules/run-rules.js';
import { BENCH_USER } from './bench-server.js';
import { peakRssMb, round } from './sampling.js';

export interface ChildTask {
  task: 'rules' | 'export';
  db: string;
  now: string;
  format?: 'csv' | 'xlsx';
}

export interface ChildFigures {
  seconds: number;
  peakRssMb: number;
  /** Findings fired (rules) or rows written (export). */
  count: number;
  bytes?: number;
}

const input = JSON.parse(process.argv[2]) as ChildTask;
const now = new Date(input.now);
const database = openDatabase(input.db);
const ctx = createAppContext({ db: database.db, config: loadConfig({ DB_PATH: input.db, SEED: 'none', LOG_LEVEL: 'silent' }), logger: createLogger('silent'), now: () => now });
const started = performance.now();
let count = 0;
let bytes: number | undefined;
if (input.task === 'rules') {
  count = (await runRules(ctx)).findingsHit;
} else {
  const file = await exportFindings(ctx, { username: BENCH_USER, role: 'admin', institution: null, via: 'session' }, exportQuery.parse({ format: input.format }));
  count = file.rows;
  bytes = file.bytes;
  await file.discard?.();
}
const figures: ChildFigures = { seconds: round((performance.now() - started) / 1000, 3), peakRssMb: peakRssMb(), count, ...(bytes !== undefined ? { bytes } : {}) };
await database.close();
console.log(JSON.stringify(figures));
