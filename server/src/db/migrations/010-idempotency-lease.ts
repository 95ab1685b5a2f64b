// An Idempotency-Key's claim becomes a lease: a request that died (its process killed) no longer
// holds the key for 24 hours. `attempt` fences a retry that took the key over from a request still
// running, so that only one of them can store the report (reports/idempotency.ts).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('idempotency_keys')
    .addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // Null for answered keys, and for claims written before leases: those are taken over at once.
  await db.schema.alterTable('idempotency_keys').addColumn('lease_expires_at', 'varchar(30)').execute();
}
