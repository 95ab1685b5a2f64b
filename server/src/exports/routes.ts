// GET /exports/findings?format=csv|xlsx|pdf|json&<finding filters>, and GET /exports, the exports made so
// far as the audit trail records them (analyst, auditor, admin).
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Router } from 'express';
import type { AppContext } from '../app-context.js';
import { exportQuery, pastExportsQuery } from '../contract/exports.js';
import { listAudit } from '../audit/repository.js';
import { principalOf, requireRole } from '../http/principal.js';
import { parseInput } from '../http/validate.js';
import { exportFindings } from './service.js';

export function exportRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/exports/findings', requireRole('analyst', 'auditor', 'admin'), async (req, res) => {
    const exported = await exportFindings(ctx, principalOf(req), parseInput(exportQuery, req.query));
    try {
      res.setHeader('Content-Type', exported.contentType);
      res.setHeader('Content-Length', String(exported.bytes));
      res.setHeader('Content-Disposition', `attachment; filename="${exported.filename}"`);
      res.setHeader('X-Content-SHA256', exported.sha256);
      res.setHeader('X-Export-Rows', String(exported.rows));
      await pipeline(fs.createReadStream(exported.file), res);
    } finally {
      await fs.promises.rm(exported.file, { force: true });
    }
  });
  // Analysts export too, so they may see what was exported, though not the rest of the audit trail.
  router.get('/exports', requireRole('analyst', 'auditor', 'admin'), async (req, res) => {
    const { page, pageSize } = parseInput(pastExportsQuery, req.query);
    res.json(await listAudit(ctx.db, { action: ['export.findings'], sort: '-seq', page, pageSize }));
  });
  return router;
}
