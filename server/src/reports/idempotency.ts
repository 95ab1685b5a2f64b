// Idempotency-Key (IETF httpapi draft): a retry with the same key and body replays the first
// answer; another body under the same key is 422; a retry while the first is running is 409.
import { createHash } from 'node:crypto';
import type { AppContext } from '../app-context.js';
import { Conflict, DomainError, Invalid } from '../http/errors.js';

export const KEEP_KEYS_MS = 24 * 60 * 60 * 1000;

export interface StoredResponse {
  status: number;
  body: unknown;
  replayed: boolean;
}

export function fingerprint(parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(part);
    hash.update('\u0000');
  }
  return hash.digest('hex');
}

/**
 * Runs `work` at most once per (principal, key). Successful answers and validation failures are
 * kept and replayed; other failures free the key so that the client can retry. The request's hash
 * is asked for only under a key: hashing a large report's body costs tens of milliseconds.
 */
export async function idempotent(
  ctx: AppContext,
  principal: string,
  key: string | undefined,
  hashRequest: () => string,
  work: () => Promise<{ status: number; body: unknown }>,
): Promise<StoredResponse> {
  if (key === undefined) return { ...(await work()), replayed: false };
  if (key.length === 0 || key.length > 255) throw new Invalid([{ code: 'BAD_IDEMPOTENCY_KEY', message: 'Idempotency-Key must be 1–255 characters', path: 'header:Idempotency-Key' }]);
  const requestHash = hashRequest();
  const now = ctx.now();
  await ctx.db.deleteFrom('idempotency_keys').where('created_at', '<', new Date(now.getTime() - KEEP_KEYS_MS).toISOString()).execute();

  const inserted = await ctx.db
    .insertInto('idempotency_keys')
    .values({ principal, key, request_hash: requestHash, state: 'processing', response_status: null, response_body: null, created_at: now.toISOString() })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
    const existing = await ctx.db.selectFrom('idempotency_keys').selectAll().where('principal', '=', principal).where('key', '=', key).executeTakeFirstOrThrow();
    if (existing.request_hash !== requestHash) {
      throw new Invalid([{ code: 'IDEMPOTENCY_KEY_REUSED', message: 'this Idempotency-Key was used with another request body', path: 'header:Idempotency-Key' }], undefined, 'IDEMPOTENCY_KEY_REUSED');
    }
    if (existing.state === 'processing') throw new Conflict('A request with this Idempotency-Key is still being processed; retry later.', 'IDEMPOTENCY_KEY_IN_FLIGHT');
    return { status: existing.response_status ?? 200, body: JSON.parse(existing.response_body ?? 'null'), replayed: true };
  }

  const remember = (status: number, body: unknown) =>
    ctx.db
      .updateTable('idempotency_keys')
      .set({ state: 'done', response_status: status, response_body: JSON.stringify(body) })
      .where('principal', '=', principal)
      .where('key', '=', key)
      .execute();
  try {
    const result = await work();
    await remember(result.status, result.body);
    return { ...result, replayed: false };
  } catch (err) {
    if (err instanceof Invalid) {
      await ctx.db
        .updateTable('idempotency_keys')
        .set({ state: 'failed', response_status: err.status, response_body: JSON.stringify({ code: err.code, detail: err.message, errors: err.errors }) })
        .where('principal', '=', principal)
        .where('key', '=', key)
        .execute();
    } else {
      await ctx.db.deleteFrom('idempotency_keys').where('principal', '=', principal).where('key', '=', key).execute();
    }
    throw err;
  }
}

/** A stored validation failure replays as the same 422 problem. */
export function replayedFailure(stored: StoredResponse): DomainError | undefined {
  if (stored.status !== 422) return undefined;
  const body = stored.body as { code: string; detail: string; errors: Invalid['errors'] };
  return new Invalid(body.errors ?? [], body.detail, body.code);
}
