// Online backup and restore of the SQLite database. A backup goes through SQLite's backup API
// (better-sqlite3's `backup()`), which copies a consistent snapshot page by page while the server
// keeps reading and writing; a plain file copy of a WAL database can catch it between a commit and
// its checkpoint. Every copy is checked (integrity_check and the audit chain) before it is trusted.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../db/database.js';
import { verifyAuditTrail } from '../audit/service.js';

export interface BackupCheck {
  file: string;
  bytes: number;
  /** `PRAGMA integrity_check` said "ok". */
  integrity: boolean;
  auditEntries: number;
  /** The hash at the head of the audit trail. */
  auditHead: string;
  reports: number;
}

/** Checks a database file without changing it: pages intact, audit chain unbroken, what it holds. */
export async function checkDatabase(file: string): Promise<BackupCheck> {
  const raw = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  let integrity: boolean;
  let reports: number;
  try {
    integrity = raw.pragma('integrity_check', { simple: true }) === 'ok';
    reports = (raw.prepare('select count(*) as n from reports').get() as { n: number }).n;
  } finally {
    raw.close();
  }
  const database = openDatabase(file);
  try {
    const chain = await verifyAuditTrail(database.db);
    if (!chain.ok) throw new Error(`the audit chain of ${file} is broken at entry ${chain.brokenAt}: ${chain.reason}`);
    return { file, bytes: fs.statSync(file).size, integrity, auditEntries: chain.entries, auditHead: chain.head, reports };
  } finally {
    await database.close();
  }
}

/** Copies the live database at `source` into `target` (which must not exist) and checks the copy. */
export async function backupDatabase(source: string, target: string): Promise<BackupCheck> {
  if (fs.existsSync(target)) throw new Error(`${target} exists already: a backup never overwrites a file`);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const live = new BetterSqlite3(source, { fileMustExist: true });
  live.pragma('busy_timeout = 5000');
  try {
    await live.backup(target);
  } finally {
    live.close();
  }
  const check = await checkDatabase(target);
  if (!check.integrity) throw new Error(`the backup ${target} failed its integrity check`);
  return check;
}

/**
 * Puts a checked backup in place of the database at `target`. The server must be stopped: SQLite
 * cannot swap a database under open connections. The old file (if any) is kept beside it as
 * `<target>.before-restore-<time>`, so a restore can itself be undone.
 */
export async function restoreDatabase(
  backup: string,
  target: string,
  now = new Date(),
): Promise<BackupCheck & { previous: string | null }> {
  const check = await checkDatabase(backup);
  if (!check.integrity) throw new Error(`${backup} failed its integrity check: not restored`);
  let previous: string | null = null;
  if (fs.existsSync(target)) {
    previous = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    // Folds the WAL into the main file first, so the file set aside is the whole old database.
    const old = new BetterSqlite3(target, { fileMustExist: true });
    try {
      old.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      old.close();
    }
    fs.renameSync(target, previous);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  }
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const from = new BetterSqlite3(backup, { readonly: true, fileMustExist: true });
  try {
    await from.backup(target);
  } finally {
    from.close();
  }
  return { ...(await checkDatabase(target)), previous };
}
