// Wraps POST /reports' handler: who may submit is settled before a byte of the body is read.
import type { Request, RequestHandler, Response } from 'express';
import { principalOf } from '../http/principal.js';
import { readReportBody } from './report-body.js';
import { assertMaySubmit } from './service.js';

export function admitSubmission(handler: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return async (req, res) => {
    // Refuse analysts and auditors before reading a 50 MB upload.
    assertMaySubmit(principalOf(req), undefined);
    await readReportBody(req, res);
    await handler(req, res);
  };
}
