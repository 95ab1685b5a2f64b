// Wraps POST /reports' handler: who may submit is settled, and the submission admitted (one at a
// time per institution, within its bytes of the minute), before a byte of the body is read. A
// large body is then parsed and checked on the report-check worker rather than on the event loop.
import type { Request, RequestHandler, Response } from 'express';
import type { AppContext } from '../app-context.js';
import { principalOf } from '../http/principal.js';
import { answerLanguage, withWarningsIn } from '../http/request-language.js';
import { dryRunOffThread, refuseInvalidOffThread } from './dry-run-off-thread.js';
import { declaredLength, parseReportJson, readReportBody, type ReportBody } from './report-body.js';
import type { CheckInput } from './report-check.js';
import { assertMaySubmit } from './service.js';
import { submitterOf } from './submission-gate.js';

/** Below this a body is checked on the event loop only: a megabyte takes milliseconds, the worker's round trip as much. */
export const OFF_THREAD_BYTES = 1024 * 1024;

export function admitSubmission(ctx: AppContext, handler: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return async (req, res) => {
    // Refuse analysts and auditors before reading a 50 MB upload.
    const principal = principalOf(req);
    assertMaySubmit(principal, undefined);
    await ctx.submissions.admit(submitterOf(principal), declaredLength(req), async (charge) => {
      const body = await readReportBody(req, res, charge);
      const dryRun = req.query.dryRun === 'true';
      const large = largeReport(req, body);
      if (large && dryRun && req.get('idempotency-key') === undefined) {
        res.status(200).json(withWarningsIn(await dryRunOffThread(ctx, principal, large), answerLanguage(req, res)));
        return;
      }
      // Any other large body is checked on the worker first: an invalid one (the cheap attack: a file
      // near the limit with one bad row would hold the event loop for seconds) is refused without the event loop
      // parsing it. A valid one is parsed again below to be stored, as every report is.
      if (large) await refuseInvalidOffThread(ctx, principal, large, dryRun);
      if (body.json) parseReportJson(req, body.json);
      await handler(req, res);
    });
  };
}

/**
 * What the worker checks: a body large enough to stall the event loop, JSON or the CSV files.
 * Dry runs under an Idempotency-Key, and reports to store, are answered by the handler (which
 * keeps the key's record and stores the report) once the worker has found them valid.
 */
function largeReport(req: Request, body: ReportBody): CheckInput | undefined {
  if (body.bytes < OFF_THREAD_BYTES) return undefined;
  if (body.json) return { kind: 'json', bytes: body.json };
  const links = (req.files as Record<string, Express.Multer.File[]> | undefined)?.links?.[0];
  if (!links) return undefined;
  const fields = (req.body ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const agreements = (req.files as Record<string, Express.Multer.File[]>).agreements?.[0];
  return {
    kind: 'csv',
    fields: { institution: text(fields.institution), period: text(fields.period) },
    links: links.buffer,
    ...(agreements ? { agreements: agreements.buffer } : {}),
  };
}
