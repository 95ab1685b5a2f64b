// Kysely's SQLite driver runs every query over one connection behind one mutex, so a page's reads
// wait for any write transaction in progress, however long (a 50,000-link report and its rules
// run): at the deadline, analysts' pages stalled for seconds behind institutions' submissions.
// This driver keeps the one writer and its mutex for transactions and for every statement that is
// not a plain SELECT, and sends plain SELECTs outside transactions to a second, read-only
// connection: in WAL mode it reads the last committed state while the writer writes.
//
// Transactions begin IMMEDIATE rather than Kysely's deferred BEGIN. A deferred transaction takes
// the write lock only at its first write, so one that reads first (a report's version, the head of
// the audit trail) and writes after may be working from a snapshot another connection (the rules
// CLI, a second server) has since committed past: SQLite then fails the write with
// SQLITE_BUSY_SNAPSHOT, which no busy timeout can wait out. IMMEDIATE makes it wait its turn.
import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, SelectQueryNode, type DatabaseConnection, type Driver, type QueryResult, type TransactionSettings } from 'kysely';

function execute<R>(sqlite: BetterSqlite3.Database, { sql, parameters }: CompiledQuery, statement = sqlite.prepare(sql)): QueryResult<R> {
  if (statement.reader) return { rows: statement.all(parameters) as R[] };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

/** One writer at a time, in the order they asked. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();

  async lock(): Promise<() => void> {
    let release!: () => void;
    const previous = this.tail;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    return release;
  }
}

export class RoutedConnection implements DatabaseConnection {
  inTransaction = false;
  private release: (() => void) | null = null;

  constructor(private readonly driver: RoutingSqliteDriver) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.readsOnly(query)) return execute<R>(this.driver.reader!, query, this.driver.readerStatement(query.sql));
    await this.holdWriter();
    return execute<R>(this.driver.writer, query);
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(query.query)) throw new Error('SQLite streams only SELECT queries');
    const sqlite = this.readsOnly(query) ? this.driver.reader! : (await this.holdWriter(), this.driver.writer);
    for (const row of sqlite.prepare(query.sql).iterate(query.parameters)) yield { rows: [row as R] };
  }

  /**
   * One statement run once per row inside this connection's transaction, prepared once: a big
   * report's rules run writes some 200,000 finding, subject and history rows, and a statement per
   * row that is compiled and prepared once costs about half of what the same rows cost unpacked
   * from JSON (json_each) in SQLite. Returns each row's rowid (its id for an insert).
   */
  runEach(sql: string, rows: readonly (readonly unknown[])[]): number[] {
    if (!this.inTransaction) throw new Error('runEach writes inside a transaction');
    const statement = this.driver.writer.prepare(sql);
    return rows.map((row) => Number(statement.run(row).lastInsertRowid));
  }

  async holdWriter(): Promise<void> {
    this.release ??= await this.driver.mutex.lock();
  }

  releaseWriter(): void {
    this.release?.();
    this.release = null;
  }

  /** A plain SELECT outside a transaction, with a reader to send it to. */
  private readsOnly(query: CompiledQuery): boolean {
    return !this.inTransaction && this.driver.reader !== null && SelectQueryNode.is(query.query);
  }
}

/** Read statements kept prepared, least recently used first. */
const MAX_READER_STATEMENTS = 256;

export class RoutingSqliteDriver implements Driver {
  readonly mutex = new Mutex();
  private readonly readerStatements = new Map<string, BetterSqlite3.Statement>();

  /** `reader` is null for an in-memory database, which a second connection cannot see. */
  constructor(
    readonly writer: BetterSqlite3.Database,
    readonly reader: BetterSqlite3.Database | null,
  ) {}

  async init(): Promise<void> {}

  /**
   * The reader's statement for this SELECT, prepared once: pages run the same few queries again
   * and again, and preparing them each time was a visible part of a national matrix request (seven
   * statements). Only reads are kept: writes include big one-off batches.
   */
  readerStatement(sql: string): BetterSqlite3.Statement {
    let statement = this.readerStatements.get(sql);
    if (statement) this.readerStatements.delete(sql);
    else statement = this.reader!.prepare(sql);
    this.readerStatements.set(sql, statement);
    if (this.readerStatements.size > MAX_READER_STATEMENTS) this.readerStatements.delete(this.readerStatements.keys().next().value!);
    return statement;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    // No lock yet: a connection takes the writer only for what needs it (see RoutedConnection).
    return new RoutedConnection(this);
  }

  async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    const routed = connection as RoutedConnection;
    await routed.holdWriter();
    routed.inTransaction = true;
    execute(this.writer, CompiledQuery.raw('begin immediate'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    execute(this.writer, CompiledQuery.raw('commit'));
    (connection as RoutedConnection).inTransaction = false;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    // After some errors (disk full in the middle of a statement run row by row, an I/O error)
    // SQLite has rolled the whole transaction back itself: a second rollback would fail, and its
    // error would hide the one to answer with.
    if (this.writer.inTransaction) execute(this.writer, CompiledQuery.raw('rollback'));
    (connection as RoutedConnection).inTransaction = false;
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as RoutedConnection).releaseWriter();
  }

  async destroy(): Promise<void> {
    this.reader?.close();
    this.writer.close();
  }
}
