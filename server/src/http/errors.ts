// Typed domain errors; the one problem-details handler turns them into RFC 9457 responses, in the
// request's language: every error carries its title and detail in English and Chinese.
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

export class DomainError extends Error {
  readonly detailZh: string;
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: Words,
    detail: Words,
    readonly errors?: ProblemItem[],
    readonly headers: Record<string, string> = {},
    /** Plausibility notes found beside the errors (a refused report's), shown together with them. */
    readonly warnings?: ProblemItem[],
  ) {
    super(detail.en);
    this.detailZh = detail.zh;
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
    super(400, code, TITLES.badRequest, detail, errors);
  }
}

export class Unauthorized extends DomainError {
  constructor(detail: Words = { en: 'Log in or send an API key.', zh: '请登录或发送 API 密钥。' }, code = 'UNAUTHENTICATED') {
    super(401, code, TITLES.unauthorized, detail);
  }
}

export class Forbidden extends DomainError {
  constructor(detail: Words = { en: 'Your role may not do this.', zh: '您的角色无权执行此操作。' }, code = 'FORBIDDEN') {
    super(403, code, TITLES.forbidden, detail);
  }
}

export class NotFound extends DomainError {
  constructor(detail: Words = { en: 'No such resource.', zh: '没有该资源。' }, code = 'NOT_FOUND') {
    super(404, code, TITLES.notFound, detail);
  }
}

export class Conflict extends DomainError {
  constructor(detail: Words, code = 'CONFLICT') {
    super(409, code, TITLES.conflict, detail);
  }
}

export class Invalid extends DomainError {
  constructor(errors: ProblemItem[], detail?: Words, code = 'VALIDATION_FAILED', warnings?: ProblemItem[]) {
    const shown = errors.slice(0, 1000);
    const found = counted(errors.length, 'problem', 'problems', '个问题');
    super(422, code, TITLES.invalid, detail ?? { en: `${found.en} found.`, zh: `发现 ${found.zh}。` }, shown, {}, warnings?.slice(0, 1000));
  }
}

export class TooManyRequests extends DomainError {
  constructor(detail: Words, retryAfterSeconds: number, code = 'RATE_LIMITED') {
    super(429, code, TITLES.tooManyRequests, detail, undefined, {
      'Retry-After': String(retryAfterSeconds),
    });
  }
}

export class PayloadTooLarge extends DomainError {
  constructor(detail: Words) {
    super(413, 'PAYLOAD_TOO_LARGE', TITLES.payloadTooLarge, detail);
  }
}

export class UnsupportedContentEncoding extends DomainError {
  constructor(detail: Words) {
    super(415, 'UNSUPPORTED_CONTENT_ENCODING', TITLES.unsupportedContentEncoding, detail);
  }
}

/** How many problems a 422 lists, for writes that store something whole or not at all. */
export function nothingStored(errors: readonly ProblemItem[] | number): Words {
  const count = typeof errors === 'number' ? errors : errors.length;
  const found = counted(count, 'problem', 'problems', '个问题');
  return { en: `${found.en} found; nothing was stored.`, zh: `发现 ${found.zh}，未保存任何内容。` };
}
