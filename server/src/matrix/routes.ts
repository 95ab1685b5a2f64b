import { Router } from 'express';
import type { AppContext } from '../app-context.js';
import { matrixQuery } from '../contract/matrix.js';
import { requireRole } from '../http/principal.js';
import { parseInput } from '../http/validate.js';
import { notBeforeEarliest } from '../state/accepted-periods.js';
import { cityMatrix } from './service.js';

export function matrixRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/matrix', requireRole('analyst', 'auditor', 'admin'), async (req, res) => {
    res.json(await cityMatrix(ctx, notBeforeEarliest(ctx, parseInput(matrixQuery, req.query), ['period'])));
  });
  return router;
}
