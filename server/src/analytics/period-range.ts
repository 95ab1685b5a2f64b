// Which periods a coverage question covers, from what was asked and what has been reported.
import type { CoverageQuery } from '../contract/analytics.js';
import { Invalid } from '../domain/errors.js';
import { periodsBefore } from '../state/periods.js';

/** Twenty years of months: bounds the work of one by=period request. */
export const MAX_PERIODS = 240;

export interface PeriodRange {
  from: string;
  to: string;
}

/** How far back a range runs by default, and how many periods it may span, when not the coverage defaults. */
export interface RangeLimits {
  /** The default `from` is at most this many periods before `to` (both included); default no limit. */
  defaultLength?: number;
  /** At most this many periods; default MAX_PERIODS. */
  max?: number;
}

/**
 * by=period runs from `from` (default the first reported period, or `defaultLength` periods up to
 * `to` if later) to `to` (default the latest); the other views look at `to` alone. null when a
 * default is needed and nothing has been reported.
 */
export function coverageRange(
  q: Pick<CoverageQuery, 'by' | 'from' | 'to'>,
  reported: readonly string[],
  limits: RangeLimits = {},
): PeriodRange | null {
  if (q.by !== 'period' && q.from !== undefined) {
    throw new Invalid([
      {
        code: 'NOT_APPLICABLE',
        message: `from applies to by=period only; by=${q.by} looks at the period "to"`,
        messageZh: `from 仅适用于 by=period；by=${q.by} 只看 to 所指的期间`,
        path: '$.from',
      },
    ]);
  }
  const max = limits.max ?? MAX_PERIODS;
  // A default never contradicts what was asked: it yields to the other end of the range.
  const to = q.to ?? later(reported.at(-1), q.from);
  const firstDefault =
    limits.defaultLength === undefined || to === undefined ? reported[0] : later(reported[0], periodsBefore(to, limits.defaultLength - 1));
  const from = q.by === 'period' ? (q.from ?? earlier(firstDefault, to)) : to;
  if (from === undefined || to === undefined) return null;
  if (from > to)
    throw new Invalid([
      { code: 'BAD_RANGE', message: `from ${from} is after to ${to}`, messageZh: `from ${from} 晚于 to ${to}`, path: '$.from' },
    ]);
  if (monthsFromTo(from, to) > max) {
    throw new Invalid([
      { code: 'RANGE_TOO_LONG', message: `at most ${max} periods at once`, messageZh: `一次最多 ${max} 个期间`, path: '$.from' },
    ]);
  }
  return { from, to };
}

function later(a: string | undefined, b: string | undefined): string | undefined {
  return a === undefined || b === undefined ? a : a > b ? a : b;
}

function earlier(a: string | undefined, b: string | undefined): string | undefined {
  return a === undefined || b === undefined ? a : a < b ? a : b;
}

/** How many periods from `from` to `to`, both included. */
function monthsFromTo(from: string, to: string): number {
  const index = (p: string) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7));
  return index(to) - index(from) + 1;
}
