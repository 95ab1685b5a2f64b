// What a subject institution reads of a finding whose explanation names another institution's
// terms (DISC-001's lowest fee charged to someone else, DISC-002's count of the reporter's other
// agreements): null where the explanation names nothing a subject may not read.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('findings').addColumn('subject_explanation', 'text').execute();
  await db.schema.alterTable('findings').addColumn('subject_explanation_zh', 'text').execute();
  // The findings of the rules that now write one are stale: the start-up check runs those rules
  // again over every period, which fills it in (frozen here: the ids as they are today).
  await sql`update rule_settings set applied = null where rule_id in ('DISC-001', 'DISC-002')`.execute(db);
}
