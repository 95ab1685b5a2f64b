// Runs every measurement of the bench on one generated history, in an order that keeps them apart:
// the size on disk of the history as generated, then on a working copy the full rules run, the
// reads (matrix, coverage), the big report, the findings topped up for the list and the exports,
// and last the client in Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { createAppContext } from '../../src/app-context.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { clockAfter, generateHistory, lastPeriodOf, writeGenerationFigures, type GenerationFigures } from '../generate/generate-history.js';
import { createLogger } from '../../src/logger.js';
import { BENCH_PASSWORD, BENCH_USER, startBenchServer, type BenchServer } from './bench-server.js';
import { buildClient, measureClient } from './client.js';
import { measureCoverage } from './coverage.js';
import { measureDbSize } from './db-size.js';
import { measureExports } from './exports.js';
import { measureFindingsList } from './findings-list.js';
import { measureIngest, measureNewMonth } from './ingest.js';
import { measureMatrix } from './matrix.js';
import type { BenchPlan } from './plan.js';
import { CLIENT_KEYS, FIGURE_KEYS, writeResults, type BenchResults, type Figures } from './results.js';
import { measureRules } from './rules.js';
import { topUpFindings } from './synthetic-findings.js';

/** Generates the history unless an earlier run left it; its figures are kept beside it. */
async function ensureGenerated(plan: BenchPlan, now: Date, log: (line: string) => void): Promise<GenerationFigures> {
  const figuresFile = `${plan.generatedDb}.json`;
  if (fs.existsSync(plan.generatedDb) && fs.existsSync(figuresFile)) {
    log(`reusing ${plan.generatedDb}`);
    return JSON.parse(fs.readFileSync(figuresFile, 'utf8')) as GenerationFigures;
  }
  // Written under another name and renamed at the end: an interrupted run leaves no half history behind.
  const partial = `${plan.generatedDb}.partial`;
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
  fs.mkdirSync(path.dirname(partial), { recursive: true });
  const database = openDatabase(partial);
  const ctx = createAppContext({
    db: database.db,
    config: loadConfig({ DB_PATH: partial, SEED: 'none', LOG_LEVEL: 'silent' }),
    logger: createLogger('silent'),
    now: () => now,
  });
  log(`generating ${plan.generatedDb}`);
  const result = await generateHistory(ctx, plan.spec, { progress: log });
  database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await database.close();
  fs.renameSync(partial, plan.generatedDb);
  return writeGenerationFigures(plan.generatedDb, result);
}

/** A measurement that changes what the others measure: on a copy of the database, with a server of its own. */
async function onCopy<F>(source: string, copy: string, now: Date, measure: (server: BenchServer) => Promise<F>): Promise<F> {
  fs.copyFileSync(source, copy);
  const server = await startBenchServer(copy, { now });
  try {
    return await measure(server);
  } finally {
    await server.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
  }
}

export async function runBench(plan: BenchPlan, log: (line: string) => void = () => {}): Promise<BenchResults> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const now = clockAfter(lastPeriodOf(plan.spec));
  const figures: Figures = { ...(await ensureGenerated(plan, now, log)) };

  const generated = openDatabase(plan.generatedDb);
  Object.assign(figures, measureDbSize(generated.sqlite, plan.generatedDb));
  await generated.close();

  fs.rmSync(plan.workDir, { recursive: true, force: true });
  fs.mkdirSync(plan.workDir, { recursive: true });
  const work = path.join(plan.workDir, 'work.db');
  fs.copyFileSync(plan.generatedDb, work);
  // A database generated before the latest migrations gets them, as a server would at start-up.
  const migrating = openDatabase(work);
  await migrateToLatest(migrating.db);
  await migrating.close();

  log('full rules run');
  Object.assign(figures, await measureRules(work, now, plan.repeats));

  log("ingestion: the largest report written out city by city, as a month's first report");
  Object.assign(figures, await onCopy(work, path.join(plan.workDir, 'new-month.db'), now, measureNewMonth));

  const clientDir = plan.client ? await (log('building the client'), buildClient(path.join(plan.workDir, 'client'))) : undefined;
  const server = await startBenchServer(work, { now, clientDir });
  try {
    const periods = (await server.client.get<{ items: string[] }>('/api/v1/periods')).body.items;
    log('matrix');
    Object.assign(figures, await measureMatrix(server, { city: '110000', period: periods.at(-1)! }, plan.samples));
    log('coverage');
    Object.assign(figures, await measureCoverage(server, Math.ceil(plan.samples / 2)));
    log(`ingestion: the largest report written out city by city, then ${plan.ingestRows} links (worst case)`);
    Object.assign(figures, await measureIngest(server, plan.ingestRows, plan.repeats));
    figures['findings.count'] = topUpFindings(server.database.sqlite, plan.findings);
    log(`findings list over ${figures['findings.count']} findings`);
    Object.assign(figures, await measureFindingsList(server, plan.samples));
    log('exports');
    Object.assign(figures, await measureExports(work, now));
    if (clientDir) {
      log('client in Chromium');
      Object.assign(
        figures,
        await measureClient(server.baseUrl, clientDir, { username: BENCH_USER, password: BENCH_PASSWORD }, plan.clientLoads),
      );
    } else {
      for (const key of CLIENT_KEYS) figures[key] = null;
    }
  } finally {
    await server.close();
    fs.rmSync(plan.workDir, { recursive: true, force: true });
  }

  const results: BenchResults = {
    meta: {
      size: plan.size,
      label: path.basename(plan.generatedDb, '.db'),
      seed: plan.spec.kind === 'world' ? plan.spec.params.seed : 0,
      startedAt,
      seconds: Math.round((performance.now() - started) / 1000),
      node: process.version,
      skipped: plan.client ? [] : [...CLIENT_KEYS],
      notes: [
        'ingest.ratioToRaw: one HTTP submission (validation, storage, rules for its scope) over the best of three raw parse+insert runs',
        `rules.* and ingest.realistic.*: the median of ${plan.repeats} runs (the realistic report sent again each time, a new version with the same content); ingest.*: one run (sent again it would open nothing)`,
        'ingest.*: the worst case, bigReport (links nobody else declares; opens a finding for nearly every row); ingest.realistic.*: the largest latest-period report sent again with its * rows written out city by city (a correction changing no city: its run evaluates none), measured first',
        "ingest.newMonth.*: the same written-out report as its institution's first report of the month after the latest (its run evaluates every city), once, on a copy of the database of its own",
        'matrix.ratioToBare: HTTP p50 over the bare as-of SQL p50',
        'matrix.p50Ms/p95Ms: one city and period asked again; matrix.firstAtPeriod*: the first request at each other period (what its cities share not yet in memory)',
        'findings.count and export.rows include findings copied in to reach the target count',
      ],
    },
    // In FIGURE_KEYS' order, whatever order they were measured in.
    figures: Object.fromEntries(FIGURE_KEYS.filter((key) => key in figures).map((key) => [key, figures[key]])),
  };
  writeResults(plan.out, results);
  if (plan.size !== 'tiny') writeResults(plan.out.replace(/\.json$/, `-${plan.size}.json`), results);
  return results;
}
