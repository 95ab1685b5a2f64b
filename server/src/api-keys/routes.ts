// POST/GET /institutions/:id/api-keys and DELETE /institutions/:id/api-keys/:keyId: admins, or the
// institution's own users. Another institution gets 404, as if the institution had no keys.
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { AppContext } from '../app-context.js';
import { Forbidden, NotFound } from '../http/errors.js';
import { principalOf } from '../http/principal.js';
import { parseInput } from '../http/validate.js';
import { findInstitution } from '../reference/repository.js';
import { listApiKeys } from './repository.js';
import { createApiKey, revokeKey } from './service.js';

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
    res.status(201).json(await createApiKey(ctx, principalOf(req), institution, name));
  });

  router.get('/institutions/:id/api-keys', async (req, res) => {
    res.json({ items: await listApiKeys(ctx.db, await ownInstitution(req)) });
  });

  router.delete('/institutions/:id/api-keys/:keyId', async (req, res) => {
    const institution = await ownInstitution(req);
    await revokeKey(ctx, principalOf(req), institution, String(req.params.keyId));
    res.status(204).end();
  });

  return router;
}
