// GET /audit, GET /audit/verify, GET /audit/:seq (auditor, admin).
import { Router } from 'express';
import type { AppContext } from '../app-context.js';
import { auditListQuery } from '../contract/audit.js';
import { NotFound } from '../http/errors.js';
import { idParam } from '../http/id-param.js';
import { requireRole } from '../http/principal.js';
import { parseInput } from '../http/validate.js';
import { findAuditEntry, listAudit } from './repository.js';
import { verifyAuditTrail } from './service.js';

export function auditRoutes(ctx: AppContext): Router {
  const router = Router();
  const readers = requireRole('auditor', 'admin');

  router.get('/audit', readers, async (req, res) => {
    res.json(await listAudit(ctx.db, parseInput(auditListQuery, req.query)));
  });

  router.get('/audit/verify', readers, async (_req, res) => {
    res.json(await verifyAuditTrail(ctx.db));
  });

  router.get('/audit/:seq', readers, async (req, res) => {
    const param = String(req.params.seq);
    const seq = idParam(param);
    const entry = Number.isSafeInteger(seq) ? await findAuditEntry(ctx.db, seq) : undefined;
    if (!entry) throw new NotFound(`No audit entry ${param}.`);
    res.json(entry);
  });

  return router;
}
