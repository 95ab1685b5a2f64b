// An index for the as-of lookup: each institution's latest report with period <= P.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Serves: the as-of lookup (asOfReports), one seek per institution for its max period <= P and
  // one for that report; reports_latest_by_period made SQLite sort every latest report instead.
  await db.schema.createIndex('reports_latest_by_institution').on('reports').columns(['latest', 'institution', 'period']).execute();
}
