// Rules and findings: settings per rule, findings with their subjects, history and comments, and a
// mark on each report once the rules have seen it (a crash in between leaves the mark unset, and
// the start-up check runs the rules again).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rule_settings')
    .addColumn('rule_id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    /** The rule version and settings the current findings were computed with; null until a run. */
    .addColumn('applied', 'text')
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(64)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('findings')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('fingerprint', 'varchar(400)', (c) => c.notNull().unique())
    .addColumn('rule_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('rule_version', 'integer', (c) => c.notNull())
    .addColumn('severity', 'varchar(10)', (c) => c.notNull())
    .addColumn('severity_rank', 'integer', (c) => c.notNull())
    .addColumn('subjects', 'text', (c) => c.notNull())
    .addColumn('city', 'varchar(6)')
    .addColumn('mode', 'varchar(3)')
    .addColumn('channel', 'varchar(7)')
    .addColumn('first_period', 'varchar(7)', (c) => c.notNull())
    .addColumn('last_period', 'varchar(7)', (c) => c.notNull())
    .addColumn('periods', 'text', (c) => c.notNull())
    .addColumn('holds', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('explanation_zh', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  // Serve: the list's common filters and the merge's candidate lookup (rule, then period overlap).
  await db.schema.createIndex('findings_by_rule').on('findings').columns(['rule_id', 'last_period']).execute();
  await db.schema.createIndex('findings_by_status').on('findings').columns(['status', 'severity_rank']).execute();
  await db.schema.createIndex('findings_by_city').on('findings').column('city').execute();

  await db.schema
    .createTable('finding_subjects')
    .addColumn('institution', 'varchar(40)', (c) => c.notNull())
    .addColumn('finding_id', 'integer', (c) => c.notNull().references('findings.id'))
    .addPrimaryKeyConstraint('finding_subjects_pk', ['institution', 'finding_id'])
    .execute();

  await db.schema
    .createTable('finding_history')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('finding_id', 'integer', (c) => c.notNull().references('findings.id'))
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('actor', 'varchar(64)', (c) => c.notNull())
    .addColumn('from_status', 'varchar(12)')
    .addColumn('to_status', 'varchar(12)', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('finding_history_by_finding').on('finding_history').column('finding_id').execute();

  await db.schema
    .createTable('finding_comments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('finding_id', 'integer', (c) => c.notNull().references('findings.id'))
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('author', 'varchar(64)', (c) => c.notNull())
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('institution', 'varchar(40)')
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('finding_comments_by_finding').on('finding_comments').column('finding_id').execute();

  await db.schema
    .alterTable('reports')
    .addColumn('rules_applied', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
