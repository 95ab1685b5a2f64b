// POST/GET /institutions/:id/api-keys and DELETE /institutions/:id/api-keys/:keyId: admins, or the
// institution's own users. Another institution gets 404, as if the institution had no keys.
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { AppContext } from '../app-context.js';
import type { Institution } from '../contract/reference.js';
import { Conflict, Forbidden, NotFound, TooManyRequests } from '../domain/errors.js';
import { principalOf } from '../http/principal.js';
import { parseInput } from '../http/validate.js';
import { findInstitution } from '../reference/repository.js';
import { listApiKeys } from './repository.js';
import { createApiKey, revokeKey } from './service.js';

const newKeyRequest = z.strictObject({ name: z.string().min(1).max(100).default('API key') }).default({ name: 'API key' });

export function apiKeyRoutes(ctx: AppContext): Router {
  const router = Router();

  async function ownInstitution(req: Request): Promise<Institution> {
    const principal = principalOf(req);
    const id = String(req.params.id);
    const allowed = principal.role === 'admin' || (principal.role === 'institution' && principal.institution === id);
    if (!allowed) {
      if (principal.role === 'institution') throw new NotFound({ en: `No institution ${id}.`, zh: `没有机构 ${id}。` });
      throw new Forbidden();
    }
    // An API key may not mint or revoke keys: a leaked key must not be able to entrench itself.
    if (principal.via === 'api-key')
      throw new Forbidden({ en: 'Manage API keys from a logged-in session.', zh: '请在登录后的会话中管理 API 密钥。' }, 'SESSION_REQUIRED');
    const institution = await findInstitution(ctx.db, id);
    if (!institution) throw new NotFound({ en: `No institution ${id}.`, zh: `没有机构 ${id}。` });
    return institution;
  }

  router.post('/institutions/:id/api-keys', async (req, res) => {
    const institution = await ownInstitution(req);
    // Its keys would be refused anyway; a key minted now would come alive should it be reactivated.
    if (!institution.active)
      throw new Conflict(
        { en: `${institution.id} is deactivated: it gets no new API keys.`, zh: `${institution.id} 已停用：不再发放新的 API 密钥。` },
        'INSTITUTION_INACTIVE',
      );
    const { name } = parseInput(newKeyRequest, req.body ?? {});
    // Counted per institution, whoever asks: each key is a secret to guard and a line in the audit trail.
    const wait = ctx.apiKeyRate.take(institution.id, ctx.now());
    if (wait > 0)
      throw new TooManyRequests(
        {
          en: `${ctx.config.API_KEYS_PER_DAY} API keys were created for ${institution.id} within a day; wait before creating more.`,
          zh: `一天内已为 ${institution.id} 创建 ${ctx.config.API_KEYS_PER_DAY} 个 API 密钥；请稍后再创建。`,
        },
        wait,
        'API_KEY_RATE_LIMITED',
      );
    res.status(201).json(await createApiKey(ctx, principalOf(req), institution.id, name));
  });

  router.get('/institutions/:id/api-keys', async (req, res) => {
    res.json({ items: await listApiKeys(ctx.db, (await ownInstitution(req)).id) });
  });

  router.delete('/institutions/:id/api-keys/:keyId', async (req, res) => {
    const institution = (await ownInstitution(req)).id;
    await revokeKey(ctx, principalOf(req), institution, String(req.params.keyId));
    res.status(204).end();
  });

  return router;
}
