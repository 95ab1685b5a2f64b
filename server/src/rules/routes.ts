// GET /rules, PUT /rules/:id (admin; re-runs the rule), POST /rules/:id/preview (analyst, admin).
import { Router } from 'express';
import type { AppContext } from '../app-context.js';
import { previewRequest, rulePut } from '../contract/rules.js';
import { principalOf, requireRole } from '../http/principal.js';
import { parseInput } from '../http/validate.js';
import { listRules, previewRule, updateRule } from './service.js';

export function ruleRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/rules', async (req, res) => {
    const rules = await listRules(ctx);
    // Counts span every institution's findings: not for an institution's eyes.
    res.json({ items: principalOf(req).role === 'institution' ? rules.map((r) => ({ ...r, counts: {} })) : rules });
  });
  router.put('/rules/:id', requireRole('admin'), async (req, res) => {
    res.json(await updateRule(ctx, req.params.id as string, parseInput(rulePut, req.body), principalOf(req).username));
  });
  router.post('/rules/:id/preview', requireRole('analyst', 'admin'), async (req, res) => {
    res.json(await previewRule(ctx, req.params.id as string, parseInput(previewRequest, req.body).settings));
  });
  return router;
}
