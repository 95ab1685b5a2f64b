// Each report's links packed as the rules read them (reports/packed-links.ts), filled for the
// reports already stored.
import type { Kysely } from 'kysely';
import { storePackedLinks } from '../../reports/packed-links.js';
import type { Db } from '../database.js';

const REPORTS_PER_BATCH = 200;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_packed_links')
    .addColumn('report_id', 'integer', (c) => c.primaryKey().references('reports.id'))
    .addColumn('links', 'blob', (c) => c.notNull())
    .execute();
  const typed = db as unknown as Db;
  const ids = (await typed.selectFrom('reports').select('id').orderBy('id').execute()).map((r) => r.id);
  for (let i = 0; i < ids.length; i += REPORTS_PER_BATCH) await storePackedLinks(typed, ids.slice(i, i + REPORTS_PER_BATCH));
}
