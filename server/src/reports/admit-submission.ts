// Wraps POST /reports' handler: who may submit is settled, and the submission admitted (one at a
// time per institution, within its bytes of the minute), before a byte of the body is read. A
// large dry run is then checked on the report-check worker rather than on the event loop.
import type { Request, RequestHandler, Response } from 'express';
import type { AppContext } from '../app-context.js';
import { principalOf } from '../http/principal.js';
import { dryRunOffThread } from './dry-run-off-thread.js';
import { declaredLength, parseReportJson, readReportBody, type ReportBody } from './report-body.js';
import type { CheckInput } from './report-check.js';
import { assertMaySubmit } from './service.js';
import { submitterOf } from './submission-gate.js';

/** Below this a dry run is checked on the event loop: a megabyte takes milliseconds, the worker's round trip as much. */
export const OFF_THREAD_BYTES = 1024 * 1024;

export function admitSubmission(ctx: AppContext, handler: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return async (req, res) => {
    // Refuse analysts and auditors before reading a 50 MB upload.
    const principal = principalOf(req);
    assertMaySubmit(principal, undefined);
    await ctx.submissions.admit(submitterOf(principal), declaredLength(req), async (charge) => {
      const body = await readReportBody(req, res, charge);
      const offThread = offThreadDryRun(req, body);
      if (offThread) {
        res.status(200).json(await dryRunOffThread(ctx, principal, offThread));
        return;
      }
      if (body.json) parseReportJson(req, body.json);
      await handler(req, res);
    });
  };
}

/**
 * What the worker checks: a large dry run. Stored reports stay on the event loop (storing them is
 * synchronous anyway), and so do dry runs under an Idempotency-Key, whose record the handler keeps.
 */
function offThreadDryRun(req: Request, body: ReportBody): CheckInput | undefined {
  if (req.query.dryRun !== 'true' || req.get('idempotency-key') !== undefined || body.bytes < OFF_THREAD_BYTES) return undefined;
  if (body.json) return { kind: 'json', bytes: body.json };
  const links = (req.files as Record<string, Express.Multer.File[]> | undefined)?.links?.[0];
  if (!links) return undefined;
  const fields = (req.body ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const agreements = (req.files as Record<string, Express.Multer.File[]>).agreements?.[0];
  return { kind: 'csv', fields: { institution: text(fields.institution), period: text(fields.period) }, links: links.buffer, ...(agreements ? { agreements: agreements.buffer } : {}) };
}
