// Exported files are found by their SHA-256 (POST /exports/check, the export store's retention):
// the hash sits in the details of export and certificate entries, so it is indexed as an
// expression. Entries without one index as null, which no lookup asks for.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index audit_log_by_file_sha256 on audit_log (json_extract(details, '$.sha256'), seq)`.execute(db);
}
