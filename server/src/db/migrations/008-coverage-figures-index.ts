// An index for the national and scoped coverage figures read from the stored cells
// (analytics/coverage-store.ts, storedScopeFigures), read from the index alone.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Serves: the cells of one mode and channel over a run of periods, grouped by period and figure;
  // the primary key's order (…, period, city) made SQLite sort them first, in each of
  // /coverage/lines' four such reads.
  await db.schema
    .createIndex('coverage_cells_by_figure')
    .on('coverage_cells')
    .columns(['mode', 'channel', 'period', 'mutual_pairs', 'pairs'])
    .execute();
}
