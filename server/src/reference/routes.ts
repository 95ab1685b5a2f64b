// GET /institutions, /institutions/:id, /cities (every role); POST and PATCH /institutions (admin).
import { Router } from 'express';
import type { AppContext } from '../app-context.js';
import { appendAudit } from '../audit/repository.js';
import { institutionPatch, newInstitution } from '../contract/reference.js';
import { Conflict, NotFound } from '../domain/errors.js';
import { principalOf, requireRole } from '../http/principal.js';
import { parseInput } from '../http/validate.js';
import { runRules } from '../rules/run-rules.js';
import { markAllStale } from '../rules/settings-repository.js';
import { deleteSessionsOfInstitution } from '../users/repository.js';
import { findInstitution, insertInstitutions, listCities, listInstitutions, updateInstitution } from './repository.js';

export function referenceRoutes(ctx: AppContext): Router {
  const { db } = ctx;
  const router = Router();

  router.get('/institutions', async (req, res) => {
    principalOf(req);
    res.json({ items: await listInstitutions(db) });
  });

  router.get('/institutions/:id', async (req, res) => {
    principalOf(req);
    const found = await findInstitution(db, req.params.id);
    if (!found) throw new NotFound({ en: `No institution ${req.params.id}.`, zh: `没有机构 ${req.params.id}。` });
    res.json(found);
  });

  router.post('/institutions', requireRole('admin'), async (req, res) => {
    const input = parseInput(newInstitution, req.body);
    if (await findInstitution(db, input.id))
      throw new Conflict({ en: `Institution ${input.id} already exists.`, zh: `机构 ${input.id} 已存在。` }, 'INSTITUTION_EXISTS');
    await db.transaction().execute(async (trx) => {
      await insertInstitutions(trx, [input]);
      await appendAudit(trx, {
        at: ctx.now().toISOString(),
        actor: principalOf(req).username,
        action: 'institution.create',
        target: `institution:${input.id}`,
        details: { ...input },
      });
    });
    res.status(201).location(`/api/v1/institutions/${input.id}`).json(input);
  });

  router.patch('/institutions/:id', requireRole('admin'), async (req, res) => {
    const patch = parseInput(institutionPatch, req.body);
    const id = String(req.params.id);
    const current = await findInstitution(db, id);
    if (!current) throw new NotFound({ en: `No institution ${id}.`, zh: `没有机构 ${id}。` });
    const updated = { ...current, ...patch };
    await db.transaction().execute(async (trx) => {
      await updateInstitution(trx, updated);
      // Stale until the run below has followed: should it not finish, start-up runs the rules
      // again, and no run after a report meanwhile takes the stored findings as up to date.
      await markAllStale(trx);
      // Deactivation shuts its users out at once (sessions are refused while it is inactive anyway);
      // ending them here keeps a later reactivation from reviving them.
      const sessionsEnded = current.active && updated.active === false ? await deleteSessionsOfInstitution(trx, id) : undefined;
      await appendAudit(trx, {
        at: ctx.now().toISOString(),
        actor: principalOf(req).username,
        action: 'institution.update',
        target: `institution:${id}`,
        details: {
          from: Object.fromEntries(Object.keys(patch).map((k) => [k, current[k as keyof typeof current]])),
          to: { ...patch },
          sessionsEnded,
        },
      });
    });
    // Group, systemic and active decide EXCL-002, RECIP-001 and LATE-001, and names fill explanations:
    // findings must follow (a new institution changes nothing until it reports).
    await runRules(ctx);
    res.json(updated);
  });

  router.get('/cities', async (req, res) => {
    principalOf(req);
    res.set('Cache-Control', 'private, max-age=3600').json({ items: await listCities(db) });
  });

  return router;
}
