// zod input parsing for routes: every issue becomes a problem item with a stable code and a path.
import type { z } from 'zod';
import { Invalid, type ProblemItem } from './errors.js';

const CODED_MESSAGE = /^([A-Z][A-Z0-9_]+): (.*)$/s;

function codeFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return 'UNKNOWN_FIELD';
    case 'invalid_type':
      // zod leaves the input out of issues by default; its message names what was received.
      return issue.input === undefined && /received undefined/.test(issue.message) ? 'REQUIRED' : 'WRONG_TYPE';
    case 'invalid_value':
      return 'BAD_VALUE';
    case 'too_big':
      return 'TOO_BIG';
    case 'too_small':
      return 'TOO_SMALL';
    case 'invalid_format':
      return 'BAD_FORMAT';
    default:
      return 'INVALID';
  }
}

export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`), '$');
}

export function issuesToProblems(issues: readonly z.core.$ZodIssue[], basePath: readonly PropertyKey[] = []): ProblemItem[] {
  return issues.flatMap((issue) => {
    const coded = CODED_MESSAGE.exec(issue.message);
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    return keys.map((key) => {
      const path = [...basePath, ...issue.path, ...(key === undefined ? [] : [key])];
      return {
        code: coded ? coded[1] : codeFor(issue),
        message: coded ? coded[2] : key ? `unknown field "${key}"` : issue.message,
        path: jsonPath(path),
      };
    });
  });
}

/** Parses a body or query with a schema, or throws 422 with every problem found. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new Invalid(issuesToProblems(result.error.issues));
  return result.data;
}
