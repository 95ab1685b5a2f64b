// GET /users, POST /users, PATCH /users/:username (admin).
import { Router } from 'express';
import type { AppContext } from '../app-context.js';
import { newUser, userPatch } from '../contract/users.js';
import { principalOf, requireRole } from '../http/principal.js';
import { parseInput } from '../http/validate.js';
import { listUsers } from './repository.js';
import { changeUser, createUser } from './service.js';

export function userRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use('/users', requireRole('admin'));

  router.get('/users', async (_req, res) => {
    res.json({ items: await listUsers(ctx.db) });
  });

  router.post('/users', async (req, res) => {
    const user = await createUser(ctx, parseInput(newUser, req.body), principalOf(req).username);
    res.status(201).location(`/api/v1/users/${user.username}`).json(user);
  });

  router.patch('/users/:username', async (req, res) => {
    res.json(await changeUser(ctx, req.params.username, parseInput(userPatch, req.body), principalOf(req).username));
  });

  return router;
}
