// Runs one heavy task (a full rules run, a findings export) in a process of its own, so that its
// peak memory (VmHWM) is the task's and not the bench's; prints one JSON line with the figures.
// Usage: node dist/tools/tools/bench/child-task.js '{"task":"rules"|"export","db":"…","now":"…","format":"csv"}'
// (or node --import tsx server/tools/bench/child-task.ts '…' from the sources).
import { createAppContext } from '../../src/app-context.js';
import { loadConfig } from '../../src/config.js';
import { exportQuery } from '../../src/contract/exports.js';
import { openDatabase } from '../../src/db/database.js';
import { exportFindings } from '../../src/exports/service.js';
import { createLogger } from '../../src/logger.js';
import { runRules } from '../../src/rules/run-rules.js';
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
const ctx = createAppContext({
  db: database.db,
  config: loadConfig({ DB_PATH: input.db, SEED: 'none', LOG_LEVEL: 'silent' }),
  logger: createLogger('silent'),
  now: () => now,
});
const started = performance.now();
let count: number;
let bytes: number | undefined;
if (input.task === 'rules') {
  count = (await runRules(ctx)).findingsHit;
} else {
  const file = await exportFindings(
    ctx,
    { username: BENCH_USER, role: 'admin', institution: null, via: 'session' },
    exportQuery.parse({ format: input.format }),
  );
  count = file.rows;
  bytes = file.bytes;
  await file.discard?.();
}
const figures: ChildFigures = {
  seconds: round((performance.now() - started) / 1000, 3),
  peakRssMb: peakRssMb(),
  count,
  ...(bytes !== undefined ? { bytes } : {}),
};
await database.close();
console.log(JSON.stringify(figures));
