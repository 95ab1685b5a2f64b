import type { Db } from '../db/database.js';

export interface ApiKeySummary {
  id: string;
  institution: string;
  name: string;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}

export async function insertApiKey(db: Db, key: ApiKeySummary & { keyHash: string }): Promise<void> {
  await db
    .insertInto('api_keys')
    .values({
      id: key.id,
      institution: key.institution,
      key_hash: key.keyHash,
      name: key.name,
      created_by: key.createdBy,
      created_at: key.createdAt,
      revoked_at: null,
    })
    .execute();
}

export async function listApiKeys(db: Db, institution: string): Promise<ApiKeySummary[]> {
  const rows = await db.selectFrom('api_keys').selectAll().where('institution', '=', institution).orderBy('created_at').execute();
  return rows.map((r) => ({
    id: r.id,
    institution: r.institution,
    name: r.name,
    createdBy: r.created_by,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  }));
}

/** Marks a key revoked; answers whether the institution had such a live key. */
export async function revokeApiKey(db: Db, institution: string, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: at })
    .where('institution', '=', institution)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function findLiveKeyByHash(db: Db, keyHash: string): Promise<{ id: string; institution: string } | undefined> {
  return db
    .selectFrom('api_keys')
    .innerJoin('institutions', 'institutions.id', 'api_keys.institution')
    .select(['api_keys.id', 'api_keys.institution'])
    .where('api_keys.key_hash', '=', keyHash)
    .where('api_keys.revoked_at', 'is', null)
    .where('institutions.active', '=', 1)
    .executeTakeFirst();
}
