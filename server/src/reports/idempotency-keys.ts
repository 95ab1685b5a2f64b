// The idempotency_keys table: claims of Idempotency-Keys, their leases and their stored answers.
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';

export interface KeyClaim {
  principal: string;
  key: string;
  /** Fences the claim: only the attempt that holds the key may answer for it. */
  attempt: number;
}

/** The key's row while `claim` holds it unanswered. */
function heldUnansweredBy(claim: KeyClaim) {
  return (eb: ExpressionBuilder<Database, 'idempotency_keys'>) =>
    eb.and({ principal: claim.principal, key: claim.key, attempt: claim.attempt, state: 'processing' });
}

export interface StoredKey {
  requestHash: string;
  state: 'processing' | 'done' | 'failed';
  attempt: number;
  leaseExpiresAt: string | null;
  responseStatus: number | null;
  responseBody: string | null;
}

export async function forgetKeysCreatedBefore(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('created_at', '<', before.toISOString()).execute();
}

/** Claims a key nobody holds; false when the key is already there. */
export async function insertClaim(
  db: Db,
  claim: { principal: string; key: string; requestHash: string; now: Date; leaseExpiresAt: Date },
): Promise<boolean> {
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({
      principal: claim.principal,
      key: claim.key,
      request_hash: claim.requestHash,
      state: 'processing',
      response_status: null,
      response_body: null,
      created_at: claim.now.toISOString(),
      attempt: 1,
      lease_expires_at: claim.leaseExpiresAt.toISOString(),
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function findKey(db: Db, principal: string, key: string): Promise<StoredKey | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('principal', '=', principal)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    requestHash: row.request_hash,
    state: row.state as StoredKey['state'],
    attempt: row.attempt,
    leaseExpiresAt: row.lease_expires_at,
    responseStatus: row.response_status,
    responseBody: row.response_body,
  };
}

/**
 * Takes over a claim whose lease ran out, unless another retry took it first (false then). The key
 * counts as created again: its 24 hours start from the attempt that may store something.
 */
export async function takeOverClaim(db: Db, expired: KeyClaim, now: Date, leaseExpiresAt: Date): Promise<boolean> {
  const updated = await db
    .updateTable('idempotency_keys')
    .set({ attempt: expired.attempt + 1, created_at: now.toISOString(), lease_expires_at: leaseExpiresAt.toISOString() })
    .where(heldUnansweredBy(expired))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/** Stores the answer of the attempt that holds the key; false when another attempt holds it now. */
export async function recordAnswer(db: Db, claim: KeyClaim, state: 'done' | 'failed', status: number, body: unknown): Promise<boolean> {
  const updated = await db
    .updateTable('idempotency_keys')
    .set({ state, response_status: status, response_body: JSON.stringify(body), lease_expires_at: null })
    .where(heldUnansweredBy(claim))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/** Frees the key for a retry, if this attempt still holds it. */
export async function releaseClaim(db: Db, claim: KeyClaim): Promise<void> {
  await db.deleteFrom('idempotency_keys').where(heldUnansweredBy(claim)).execute();
}
