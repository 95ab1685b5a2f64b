// POST/GET /institutions/:id/api-keys and DELETE /institutions/:id/api-keys/:keyId: admins, or the
// institution's own users. Another institution gets 404, as if the institution had no keys.
import { randomUUID } from 'node:crypto';
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { AppContext } from '../app-context.js';
import { hashSecret, newSecret } from '../auth/tokens.js';
import { Forbidden, NotFound } from '../http/errors.js';
import { principalOf } from '../http/principal.js';
import { parseInput } from '../http/validate.js';
import { findInstitution } from '../reference/repository.js';
import { insertApiKey, listApiKeys, revokeApiKey } from './repository.js';

const newKeyRequest = z.strictObject({ name: z.string().min(1).max(100).default('API key') }).default({ name: 'API key' });

export function apiKeyRoutes(ctx: AppContext): Router {
  const router = Router();

  async function ownInstitution(req: Request): Promise<string> {
    const principal = principalOf(req);
    const id = String(req.params.id);
    const allowed = principal.role === 'admin' || (principal.role === 'institution' && principal.institution === id);
    if (!allowed) {
      if (principal.role === 'institution') throw new NotFound(`No institution ${id}.`);
      throw new Forbidden();
    }
    // An API key may not mint or revoke keys: a leaked key must not be able to entrench itself.
    if (principal.via === 'api-key') throw new Forbidden('Manage API keys from a logged-in session.', 'SESSION_REQUIRED');
    if (!(await findInstitution(ctx.db, id))) throw new NotFound(`No institution ${id}.`);
    return id;
  }

  router.post('/institutions/:id/api-keys', async (req, res) => {
    const institution = await ownInstitution(req);
    const { name } = parseInput(newKeyRequest, req.body ?? {});
    const key = `imk_${newSecret()}`;
    const summary = { id: randomUUID(), institution, name, createdBy: principalOf(req).username, createdAt: ctx.now().toISOString(), revokedAt: null };
    await insertApiKey(ctx.db, { ...summary, keyHash: hashSecret(key) });
    res.status(201).json({ ...summary, key });
  });

  router.get('/institutions/:id/api-keys', async (req, res) => {
    res.json({ items: await listApiKeys(ctx.db, await ownInstitution(req)) });
  });

  router.delete('/institutions/:id/api-keys/:keyId', async (req, res) => {
    const institution = await ownInstitution(req);
    if (!(await revokeApiKey(ctx.db, institution, req.params.keyId, ctx.now().toISOString()))) throw new NotFound('No such live API key.');
    res.status(204).end();
  });

  return router;
}
