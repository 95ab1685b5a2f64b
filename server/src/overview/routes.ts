import { Router } from 'express';
import type { AppContext } from '../app-context.js';
import { overviewQuery } from '../contract/overview.js';
import { requireRole } from '../http/principal.js';
import { parseInput } from '../http/validate.js';
import { notBeforeEarliest } from '../state/accepted-periods.js';
import { analystOverview } from './service.js';

export function overviewRoutes(ctx: AppContext): Router {
  const router = Router();
  // Like the other analytics, for the central bank's roles only: an institution gets 403.
  router.get('/overview', requireRole('analyst', 'auditor', 'admin'), async (req, res) => {
    res.json(await analystOverview(ctx, notBeforeEarliest(ctx, parseInput(overviewQuery, req.query), ['period'])));
  });
  return router;
}
