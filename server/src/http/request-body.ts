// What the API reads of request bodies other than a report submission's (POST /reports reads its
// own once the submission is admitted: reports/report-body.ts). Nothing is read before the server
// knows who is asking: an anonymous visitor may send a body to the login only, and a small one.
// No client compresses these bodies, so Content-Encoding is refused rather than inflated: an
// inflated body costs the server what the sender never paid for.
import express, { type Request, type RequestHandler } from 'express';
import { Unauthorized, UnsupportedContentEncoding } from '../domain/errors.js';
import { rejectDeepJson } from './json-depth.js';

const MB = 1024 * 1024;
/** Every JSON body but a report's: a comment, a user, rule settings need kilobytes. */
export const JSON_BODY_LIMIT_BYTES = MB;
/** A report (POST /reports reads it: reports/report-body.ts), decoded; each CSV file of an upload too. */
export const REPORT_BODY_LIMIT_BYTES = 50 * MB;
/** The one body an anonymous visitor may send: a username and a password. */
export const ANONYMOUS_BODY_LIMIT_BYTES = 16 * 1024;
export const JSON_TYPES = ['application/json', 'application/*+json'];

/** Whether the request carries a body at all (an empty Content-Length does not count). */
export function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && Number(length) !== 0);
}

/** The body's Content-Encoding, lower case; "identity" when none is named. */
export function contentEncodingOf(req: Request): string {
  return (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase() || 'identity';
}

/** Express routes paths without regard to case or a trailing slash; so do these. */
export const isReportSubmission = (req: Request) => req.method === 'POST' && /^\/reports\/?$/i.test(req.path);
const isLogin = (req: Request) => req.method === 'POST' && /^\/auth\/login\/?$/i.test(req.path);

/** Mounted after authentication: reads JSON bodies up to 1 MB (16 kB for the login), refusing anonymous and compressed ones unread. */
export function requestBodies(): RequestHandler[] {
  const json = express.json({ limit: JSON_BODY_LIMIT_BYTES, inflate: false, type: JSON_TYPES });
  const anonymousJson = express.json({ limit: ANONYMOUS_BODY_LIMIT_BYTES, inflate: false, type: JSON_TYPES });
  const readBody: RequestHandler = (req, res, next) => {
    if (isReportSubmission(req) || !hasBody(req)) return next();
    // Thrown before a byte is read; Node discards the unread body without decoding it.
    if (!req.principal && !isLogin(req)) throw new Unauthorized();
    const encoding = contentEncodingOf(req);
    if (encoding !== 'identity')
      throw new UnsupportedContentEncoding({
        en: `Content-Encoding ${encoding.slice(0, 40)} is accepted on POST /reports only; send this body uncompressed.`,
        zh: `Content-Encoding ${encoding.slice(0, 40)} 仅用于 POST /reports；请发送未压缩的请求体。`,
      });
    (req.principal ? json : anonymousJson)(req, res, next);
  };
  return [readBody, rejectDeepJson];
}
