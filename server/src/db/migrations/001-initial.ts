// The first schema: reference data, auth, reports. Portable DDL only (SQLite now, PostgreSQL later).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cities')
    .addColumn('code', 'varchar(6)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('name_zh', 'varchar(100)', (c) => c.notNull())
    .addColumn('province', 'varchar(6)', (c) => c.notNull())
    .addColumn('province_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('province_name_zh', 'varchar(100)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('institutions')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('name_zh', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('group_slug', 'varchar(40)', (c) => c.notNull())
    .addColumn('systemic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('username', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('password_hash', 'varchar(255)', (c) => c.notNull())
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('institution', 'varchar(40)', (c) => c.references('institutions.id'))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('username', 'varchar(64)', (c) => c.notNull().references('users.username'))
    .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  // Serves: dropping every session of a user when they are disabled or change password.
  await db.schema.createIndex('sessions_by_username').on('sessions').column('username').execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('institution', 'varchar(40)', (c) => c.notNull().references('institutions.id'))
    .addColumn('key_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('revoked_at', 'varchar(30)')
    .execute();
  // Serves: listing an institution's keys.
  await db.schema.createIndex('api_keys_by_institution').on('api_keys').column('institution').execute();

  await db.schema
    .createTable('reports')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('institution', 'varchar(40)', (c) => c.notNull().references('institutions.id'))
    .addColumn('period', 'varchar(7)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('received_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('links_count', 'integer', (c) => c.notNull())
    .addColumn('agreements_count', 'integer', (c) => c.notNull())
    .addColumn('warnings', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('latest', 'integer', (c) => c.notNull())
    .addUniqueConstraint('reports_institution_period_version', ['institution', 'period', 'version'])
    .execute();
  // Serves: the as-of lookup (each institution's latest report with period <= P) and the period list.
  await db.schema.createIndex('reports_latest_by_period').on('reports').columns(['latest', 'period', 'institution']).execute();

  await db.schema
    .createTable('report_links')
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('scanner', 'varchar(40)', (c) => c.notNull())
    .addColumn('issuer', 'varchar(40)', (c) => c.notNull())
    .addColumn('mode', 'varchar(3)', (c) => c.notNull())
    .addColumn('channel', 'varchar(7)', (c) => c.notNull())
    .addColumn('city', 'varchar(6)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('since', 'varchar(10)', (c) => c.notNull())
    .execute();
  // Serves: the matrix (one report's links in one city, mode and channel, '*' rows included).
  await db.schema.createIndex('report_links_by_report_city').on('report_links').columns(['report_id', 'city', 'mode', 'channel']).execute();

  await db.schema
    .createTable('report_agreements')
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('ref', 'varchar(100)', (c) => c.notNull())
    .addColumn('counterparty', 'varchar(40)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('exclusive', 'integer', (c) => c.notNull())
    .addColumn('fee_bps', 'integer')
    .addColumn('cities', 'text', (c) => c.notNull())
    .addColumn('modes', 'text', (c) => c.notNull())
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('restrictions', 'text', (c) => c.notNull())
    .addColumn('effective', 'varchar(10)', (c) => c.notNull())
    .addColumn('expires', 'varchar(10)')
    .addColumn('text', 'text')
    .execute();
  // Serves: reading a report's agreements.
  await db.schema.createIndex('report_agreements_by_report').on('report_agreements').column('report_id').execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('principal', 'varchar(64)', (c) => c.notNull())
    .addColumn('key', 'varchar(255)', (c) => c.notNull())
    .addColumn('request_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('state', 'varchar(12)', (c) => c.notNull())
    .addColumn('response_status', 'integer')
    .addColumn('response_body', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['principal', 'key'])
    .execute();
}
