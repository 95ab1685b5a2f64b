import { Router } from 'express';
import type { AppContext } from '../app-context.js';
import { institutionAgreementsQuery } from '../contract/institution-agreements.js';
import { principalOf } from '../http/principal.js';
import { parseInput } from '../http/validate.js';
import { notBeforeEarliest } from '../state/accepted-periods.js';
import { agreementsOf } from './service.js';

export function agreementRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/institutions/:id/agreements', async (req, res) => {
    const principal = principalOf(req);
    res.json(
      await agreementsOf(
        ctx,
        principal,
        String(req.params.id),
        notBeforeEarliest(ctx, parseInput(institutionAgreementsQuery, req.query), ['period']),
      ),
    );
  });
  return router;
}
