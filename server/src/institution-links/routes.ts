import { Router } from 'express';
import type { AppContext } from '../app-context.js';
import { institutionLinksQuery } from '../contract/institution-links.js';
import { principalOf } from '../http/principal.js';
import { parseInput } from '../http/validate.js';
import { notBeforeEarliest } from '../state/accepted-periods.js';
import { linksOf } from './service.js';

export function institutionLinkRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/institutions/:id/links', async (req, res) => {
    const principal = principalOf(req);
    res.json(
      await linksOf(
        ctx,
        principal,
        String(req.params.id),
        notBeforeEarliest(ctx, parseInput(institutionLinksQuery, req.query), ['period']),
      ),
    );
  });
  return router;
}
