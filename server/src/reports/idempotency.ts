// Idempotency-Key (IETF httpapi draft): a retry with the same key and body replays the first
// answer; another body under the same key is 422; a retry while the first is running is 409.
// A request holds its key for a lease (IDEMPOTENCY_LEASE_SECONDS), not for ever: when its process
// dies, a retry after the lease takes the key over. What a request stores commits with its answer
// (`recordWithin`), so a crash between the two cannot leave a stored report whose retry gets 409,
// and a retry that took over from a request still running cannot store the report a second time.
import { createHash } from 'node:crypto';
import type { AppContext } from '../app-context.js';
import type { Db } from '../db/database.js';
import { Conflict, type DomainError, Invalid } from '../domain/errors.js';
import {
  findKey,
  forgetKeysCreatedBefore,
  insertClaim,
  type KeyClaim,
  recordAnswer,
  releaseClaim,
  takeOverClaim,
} from './idempotency-keys.js';

export const KEEP_KEYS_MS = 24 * 60 * 60 * 1000;
/** The status an Invalid is answered with (http/problem-details.ts): a key keeps it beside the body it replays. */
const INVALID_STATUS = 422;

export interface Answer {
  status: number;
  body: unknown;
}

export interface StoredResponse extends Answer {
  replayed: boolean;
}

/** Stores the answer in the caller's transaction, beside what the request stores; throws when a retry took the key over. */
export type RecordWithin = (trx: Db, answer: Answer) => Promise<void>;

/** A conflict while another request holds the key, saying when its lease runs out. */
class KeyInFlight extends Conflict {
  constructor(retryAfterSeconds: number) {
    const detail = {
      en: `A request with this Idempotency-Key is still being processed; retry in ${retryAfterSeconds} s.`,
      zh: `使用此 Idempotency-Key 的请求仍在处理中；请在 ${retryAfterSeconds} 秒后重试。`,
    };
    super(detail, 'IDEMPOTENCY_KEY_IN_FLIGHT', retryAfterSeconds);
  }
}

export function fingerprint(parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(part);
    hash.update('\u0000');
  }
  return hash.digest('hex');
}

/** Claims the key for this request, or answers what a retry gets: the stored answer, 422 or 409. */
async function claimKey(ctx: AppContext, principal: string, key: string, requestHash: string): Promise<KeyClaim | StoredResponse> {
  const now = ctx.now();
  const leaseExpiresAt = new Date(now.getTime() + ctx.config.IDEMPOTENCY_LEASE_SECONDS * 1000);
  await forgetKeysCreatedBefore(ctx.db, new Date(now.getTime() - KEEP_KEYS_MS));
  if (await insertClaim(ctx.db, { principal, key, requestHash, now, leaseExpiresAt })) return { principal, key, attempt: 1 };

  const existing = await findKey(ctx.db, principal, key);
  // Forgotten between the insert and the read (kept 24 hours): the retry may try again.
  if (!existing) throw new KeyInFlight(1);
  if (existing.requestHash !== requestHash) {
    throw new Invalid(
      [
        {
          code: 'IDEMPOTENCY_KEY_REUSED',
          message: 'this Idempotency-Key was used with another request body',
          messageZh: '此 Idempotency-Key 已用于另一个请求体',
          path: 'header:Idempotency-Key',
        },
      ],
      undefined,
      'IDEMPOTENCY_KEY_REUSED',
    );
  }
  if (existing.state !== 'processing')
    return { status: existing.responseStatus ?? 200, body: JSON.parse(existing.responseBody ?? 'null'), replayed: true };
  const leaseLeftMs = existing.leaseExpiresAt === null ? 0 : Date.parse(existing.leaseExpiresAt) - now.getTime();
  if (leaseLeftMs > 0) throw new KeyInFlight(Math.ceil(leaseLeftMs / 1000));
  // The request that held the key is gone (its process died) or far too slow: nothing of it committed.
  const expired = { principal, key, attempt: existing.attempt };
  if (!(await takeOverClaim(ctx.db, expired, now, leaseExpiresAt))) throw new KeyInFlight(ctx.config.IDEMPOTENCY_LEASE_SECONDS);
  return { ...expired, attempt: expired.attempt + 1 };
}

/**
 * Runs `work` at most once per (principal, key). Successful answers and validation failures are
 * kept and replayed; other failures free the key so that the client can retry. Work that stores
 * something records its answer through `recordWithin` in the same transaction; other answers
 * (dry runs) are recorded when the work returns. The request's hash is asked for only under a
 * key: hashing a large report's body costs tens of milliseconds.
 */
export async function idempotent(
  ctx: AppContext,
  principal: string,
  key: string | undefined,
  hashRequest: () => string,
  work: (recordWithin: RecordWithin | undefined) => Promise<Answer>,
): Promise<StoredResponse> {
  if (key === undefined) return { ...(await work(undefined)), replayed: false };
  if (key.length === 0 || key.length > 255)
    throw new Invalid([
      {
        code: 'BAD_IDEMPOTENCY_KEY',
        message: 'Idempotency-Key must be 1–255 characters',
        messageZh: 'Idempotency-Key 应为 1–255 个字符',
        path: 'header:Idempotency-Key',
      },
    ]);
  const claimed = await claimKey(ctx, principal, key, hashRequest());
  if (!('attempt' in claimed)) return claimed;

  const recordWithin: RecordWithin = async (trx, answer) => {
    if (!(await recordAnswer(trx, claimed, 'done', answer.status, answer.body)))
      throw new KeyInFlight(ctx.config.IDEMPOTENCY_LEASE_SECONDS);
  };
  // Below, each write changes the key only while this attempt still holds it unanswered: after an
  // answer committed with the work, or once a retry took the key over, they change nothing.
  try {
    const answer = await work(recordWithin);
    await recordAnswer(ctx.db, claimed, 'done', answer.status, answer.body);
    return { ...answer, replayed: false };
  } catch (err) {
    if (err instanceof Invalid) {
      const failure: StoredFailure = {
        code: err.code,
        detail: err.message,
        detailZh: err.detailZh,
        errors: err.errors,
        warnings: err.warnings,
      };
      await recordAnswer(ctx.db, claimed, 'failed', INVALID_STATUS, failure);
    } else await releaseClaim(ctx.db, claimed);
    throw err;
  }
}

/** A refused report as its key keeps it: both languages, so that a retry reads it in its own. */
interface StoredFailure {
  code: string;
  detail: string;
  /** Absent from failures stored before answers had two languages. */
  detailZh?: string;
  errors?: Invalid['errors'];
  warnings?: Invalid['warnings'];
}

/** A stored validation failure replays as the same 422 problem. */
export function replayedFailure(stored: StoredResponse): DomainError | undefined {
  if (stored.status !== INVALID_STATUS) return undefined;
  const body = stored.body as StoredFailure;
  return new Invalid(body.errors ?? [], { en: body.detail, zh: body.detailZh ?? body.detail }, body.code, body.warnings);
}
