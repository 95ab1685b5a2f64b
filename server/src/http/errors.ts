// Typed domain errors; the one problem-details handler turns them into RFC 9457 responses.
import type { ProblemItem } from '../contract/common.js';

export type { ProblemItem };

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail: string,
    readonly errors?: ProblemItem[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export class BadRequest extends DomainError {
  constructor(detail: string, errors?: ProblemItem[], code = 'BAD_REQUEST') {
    super(400, code, 'Bad request', detail, errors);
  }
}

export class Unauthorized extends DomainError {
  constructor(detail = 'Log in or send an API key.', code = 'UNAUTHENTICATED') {
    super(401, code, 'Unauthorized', detail);
  }
}

export class Forbidden extends DomainError {
  constructor(detail = 'Your role may not do this.', code = 'FORBIDDEN') {
    super(403, code, 'Forbidden', detail);
  }
}

export class NotFound extends DomainError {
  constructor(detail = 'No such resource.', code = 'NOT_FOUND') {
    super(404, code, 'Not found', detail);
  }
}

export class Conflict extends DomainError {
  constructor(detail: string, code = 'CONFLICT') {
    super(409, code, 'Conflict', detail);
  }
}

export class Invalid extends DomainError {
  constructor(errors: ProblemItem[], detail?: string, code = 'VALIDATION_FAILED') {
    const shown = errors.slice(0, 1000);
    super(
      422,
      code,
      'Validation failed',
      detail ?? `${errors.length} problem${errors.length === 1 ? '' : 's'} found.`,
      shown,
    );
  }
}

export class TooManyRequests extends DomainError {
  constructor(detail: string, retryAfterSeconds: number, code = 'RATE_LIMITED') {
    super(429, code, 'Too many requests', detail, undefined, {
      'Retry-After': String(retryAfterSeconds),
    });
  }
}

export class PayloadTooLarge extends DomainError {
  constructor(detail: string) {
    super(413, 'PAYLOAD_TOO_LARGE', 'Payload too large', detail);
  }
}

export class UnsupportedContentEncoding extends DomainError {
  constructor(detail: string) {
    super(415, 'UNSUPPORTED_CONTENT_ENCODING', 'Unsupported content encoding', detail);
  }
}

/** How many problems a 422 lists, for writes that store something whole or not at all. */
export function nothingStored(errors: readonly ProblemItem[] | number): string {
  const count = typeof errors === 'number' ? errors : errors.length;
  return `${count} problem${count === 1 ? '' : 's'} found; nothing was stored.`;
}
