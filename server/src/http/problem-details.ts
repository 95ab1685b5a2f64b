// The one place that writes error bodies: RFC 9457 application/problem+json.
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { Logger } from '../logger.js';
import type { ProblemItem as AnsweredProblem } from '../contract/common.js';
import { sizeLabel } from '../text/size-label.js';
import type { Words } from '../text/words.js';
import { DomainError, TITLES, type ErrorKind, type ProblemItem } from '../domain/errors.js';
import { answerLanguage, problemsIn } from './request-language.js';
import { REPORT_BODY_LIMIT_BYTES } from './request-body.js';
import { storageProblem } from './storage-errors.js';

export const PROBLEM_TYPE_BASE = 'https://interop-monitor.example/problems/';

/** The status each kind of domain error is answered with: the only place a kind meets HTTP. */
const STATUS_OF_KIND: Record<ErrorKind, number> = {
  'bad-request': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  gone: 410,
  conflict: 409,
  'too-large': 413,
  'unsupported-encoding': 415,
  invalid: 422,
  'too-many-requests': 429,
  internal: 500,
};

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId?: string;
  errors?: AnsweredProblem[];
  warnings?: AnsweredProblem[];
}

/** A problem before it is answered: its words in both languages. */
export interface WordedProblem extends Omit<ProblemBody, 'type' | 'title' | 'detail' | 'errors' | 'warnings'> {
  title: Words;
  detail: Words;
  errors?: ProblemItem[];
  warnings?: ProblemItem[];
}

/** Answers a problem in the request's language (Accept-Language). */
export function sendProblem(req: Request, res: Response, body: WordedProblem): void {
  const language = answerLanguage(req, res);
  const { errors, warnings, ...rest } = body;
  const problem: ProblemBody = {
    type: PROBLEM_TYPE_BASE + body.code.toLowerCase().replaceAll('_', '-'),
    ...rest,
    title: body.title[language],
    detail: body.detail[language],
    ...(errors ? { errors: problemsIn(errors, language) } : {}),
    ...(warnings ? { warnings: problemsIn(warnings, language) } : {}),
  };
  res.status(body.status).type('application/problem+json').send(JSON.stringify(problem));
}

/** Unknown routes under /api answer 404 problems instead of the client's index.html. */
export const apiNotFound: RequestHandler = (req, res) => {
  sendProblem(req, res, {
    status: 404,
    code: 'ROUTE_NOT_FOUND',
    title: TITLES.notFound,
    detail: { en: `No API route ${req.method} ${req.path}.`, zh: `没有 API 路由 ${req.method} ${req.path}。` },
    requestId: res.locals.requestId as string | undefined,
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
function fromMiddlewareError(err: HttpishError & Error): Omit<WordedProblem, 'requestId'> | undefined {
  if (err.type === 'entity.too.large') {
    const limit = err.limit ? { en: ` of ${sizeLabel(err.limit)}`, zh: `（${sizeLabel(err.limit)}）` } : { en: '', zh: '' };
    return {
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      title: TITLES.payloadTooLarge,
      detail: {
        en: `The request body exceeds this route's limit${limit.en}; only POST /reports takes large bodies.`,
        zh: `请求体超出此路由的上限${limit.zh}；只有 POST /reports 接受大的请求体。`,
      },
    };
  }
  if (err.code === 'LIMIT_FILE_SIZE') {
    return {
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      title: TITLES.payloadTooLarge,
      detail: {
        en: `A CSV file is at most ${sizeLabel(REPORT_BODY_LIMIT_BYTES)}.`,
        zh: `CSV 文件最大为 ${sizeLabel(REPORT_BODY_LIMIT_BYTES)}。`,
      },
    };
  }
  if (err.type === 'entity.parse.failed') {
    return {
      status: 400,
      code: 'MALFORMED_JSON',
      title: { en: 'Malformed JSON', zh: 'JSON 格式错误' },
      detail: { en: 'The request body is not valid JSON.', zh: '请求体不是有效的 JSON。' },
    };
  }
  // The parsers' own messages name the encoding or field at fault; they exist in English only.
  if (err.type === 'encoding.unsupported' || err.type === 'charset.unsupported') {
    return {
      status: 415,
      code: 'UNSUPPORTED_ENCODING',
      title: { en: 'Unsupported encoding', zh: '不支持的编码' },
      detail: { en: err.message, zh: `不支持的字符编码（${err.message}）` },
    };
  }
  if (typeof err.code === 'string' && err.code.startsWith('LIMIT_')) {
    const field = err.field ? ` (${err.field})` : '';
    return {
      status: 400,
      code: 'BAD_MULTIPART',
      title: { en: 'Bad multipart body', zh: 'multipart 请求体有误' },
      detail: { en: `${err.message}${field}.`, zh: `multipart 请求体超出限制${field}：${err.message}。` },
    };
  }
  const status = err.status ?? err.statusCode;
  if (status && status >= 400 && status < 500) {
    return { status, code: 'BAD_REQUEST', title: TITLES.badRequest, detail: { en: err.message, zh: `请求有误：${err.message}` } };
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
      if (err.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(err.retryAfterSeconds));
      sendProblem(req, res, {
        status: STATUS_OF_KIND[err.kind],
        code: err.code,
        title: err.title,
        detail: { en: err.message, zh: err.detailZh },
        requestId,
        ...(err.errors ? { errors: err.errors } : {}),
        ...(err.warnings ? { warnings: err.warnings } : {}),
      });
      return;
    }
    const known = err instanceof Error ? fromMiddlewareError(err) : undefined;
    if (known) {
      sendProblem(req, res, { ...known, requestId });
      return;
    }
    const storage = storageProblem(err);
    if (storage) {
      // An operator has to act (free disk, fix permissions): logged as an error, answered as 503.
      logger.error({ err, requestId, method: req.method, url: req.originalUrl }, 'storage unavailable');
      res.setHeader('Retry-After', String(storage.retryAfterSeconds));
      sendProblem(req, res, { ...storage.problem, requestId });
      return;
    }
    logger.error({ err, requestId, method: req.method, url: req.originalUrl }, 'unexpected error');
    sendProblem(req, res, {
      status: 500,
      code: 'INTERNAL',
      title: { en: 'Internal server error', zh: '服务器内部错误' },
      detail: {
        en: `Something went wrong on our side. Quote request id ${requestId ?? 'unknown'} when reporting it.`,
        zh: `服务器出错了。报告此问题时请注明请求编号 ${requestId ?? 'unknown'}。`,
      },
      requestId,
    });
  };
}
