// GET /audit, GET /audit/verify, GET /audit/verify/certificate, GET /audit/export, GET /audit/:seq (auditor, admin).
import { Router } from 'express';
import type { AppContext } from '../app-context.js';
import { auditExportQuery, auditListQuery, auditVerifyQuery } from '../contract/audit.js';
import { sendExportedFile } from '../documents/exported-file.js';
import { NotFound } from '../domain/errors.js';
import { idParam } from '../http/id-param.js';
import { principalOf, requireRole } from '../http/principal.js';
import { parseInput } from '../http/validate.js';
import { findAuditEntry, listAudit } from './repository.js';
import { exportAuditTrail } from './audit-export.js';
import { issueAuditCertificate, VERIFY_BATCH, verifyAuditTrail } from './service.js';

export function auditRoutes(ctx: AppContext): Router {
  const router = Router();
  const readers = requireRole('auditor', 'admin');

  router.get('/audit', readers, async (req, res) => {
    res.json(await listAudit(ctx.db, parseInput(auditListQuery, req.query)));
  });

  router.get('/audit/verify', readers, async (req, res) => {
    const { head } = parseInput(auditVerifyQuery, req.query);
    res.json(await verifyAuditTrail(ctx.db, VERIFY_BATCH, head));
  });

  router.get('/audit/verify/certificate', readers, async (req, res) => {
    const { head } = parseInput(auditVerifyQuery, req.query);
    const certificate = await issueAuditCertificate(ctx, principalOf(req), head);
    res
      .set('Content-Type', 'application/json; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="${certificate.filename}"`)
      .set('X-Content-SHA256', certificate.sha256)
      .send(certificate.text);
  });

  router.get('/audit/export', readers, async (req, res) => {
    await sendExportedFile(res, await exportAuditTrail(ctx, principalOf(req), parseInput(auditExportQuery, req.query)));
  });

  router.get('/audit/:seq', readers, async (req, res) => {
    const param = String(req.params.seq);
    const seq = idParam(param);
    const entry = Number.isSafeInteger(seq) ? await findAuditEntry(ctx.db, seq) : undefined;
    if (!entry) throw new NotFound({ en: `No audit entry ${param}.`, zh: `没有审计记录 ${param}。` });
    res.json(entry);
  });

  return router;
}
