import { Router } from 'express';
import type { AppContext } from '../app-context.js';
import { coverageLinesQuery, coverageQuery, opennessHistoryQuery, opennessQuery } from '../contract/analytics.js';
import { requireRole } from '../http/principal.js';
import { parseInput } from '../http/validate.js';
import { notBeforeEarliest } from '../state/accepted-periods.js';
import { coverageLines, coverageSeries, institutionOpenness, institutionOpennessHistory } from './service.js';

export function analyticsRoutes(ctx: AppContext): Router {
  const router = Router();
  // DESIGN.md: analytics are for the central bank's roles; an institution gets 403, even for itself.
  const centralBank = requireRole('analyst', 'auditor', 'admin');
  router.get('/coverage', centralBank, async (req, res) => {
    res.json(await coverageSeries(ctx, notBeforeEarliest(ctx, parseInput(coverageQuery, req.query), ['from', 'to'])));
  });
  router.get('/coverage/lines', centralBank, async (req, res) => {
    res.json(await coverageLines(ctx, notBeforeEarliest(ctx, parseInput(coverageLinesQuery, req.query), ['from', 'to'])));
  });
  router.get('/institutions/:id/openness', centralBank, async (req, res) => {
    res.json(
      await institutionOpenness(ctx, String(req.params.id), notBeforeEarliest(ctx, parseInput(opennessQuery, req.query), ['period'])),
    );
  });
  router.get('/institutions/:id/openness/history', centralBank, async (req, res) => {
    res.json(
      await institutionOpennessHistory(
        ctx,
        String(req.params.id),
        notBeforeEarliest(ctx, parseInput(opennessHistoryQuery, req.query), ['from', 'to']),
      ),
    );
  });
  return router;
}
