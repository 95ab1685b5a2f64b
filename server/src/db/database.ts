// Opens SQLite (WAL, foreign keys, busy timeout) and wraps it in Kysely; nothing outside db/ and
// the repositories talks SQL.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type Compilable, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export interface OpenDatabase {
  db: Db;
  /** The raw handle, for pragmas and the health check only. */
  sqlite: BetterSqlite3.Database;
  close(): Promise<void>;
}

/**
 * Starts every transaction with BEGIN IMMEDIATE instead of Kysely's deferred BEGIN. A deferred
 * transaction takes the write lock only at its first write, so one that reads first (the version
 * of a report, the head of the audit trail) and writes after may be working from a snapshot that
 * another connection (the rules CLI, a second server) has since committed past: SQLite then fails
 * the write with SQLITE_BUSY_SNAPSHOT, which no busy timeout can wait out. Taking the lock at BEGIN
 * makes such a writer wait its turn (busy_timeout) and read what it writes after. Within one
 * process Kysely already runs one transaction at a time over its single connection.
 */
class ImmediateTransactionDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class WriteLockingSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }

  override createDriver(): Driver {
    return new ImmediateTransactionDriver(this.settings);
  }
}

export function openDatabase(file: string): OpenDatabase {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new WriteLockingSqliteDialect({ database: sqlite }) });
  handles.set(db, sqlite);
  return {
    db,
    sqlite,
    close: () => db.destroy(),
  };
}

const handles = new WeakMap<Db, BetterSqlite3.Database>();

/**
 * A query built with Kysely, run by better-sqlite3 directly, its rows as arrays in the order of the
 * select list. For the one hot path that reads millions of rows (a rules run reads every report's
 * links: 1.6 M at national size): Kysely's driver asks for a named object per row, which with the
 * objects built from them took some 14 s of a national run; arrays take about half. The SQL is
 * still Kysely's, with its parameters bound.
 */
export async function rawRows(db: Db, query: Compilable): Promise<unknown[][]> {
  const compiled = query.compile();
  const sqlite = handles.get(db);
  // A Kysely not opened here (none today): the same rows through Kysely.
  if (!sqlite) return (await db.executeQuery<Record<string, unknown>>(compiled)).rows.map((row) => Object.values(row));
  return sqlite.prepare(compiled.sql).raw(true).all(...compiled.parameters) as unknown[][];
}
