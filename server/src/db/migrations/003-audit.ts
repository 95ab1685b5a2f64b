// The audit trail: an append-only, hash-chained log of every write. SQLite itself refuses to change
// or delete an entry, and refuses an entry that does not extend the chain at its head.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    // The rowid itself: unique, so two writers can never both append entry n.
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('actor', 'varchar(64)', (c) => c.notNull())
    .addColumn('action', 'varchar(40)', (c) => c.notNull())
    .addColumn('target', 'varchar(200)', (c) => c.notNull())
    /** Canonical JSON (sorted keys), exactly what the hash covers. */
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'char(64)', (c) => c.notNull())
    .addColumn('hash', 'char(64)', (c) => c.notNull())
    .execute();
  // Serve the trail's filters (GET /audit?actor=, ?action=, ?target=, ?from=&to=), newest first.
  await db.schema.createIndex('audit_log_by_actor').on('audit_log').columns(['actor', 'seq']).execute();
  await db.schema.createIndex('audit_log_by_action').on('audit_log').columns(['action', 'seq']).execute();
  await db.schema.createIndex('audit_log_by_target').on('audit_log').columns(['target', 'seq']).execute();
  await db.schema.createIndex('audit_log_by_at').on('audit_log').column('at').execute();

  // Entries are never changed or removed by anything that goes through SQL without first dropping
  // these triggers; what does so anyway is what GET /audit/verify is there to catch.
  await sql`create trigger audit_log_no_update before update on audit_log
    begin select raise(abort, 'audit entries cannot be changed'); end`.execute(db);
  await sql`create trigger audit_log_no_delete before delete on audit_log
    begin select raise(abort, 'audit entries cannot be deleted'); end`.execute(db);
  // The last line of defence for the chain: entry n + 1 must link to entry n's hash.
  await sql`create trigger audit_log_append_at_head before insert on audit_log
    when new.seq is not coalesce((select max(seq) from audit_log), 0) + 1
      or new.prev_hash is not coalesce((select hash from audit_log order by seq desc limit 1), ${sql.lit('0'.repeat(64))})
    begin select raise(abort, 'an audit entry must extend the chain at its head'); end`.execute(db);
}
