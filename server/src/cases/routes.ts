// GET /cases, GET /cases/:id, PATCH /cases/:id, POST /cases/:id/comments.
import { Router } from 'express';
import type { AppContext } from '../app-context.js';
import { caseDetailQuery, caseListQuery, casePatch } from '../contract/cases.js';
import { newComment } from '../contract/findings.js';
import { spendCommentAllowance } from '../findings/routes.js';
import { principalOf } from '../http/principal.js';
import { parseInput } from '../http/validate.js';
import { addCaseComment, caseDetail, caseToComment, caseToTriage, changeCaseStatus, listCases } from './service.js';

export function caseRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/cases', async (req, res) => {
    res.json(await listCases(ctx, principalOf(req), parseInput(caseListQuery, req.query)));
  });
  router.get('/cases/:id', async (req, res) => {
    res.json(await caseDetail(ctx, principalOf(req), String(req.params.id), parseInput(caseDetailQuery, req.query)));
  });
  // Who is asking, and whether they may, come before the body: a caller without a session gets 401,
  // a refused one 404 or 403, not validation details.
  router.patch('/cases/:id', async (req, res) => {
    const principal = principalOf(req);
    const theCase = await caseToTriage(ctx, principal, String(req.params.id));
    res.json(await changeCaseStatus(ctx, principal, theCase, parseInput(casePatch, req.body)));
  });
  router.post('/cases/:id/comments', async (req, res) => {
    const principal = principalOf(req);
    // The same allowance as comments on findings: a case comment shows on every finding of the case.
    spendCommentAllowance(ctx, principal);
    const theCase = await caseToComment(ctx, principal, String(req.params.id));
    res.status(201).json(await addCaseComment(ctx, principal, theCase, parseInput(newComment, req.body)));
  });
  return router;
}
