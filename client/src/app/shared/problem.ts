import { HttpErrorResponse } from '@angular/common/http';
import type { Problem } from '../core/api/api-types';

/** Reads an RFC 9457 problem out of an HTTP error; anything else becomes a generic problem. */
export function problemOf(error: unknown): Problem {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as Partial<Problem> | string | null;
    if (body && typeof body === 'object' && typeof body.title === 'string') return { status: error.status, ...body } as Problem;
    if (error.status === 0) return { status: 0, title: 'The server cannot be reached', detail: 'Check your connection and try again.' };
    return { status: error.status, title: error.statusText || 'Request failed', detail: typeof body === 'string' ? body.slice(0, 200) : undefined };
  }
  return { status: 0, title: 'Something went wrong', detail: error instanceof Error ? error.message : String(error) };
}
