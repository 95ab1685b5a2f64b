// Measures a findings export as the bench's targets count it: wall time and peak memory (VmHWM) of a fresh process
// that opens the database and exports, nothing else. As a CLI:
//   tsx server/tools/measure-export/measure-export.ts [--findings 100000] [--formats csv,xlsx,json] [--runs 1] [--db file]
// (a --db that exists is reused as it is; otherwise one is built and, if temporary, removed after).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { createAppContext } from '../../src/app-context.js';
import { loadConfig } from '../../src/config.js';
import { exportQuery, type ExportFormat } from '../../src/contract/exports.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createLogger } from '../../src/logger.js';
import { listCities, listInstitutions } from '../../src/reference/repository.js';
import { loadInstitutionFile, seedReferenceData } from '../../src/reference/seed-reference.js';
import { exportFindings } from '../../src/exports/service.js';
import { insertSyntheticFindings } from './synthetic-findings.js';

export interface ExportMeasurement {
  format: ExportFormat;
  seconds: number;
  /** CPU time of the whole process during the export (threads included): steadier than wall time on a busy machine. */
  cpuSeconds: number;
  /** The process's peak resident set (VmHWM), start-up and database included. */
  peakRssMb: number;
  /** Resident set just before the export began, for telling the export's share from the start-up's. */
  startRssMb: number;
  rows: number;
  bytes: number;
  /** The file's SHA-256: the same data must give the same CSV and JSON bytes, however fast. */
  sha256: string;
}

/** A new database at dbPath: the schema, the reference data and `findings` synthetic findings. */
export async function prepareExportDatabase(dbPath: string, findings = 100_000): Promise<void> {
  const database = openDatabase(dbPath);
  try {
    await migrateToLatest(database.db);
    await seedReferenceData(database.db, loadInstitutionFile());
    const [institutions, cities] = await Promise.all([listInstitutions(database.db), listCities(database.db)]);
    // Prefecture-level cities, as the rules' findings name.
    const places = cities.filter((c) => c.code.endsWith('00') && !c.code.endsWith('0000'));
    insertSyntheticFindings(database.sqlite, findings, institutions, places);
    database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    await database.close();
  }
}

/** Exports every finding of the database at dbPath in a fresh process and reports what it cost. */
export async function measureExport(dbPath: string, format: ExportFormat): Promise<ExportMeasurement> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', dbPath, format],
    {
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as ExportMeasurement;
}

const round = (seconds: number) => Math.round(seconds * 100) / 100;

const rssMb = (field: 'VmHWM' | 'VmRSS') => {
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return kb ? Math.round(Number(kb[1]) / 1024) : NaN;
};

async function exportOnce(dbPath: string, format: ExportFormat): Promise<ExportMeasurement> {
  const database = openDatabase(dbPath);
  const ctx = createAppContext({
    db: database.db,
    config: loadConfig({ DB_PATH: dbPath, LOG_LEVEL: 'silent' }),
    logger: createLogger('silent'),
    now: () => new Date(),
  });
  const auditor = { username: 'auditor', role: 'auditor' as const, institution: null, via: 'session' as const };
  const startRssMb = rssMb('VmRSS');
  const started = performance.now();
  const cpu = process.cpuUsage();
  const exported = await exportFindings(ctx, auditor, exportQuery.parse({ format }));
  const seconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  await exported.discard?.();
  await database.close();
  return {
    format,
    seconds: round(seconds),
    cpuSeconds: round((user + system) / 1e6),
    peakRssMb: rssMb('VmHWM'),
    startRssMb,
    rows: exported.rows,
    bytes: exported.bytes,
    sha256: exported.sha256,
  };
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--child') {
    console.log(JSON.stringify(await exportOnce(argv[1], argv[2] as ExportFormat)));
    return;
  }
  const { values } = parseArgs({
    args: argv,
    options: {
      findings: { type: 'string', default: '100000' },
      formats: { type: 'string', default: 'csv,xlsx,json' },
      runs: { type: 'string', default: '1' },
      db: { type: 'string' },
    },
  });
  const dbPath = values.db ?? path.join(os.tmpdir(), `interop-export-bench-${process.pid}.db`);
  const reuse = fs.existsSync(dbPath);
  if (!reuse) {
    const started = performance.now();
    await prepareExportDatabase(dbPath, Number(values.findings));
    console.error(`prepared ${values.findings} findings in ${((performance.now() - started) / 1000).toFixed(1)} s at ${dbPath}`);
  }
  try {
    for (let run = 0; run < Number(values.runs); run++) {
      for (const format of values.formats.split(',') as ExportFormat[]) console.log(JSON.stringify(await measureExport(dbPath, format)));
    }
  } finally {
    if (!reuse && !values.db) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv.slice(2));
