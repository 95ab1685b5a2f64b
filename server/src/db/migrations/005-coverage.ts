// Coverage precomputed per period (analytics/coverage-store.ts): each city's mutual pairs and pairs
// in every mode and channel, and which periods are filled and with which members. Created empty: on
// an existing database the start-up check (bootstrap) fills it, and until then coverage is computed
// from the reports as before.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('coverage_cells')
    .addColumn('mode', 'varchar(3)', (c) => c.notNull())
    .addColumn('channel', 'varchar(7)', (c) => c.notNull())
    .addColumn('period', 'varchar(7)', (c) => c.notNull())
    .addColumn('city', 'varchar(6)', (c) => c.notNull())
    .addColumn('mutual_pairs', 'integer', (c) => c.notNull())
    .addColumn('pairs', 'integer', (c) => c.notNull())
    // Serves coverage by period (a range of periods in one mode and channel) and by city or province
    // (one period in one mode and channel).
    .addPrimaryKeyConstraint('coverage_cells_by_scope_and_period', ['mode', 'channel', 'period', 'city'])
    .execute();
  await db.schema
    .createTable('coverage_periods')
    .addColumn('period', 'varchar(7)', (c) => c.primaryKey())
    /** The systemic, active institutions the period's cells count pairs of, sorted, comma-separated. */
    .addColumn('members', 'text', (c) => c.notNull())
    .execute();
}
