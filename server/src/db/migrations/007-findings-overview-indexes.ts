// Indexes for the overview's counts of findings (overview/repository.ts), read from the index alone.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Serves: how many findings first held in each period; without it SQLite read every finding's
  // row.
  await db.schema.createIndex('findings_by_first_period').on('findings').column('first_period').execute();
  // Serves: the resolved findings by the period they last held in, whether they still hold and
  // whether they held at all; the expression is the one the query groups by, so it reads no row.
  await db.schema
    .createIndex('findings_by_status_last_period')
    .on('findings')
    .expression(sql`status, last_period, holds, (periods != '[]')`)
    .execute();
}
