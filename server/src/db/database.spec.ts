import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';

let database: OpenDatabase | undefined;
let dir: string | undefined;
afterEach(async () => {
  await database?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  database = undefined;
  dir = undefined;
});

describe('transactions', () => {
  it('take the write lock at BEGIN, so what a transaction reads is still true when it writes', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interop-db-'));
    const file = path.join(dir, 'test.db');
    database = openDatabase(file);
    await migrateToLatest(database.db);
    const other = new BetterSqlite3(file);
    other.pragma('busy_timeout = 0');
    try {
      await database.db.transaction().execute(async (trx) => {
        // Only a read so far: a deferred BEGIN would not hold the write lock yet.
        await trx.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').limit(1).execute();
        expect(() => other.exec('begin immediate')).toThrow(/locked|busy/i);
      });
      other.exec('begin immediate');
      other.exec('rollback');
    } finally {
      other.close();
    }
  });
});
