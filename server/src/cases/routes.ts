// GET /cases, GET /cases/:id, PATCH /cases/:id, POST /cases/:id/comments.
import { Router } from 'express';
import type { AppContext } from '../app-context.js';
import { caseDetailQuery, caseListQuery } from '../contract/cases.js';
import { spendCommentAllowance } from '../findings/routes.js';
import { principalOf } from '../http/principal.js';
import { parseInput } from '../http/validate.js';
import { addCaseComment, caseDetail, changeCaseStatus, listCases } from './service.js';

export function caseRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/cases', async (req, res) => {
    res.json(await listCases(ctx, principalOf(req), parseInput(caseListQuery, req.query)));
  });
  router.get('/cases/:id', async (req, res) => {
    res.json(await caseDetail(ctx, principalOf(req), String(req.params.id), parseInput(caseDetailQuery, req.query)));
  });
  // Who is asking comes before the body: a caller without a session gets 401, not validation details.
  router.patch('/cases/:id', async (req, res) => {
    res.json(await changeCaseStatus(ctx, principalOf(req), String(req.params.id), req.body));
  });
  router.post('/cases/:id/comments', async (req, res) => {
    const principal = principalOf(req);
    // The same allowance as comments on findings: a case comment shows on every finding of the case.
    spendCommentAllowance(ctx, principal);
    res.status(201).json(await addCaseComment(ctx, principal, String(req.params.id), req.body));
  });
  return router;
}
