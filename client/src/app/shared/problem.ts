import { HttpErrorResponse } from '@angular/common/http';
import type { Problem } from '../core/api/api-types';

/** Codes of the problems the client makes up itself (the API's codes are upper-case words too). */
export const CLIENT_PROBLEM = { unreachable: 'SERVER_UNREACHABLE', unexpected: 'CLIENT_ERROR' } as const;

/**
 * Reads an RFC 9457 problem out of an HTTP error; anything else becomes a generic problem. Titles
 * stay in English here: ProblemView shows them in the user's language where it knows the code.
 */
export function problemOf(error: unknown): Problem {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as Partial<Problem> | string | null;
    if (body && typeof body === 'object' && typeof body.title === 'string') return { status: error.status, ...body } as Problem;
    if (error.status === 0)
      return {
        status: 0,
        code: CLIENT_PROBLEM.unreachable,
        title: 'The server cannot be reached',
        detail: 'Check your connection and try again.',
      };
    return {
      status: error.status,
      title: error.statusText || 'Request failed',
      detail: typeof body === 'string' ? body.slice(0, 200) : undefined,
    };
  }
  return {
    status: 0,
    code: CLIENT_PROBLEM.unexpected,
    title: 'Something went wrong',
    detail: error instanceof Error ? error.message : String(error),
  };
}
