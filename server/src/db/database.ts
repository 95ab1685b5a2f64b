// Opens SQLite (WAL, foreign keys, busy timeout) and wraps it in Kysely; nothing outside db/ and
// the repositories talks SQL.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, type Compilable, type Driver, type Transaction } from 'kysely';
import { RoutedConnection, RoutingSqliteDriver } from './routing-driver.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export interface OpenDatabase {
  db: Db;
  /** The raw handle, for pragmas and the health check only. */
  sqlite: BetterSqlite3.Database;
  close(): Promise<void>;
}

/** Kysely's SQLite dialect (its SQL and introspection) over the routing driver. */
class RoutingSqliteDialect extends SqliteDialect {
  constructor(
    private readonly writer: BetterSqlite3.Database,
    private readonly reader: BetterSqlite3.Database | null,
  ) {
    super({ database: writer });
  }

  override createDriver(): Driver {
    return new RoutingSqliteDriver(this.writer, this.reader);
  }
}

export function openDatabase(file: string): OpenDatabase {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // Pages read through a connection of their own, never waiting for a write (see routing-driver.ts).
  const reader = file === ':memory:' ? null : new BetterSqlite3(file, { readonly: true });
  reader?.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new RoutingSqliteDialect(sqlite, reader) });
  // rawRows reads what is committed, like every read outside a transaction: the writer may be inside another request's.
  handles.set(db, reader ?? sqlite);
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
 * links: millions at national size): Kysely's driver asks for a named object per row, which with
 * the objects built from them was a large part of a national run; arrays take about half. The SQL is
 * still Kysely's, with its parameters bound.
 */
export async function rawRows(db: Db, query: Compilable): Promise<unknown[][]> {
  const compiled = query.compile();
  const sqlite = handles.get(db);
  // A Kysely not opened here (none today): the same rows through Kysely.
  if (!sqlite) return (await db.executeQuery<Record<string, unknown>>(compiled)).rows.map((row) => Object.values(row));
  return sqlite
    .prepare(compiled.sql)
    .raw(true)
    .all(...compiled.parameters) as unknown[][];
}

/**
 * Runs one statement (plain SQL with ? placeholders) once per row in the caller's transaction, the
 * statement prepared once; returns each row's insert id, in order. For the bulk writes of a rules
 * run (see RoutedConnection.runEach).
 */
export async function runEach(trx: Transaction<Database>, sql: string, rows: readonly (readonly unknown[])[]): Promise<number[]> {
  if (rows.length === 0) return [];
  return trx.getExecutor().provideConnection(async (connection) => {
    if (connection instanceof RoutedConnection) return connection.runEach(sql, rows);
    // A connection not opened here (none today): the same statement through Kysely, row by row.
    const ids: number[] = [];
    for (const row of rows) ids.push(Number((await connection.executeQuery(CompiledQuery.raw(sql, [...row]))).insertId));
    return ids;
  });
}
