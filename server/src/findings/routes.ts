// GET /findings, GET /findings/:id, PATCH /findings/:id, POST /findings/:id/comments.
import { Router } from 'express';
import type { AppContext } from '../app-context.js';
import { findingListQuery, findingPatch, newComment } from '../contract/findings.js';
import { TooManyRequests } from '../domain/errors.js';
import { idParam } from '../http/id-param.js';
import type { Principal } from '../domain/principal.js';
import { principalOf } from '../http/principal.js';
import { parseInput } from '../http/validate.js';
import { addComment, changeStatus, findingDetail, findingToComment, findingToTriage, listFindings } from './service.js';

export function findingRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/findings', async (req, res) => {
    res.json(await listFindings(ctx, principalOf(req), parseInput(findingListQuery, req.query)));
  });
  router.get('/findings/:id', async (req, res) => {
    res.json(await findingDetail(ctx, principalOf(req), idParam(req.params.id)));
  });
  // Who is asking, and whether they may, come before the body: a caller without a session gets 401,
  // a refused one 404 or 403, not validation details.
  router.patch('/findings/:id', async (req, res) => {
    const principal = principalOf(req);
    const finding = await findingToTriage(ctx, principal, idParam(req.params.id));
    res.json(await changeStatus(ctx, principal, finding, parseInput(findingPatch, req.body)));
  });
  router.post('/findings/:id/comments', async (req, res) => {
    const principal = principalOf(req);
    spendCommentAllowance(ctx, principal);
    const finding = await findingToComment(ctx, principal, idParam(req.params.id));
    res.status(201).json(await addComment(ctx, principal, finding, parseInput(newComment, req.body)));
  });
  return router;
}

/**
 * One comment of the hour's allowance, finding or case alike, else 429. Per institution (its users
 * and keys together), per user for the central bank: a subject cannot bury a thread or fill the audit trail.
 */
export function spendCommentAllowance(ctx: AppContext, principal: Principal): void {
  const wait = ctx.commentRate.take(principal.institution ?? `user:${principal.username}`, ctx.now());
  if (wait > 0)
    throw new TooManyRequests(
      {
        en: `More than ${ctx.config.COMMENTS_PER_HOUR} comments in an hour; wait before commenting again.`,
        zh: `一小时内评论超过 ${ctx.config.COMMENTS_PER_HOUR} 条；请稍后再评论。`,
      },
      wait,
      'COMMENT_RATE_LIMITED',
    );
}
