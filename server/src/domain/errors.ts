// What went wrong, as the domain says it: a kind, a stable upper-case code and words in English and
// Chinese, and nothing of HTTP. http/problem-details.ts is the one place that turns a kind into a
// status and headers and answers an RFC 9457 problem in the request's language.
import type { ProblemItem as ContractProblemItem } from '../contract/common.js';
import { counted, type Words } from '../text/words.js';

/**
 * A problem as the server holds it: the contract's item with its message in Chinese beside the
 * English one. The problem handler (and every route answering warnings) sends one of the two.
 */
export type ProblemItem = ContractProblemItem & {
  messageZh: string;
  /** The JSON path of the row this one repeats (a duplicate): a CSV answer names that row by its number instead. */
  sameAs?: string;
};

/** Every kind of failure the domain knows; http/problem-details.ts gives each its status. */
export type ErrorKind =
  | 'bad-request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'gone'
  | 'conflict'
  | 'too-large'
  | 'unsupported-encoding'
  | 'invalid'
  | 'too-many-requests'
  | 'internal';

export interface DomainErrorDetails {
  errors?: ProblemItem[];
  /** Plausibility notes found beside the errors (a refused report's), shown together with them. */
  warnings?: ProblemItem[];
  /** When trying again may succeed: a rate limit's window or a lease running out. */
  retryAfterSeconds?: number;
}

export class DomainError extends Error {
  readonly detailZh: string;
  readonly errors?: ProblemItem[];
  readonly warnings?: ProblemItem[];
  readonly retryAfterSeconds?: number;
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    readonly title: Words,
    detail: Words,
    details: DomainErrorDetails = {},
  ) {
    super(detail.en);
    this.detailZh = detail.zh;
    this.errors = details.errors;
    this.warnings = details.warnings;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

export const TITLES = {
  badRequest: { en: 'Bad request', zh: '请求有误' },
  unauthorized: { en: 'Unauthorized', zh: '未登录' },
  forbidden: { en: 'Forbidden', zh: '无权操作' },
  notFound: { en: 'Not found', zh: '未找到' },
  conflict: { en: 'Conflict', zh: '冲突' },
  invalid: { en: 'Validation failed', zh: '校验未通过' },
  tooManyRequests: { en: 'Too many requests', zh: '请求过多' },
  payloadTooLarge: { en: 'Payload too large', zh: '请求体过大' },
  unsupportedContentEncoding: { en: 'Unsupported content encoding', zh: '不支持的内容编码' },
} satisfies Record<string, Words>;

export class BadRequest extends DomainError {
  constructor(detail: Words, errors?: ProblemItem[], code = 'BAD_REQUEST') {
    super('bad-request', code, TITLES.badRequest, detail, { errors });
  }
}

export class Unauthorized extends DomainError {
  constructor(detail: Words = { en: 'Log in or send an API key.', zh: '请登录或发送 API 密钥。' }, code = 'UNAUTHENTICATED') {
    super('unauthenticated', code, TITLES.unauthorized, detail);
  }
}

export class Forbidden extends DomainError {
  constructor(detail: Words = { en: 'Your role may not do this.', zh: '您的角色无权执行此操作。' }, code = 'FORBIDDEN') {
    super('forbidden', code, TITLES.forbidden, detail);
  }
}

export class NotFound extends DomainError {
  constructor(detail: Words = { en: 'No such resource.', zh: '没有该资源。' }, code = 'NOT_FOUND') {
    super('not-found', code, TITLES.notFound, detail);
  }
}

export class Conflict extends DomainError {
  constructor(detail: Words, code = 'CONFLICT', retryAfterSeconds?: number) {
    super('conflict', code, TITLES.conflict, detail, { retryAfterSeconds });
  }
}

export class Invalid extends DomainError {
  constructor(errors: ProblemItem[], detail?: Words, code = 'VALIDATION_FAILED', warnings?: ProblemItem[]) {
    const found = counted(errors.length, 'problem', 'problems', '个问题');
    super('invalid', code, TITLES.invalid, detail ?? { en: `${found.en} found.`, zh: `发现 ${found.zh}。` }, {
      errors: errors.slice(0, 1000),
      warnings: warnings?.slice(0, 1000),
    });
  }
}

export class TooManyRequests extends DomainError {
  constructor(detail: Words, retryAfterSeconds: number, code = 'RATE_LIMITED') {
    super('too-many-requests', code, TITLES.tooManyRequests, detail, { retryAfterSeconds });
  }
}

export class PayloadTooLarge extends DomainError {
  constructor(detail: Words, code = 'PAYLOAD_TOO_LARGE') {
    super('too-large', code, TITLES.payloadTooLarge, detail);
  }
}

export class UnsupportedContentEncoding extends DomainError {
  constructor(detail: Words) {
    super('unsupported-encoding', 'UNSUPPORTED_CONTENT_ENCODING', TITLES.unsupportedContentEncoding, detail);
  }
}

/** How many problems a 422 lists, for writes that store something whole or not at all. */
export function nothingStored(errors: readonly ProblemItem[] | number): Words {
  const count = typeof errors === 'number' ? errors : errors.length;
  const found = counted(count, 'problem', 'problems', '个问题');
  return { en: `${found.en} found; nothing was stored.`, zh: `发现 ${found.zh}，未保存任何内容。` };
}
