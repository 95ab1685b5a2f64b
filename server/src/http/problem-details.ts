// The one place that writes error bodies: RFC 9457 application/problem+json.
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from '../logger.js';
import { DomainError, type ProblemItem } from './errors.js';
import { REPORT_BODY_LIMIT_BYTES, sizeLabel } from './request-body.js';
import { storageProblem } from './storage-errors.js';

export const PROBLEM_TYPE_BASE = 'https://interop-monitor.example/problems/';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId?: string;
  errors?: ProblemItem[];
}

export function sendProblem(res: Response, body: Omit<ProblemBody, 'type'>): void {
  const problem: ProblemBody = {
    type: PROBLEM_TYPE_BASE + body.code.toLowerCase().replaceAll('_', '-'),
    ...body,
  };
  res.status(body.status).type('application/problem+json').send(JSON.stringify(problem));
}

/** Unknown routes under /api answer 404 problems instead of the client's index.html. */
export const apiNotFound: RequestHandler = (req, res) => {
  sendProblem(res, {
    status: 404,
    code: 'ROUTE_NOT_FOUND',
    title: 'Not found',
    detail: `No API route ${req.method} ${req.path}.`,
    requestId: res.locals.requestId,
  });
};

interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  code?: string;
  field?: string;
  /** body-parser's limit, in bytes, on entity.too.large. */
  limit?: number;
}

/** Errors thrown by body parsers and multer, mapped to stable codes. */
function fromMiddlewareError(err: HttpishError & Error): Omit<ProblemBody, 'type'> | undefined {
  if (err.type === 'entity.too.large') {
    const limit = err.limit ? ` of ${sizeLabel(err.limit)}` : '';
    return { status: 413, code: 'PAYLOAD_TOO_LARGE', title: 'Payload too large', detail: `The request body exceeds this route's limit${limit}; only POST /reports takes large bodies.` };
  }
  if (err.code === 'LIMIT_FILE_SIZE') {
    return { status: 413, code: 'PAYLOAD_TOO_LARGE', title: 'Payload too large', detail: `A CSV file is at most ${sizeLabel(REPORT_BODY_LIMIT_BYTES)}.` };
  }
  if (err.type === 'entity.parse.failed') {
    return { status: 400, code: 'MALFORMED_JSON', title: 'Malformed JSON', detail: 'The request body is not valid JSON.' };
  }
  if (err.type === 'encoding.unsupported' || err.type === 'charset.unsupported') {
    return { status: 415, code: 'UNSUPPORTED_ENCODING', title: 'Unsupported encoding', detail: err.message };
  }
  if (typeof err.code === 'string' && err.code.startsWith('LIMIT_')) {
    return { status: 400, code: 'BAD_MULTIPART', title: 'Bad multipart body', detail: `${err.message}${err.field ? ` (${err.field})` : ''}.` };
  }
  const status = err.status ?? err.statusCode;
  if (status && status >= 400 && status < 500) {
    return { status, code: 'BAD_REQUEST', title: 'Bad request', detail: err.message };
  }
  return undefined;
}

export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const requestId = res.locals.requestId as string | undefined;
    if (res.headersSent) {
      logger.error({ err, requestId }, 'error after headers were sent');
      res.end();
      return;
    }
    if (err instanceof DomainError) {
      for (const [name, value] of Object.entries(err.headers)) res.setHeader(name, value);
      sendProblem(res, {
        status: err.status,
        code: err.code,
        title: err.title,
        detail: err.message,
        requestId,
        ...(err.errors ? { errors: err.errors } : {}),
      });
      return;
    }
    const known = err instanceof Error ? fromMiddlewareError(err as HttpishError & Error) : undefined;
    if (known) {
      sendProblem(res, { ...known, requestId });
      return;
    }
    const storage = storageProblem(err);
    if (storage) {
      // An operator has to act (free disk, fix permissions): logged as an error, answered as 503.
      logger.error({ err, requestId, method: req.method, url: req.originalUrl }, 'storage unavailable');
      res.setHeader('Retry-After', String(storage.retryAfterSeconds));
      sendProblem(res, { ...storage.problem, requestId });
      return;
    }
    logger.error({ err, requestId, method: req.method, url: req.originalUrl }, 'unexpected error');
    sendProblem(res, {
      status: 500,
      code: 'INTERNAL',
      title: 'Internal server error',
      detail: `Something went wrong on our side. Quote request id ${requestId ?? 'unknown'} when reporting it.`,
      requestId,
    });
  };
}
