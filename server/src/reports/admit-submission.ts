// Wraps POST /reports' handler: who may submit is settled, and the submission admitted (one at a
// time per institution, within its bytes of the minute), before a byte of the body is read.
import type { Request, RequestHandler, Response } from 'express';
import type { AppContext } from '../app-context.js';
import { principalOf } from '../http/principal.js';
import { declaredLength, readReportBody } from './report-body.js';
import { assertMaySubmit } from './service.js';
import { submitterOf } from './submission-gate.js';

export function admitSubmission(ctx: AppContext, handler: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return async (req, res) => {
    // Refuse analysts and auditors before reading a 50 MB upload.
    const principal = principalOf(req);
    assertMaySubmit(principal, undefined);
    await ctx.submissions.admit(submitterOf(principal), declaredLength(req), async (charge) => {
      charge(await readReportBody(req, res));
      await handler(req, res);
    });
  };
}
