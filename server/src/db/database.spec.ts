import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, rawRows, runEach, type OpenDatabase } from './database.js';
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

describe('reads beside a write', () => {
  async function withOpenTransaction(file: string, whileOpen: (inserted: string) => Promise<void>): Promise<void> {
    database = openDatabase(file);
    await migrateToLatest(database.db);
    let letGo!: () => void;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    const writing = database.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('cities')
        .values({
          code: '999001',
          name: 'Test city',
          name_zh: '测试市',
          province: '990000',
          province_name: 'Test',
          province_name_zh: '测试',
        })
        .execute();
      await held;
    });
    await new Promise((r) => setTimeout(r, 20));
    try {
      await whileOpen('999001');
    } finally {
      letGo();
      await writing;
    }
  }

  it('go on while a write transaction is open, seeing what was committed and not what is being written', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interop-db-'));
    const file = path.join(dir, 'test.db');
    await withOpenTransaction(file, async (code) => {
      const read = database!.db.selectFrom('cities').select('code').where('code', '=', code).execute();
      const answered = await Promise.race([read.then(() => 'answered'), new Promise((r) => setTimeout(() => r('waited'), 500))]);
      expect(answered).toBe('answered');
      expect(await read).toEqual([]);
      expect(await rawRows(database!.db, database!.db.selectFrom('cities').select('code').where('code', '=', code))).toEqual([]);
    });
    expect(await database!.db.selectFrom('cities').select('code').where('code', '=', '999001').execute()).toEqual([{ code: '999001' }]);
  });

  it('leave writes outside a transaction to wait for the writer', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interop-db-'));
    const order: string[] = [];
    await withOpenTransaction(path.join(dir, 'test.db'), async () => {
      const write = database!.db
        .deleteFrom('cities')
        .where('code', '=', '999001')
        .execute()
        .then(() => order.push('delete'));
      await new Promise((r) => setTimeout(r, 50));
      order.push('still open');
      void write;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual(['still open', 'delete']);
    expect(await database!.db.selectFrom('cities').select('code').where('code', '=', '999001').execute()).toEqual([]);
  });
});

describe('reads run again', () => {
  it('answer from the current schema and data, though their statement is prepared once', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interop-db-'));
    database = openDatabase(path.join(dir, 'test.db'));
    const { db } = database;
    await db.schema
      .createTable('t')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .execute();
    await db
      .insertInto('t' as never)
      .values({ id: 1 })
      .execute();
    const read = () =>
      db
        .selectFrom('t' as never)
        .selectAll()
        .execute();
    expect(await read()).toEqual([{ id: 1 }]);
    await db.schema
      .alterTable('t')
      .addColumn('name', 'text', (c) => c.notNull().defaultTo('x'))
      .execute();
    await db
      .insertInto('t' as never)
      .values({ id: 2, name: 'y' })
      .execute();
    expect(await read()).toEqual([
      { id: 1, name: 'x' },
      { id: 2, name: 'y' },
    ]);
  });
});

describe('runEach', () => {
  it('runs the statement once per row in the transaction, returns each insert id in order, and rolls back with it', async () => {
    database = openDatabase(':memory:');
    const { db } = database;
    await db.schema
      .createTable('t')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text')
      .addColumn('n', 'integer')
      .execute();
    const ids = await db.transaction().execute((trx) =>
      runEach(trx, 'insert into t (name, n) values (?, ?)', [
        ['a', 1],
        ['b', null],
        ['c', 3],
      ]),
    );
    expect(ids).toEqual([1, 2, 3]);
    expect(
      await db
        .selectFrom('t' as never)
        .selectAll()
        .execute(),
    ).toEqual([
      { id: 1, name: 'a', n: 1 },
      { id: 2, name: 'b', n: null },
      { id: 3, name: 'c', n: 3 },
    ]);
    await expect(
      db.transaction().execute(async (trx) => {
        await runEach(trx, 'insert into t (name, n) values (?, ?)', [['d', 4]]);
        throw new Error('undone');
      }),
    ).rejects.toThrow('undone');
    expect(
      await db
        .selectFrom('t' as never)
        .selectAll()
        .execute(),
    ).toHaveLength(3);
  });
});
