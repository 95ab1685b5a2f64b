// Minting and revoking API keys, each with its audit entry (which names the key, never its secret).
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../app-context.js';
import { appendAudit } from '../audit/repository.js';
import { hashSecret, newSecret } from '../auth/tokens.js';
import { NotFound } from '../domain/errors.js';
import type { Principal } from '../domain/principal.js';
import { insertApiKey, revokeApiKey, type ApiKeySummary } from './repository.js';

/** A new key for the institution: the secret is returned this once, and only its hash is stored. */
export async function createApiKey(
  ctx: AppContext,
  principal: Principal,
  institution: string,
  name: string,
): Promise<ApiKeySummary & { key: string }> {
  const key = `imk_${newSecret()}`;
  const summary: ApiKeySummary = {
    id: randomUUID(),
    institution,
    name,
    createdBy: principal.username,
    createdAt: ctx.now().toISOString(),
    revokedAt: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertApiKey(trx, { ...summary, keyHash: hashSecret(key) });
    await appendAudit(trx, {
      at: summary.createdAt,
      actor: principal.username,
      action: 'apikey.create',
      target: `apikey:${summary.id}`,
      details: { institution, name },
    });
  });
  return { ...summary, key };
}

/** Revokes a live key of the institution at once; 404 when it has no such live key. */
export async function revokeKey(ctx: AppContext, principal: Principal, institution: string, keyId: string): Promise<void> {
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await revokeApiKey(trx, institution, keyId, at)))
      throw new NotFound({ en: 'No such live API key.', zh: '没有这个有效的 API 密钥。' });
    await appendAudit(trx, { at, actor: principal.username, action: 'apikey.revoke', target: `apikey:${keyId}`, details: { institution } });
  });
}
