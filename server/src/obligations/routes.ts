import { Router } from 'express';
import type { AppContext } from '../app-context.js';
import { obligationsQuery } from '../contract/obligations.js';
import { principalOf } from '../http/principal.js';
import { parseInput } from '../http/validate.js';
import { obligationsOf } from './service.js';

export function obligationRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/institutions/:id/obligations', async (req, res) => {
    const principal = principalOf(req);
    parseInput(obligationsQuery, req.query);
    res.json(await obligationsOf(ctx, principal, String(req.params.id)));
  });
  return router;
}
