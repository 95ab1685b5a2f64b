// The real server (main.ts) as its own process over a database file, for tests of signals and crashes.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createAppContext } from '../app-context.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createLogger } from '../logger.js';
import { loadInstitutionFile, seedReferenceData } from '../reference/seed-reference.js';
import { createDemoUsers } from '../users/service.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

/** A database with the reference data and the demo users (password "demo") but no reports. */
export async function prepareDatabase(file: string): Promise<void> {
  const database = openDatabase(file);
  const ctx = createAppContext({
    db: database.db,
    config: loadConfig({ DB_PATH: file, LOG_LEVEL: 'silent' }),
    logger: createLogger('silent'),
    now: () => new Date(),
  });
  await migrateToLatest(ctx.db);
  await seedReferenceData(ctx.db, loadInstitutionFile());
  await createDemoUsers(ctx);
  await database.close();
}

/** Runs a TypeScript entry point with node itself (not npx), so that signals reach the process. */
export function spawnTs(entry: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** What the process has printed so far (standard output while it is read, and standard error). */
  output(): string;
}

export interface ServerProcessOptions {
  /** Environment beyond the defaults (no demo, port 0). */
  env?: Record<string, string>;
  /**
   * What the parent does with the server's standard output once it listens: keep reading it, stop
   * reading (the pipe fills up), or close its end (the reader has gone).
   */
  stdout?: 'read' | 'unread' | 'closed';
}

/** Starts main.ts on a free port over `dbPath` (no demo unless asked) and resolves once it listens. */
export function startServerProcess(
  dbPath: string,
  env: Record<string, string> = {},
  options: Omit<ServerProcessOptions, 'env'> = {},
): Promise<ServerProcess> {
  const child = spawnTs('server/src/main.ts', [], { DB_PATH: dbPath, PORT: '0', SEED: 'none', ...env });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let out = '';
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const m = /listening on (http:\/\/localhost:\d+)/.exec(out);
      if (!m) return;
      if (options.stdout === 'unread') {
        child.stdout!.off('data', onData);
        child.stdout!.pause();
      } else if (options.stdout === 'closed') {
        child.stdout!.destroy();
      }
      resolve({ child, baseUrl: m[1].replace('localhost', '127.0.0.1'), exited, output: () => out });
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening: ${out}`)));
  });
}
