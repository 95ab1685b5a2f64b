// The periods the record accepts: EARLIEST_PERIOD up to the current month. Reports outside them are
// refused and so are questions about them, and no walk over periods (rules, coverage, calendars)
// leaves them: one backdated report used to make a run walk every month since the year 1.
import type { AppContext } from '../app-context.js';
import { Invalid, type ProblemItem } from '../http/errors.js';
import { jsonPath } from '../http/validate.js';

export interface AcceptedPeriods {
  /** EARLIEST_PERIOD. */
  earliest: string;
  /** The current month (UTC). */
  latest: string;
}

export function acceptedPeriods(ctx: Pick<AppContext, 'config' | 'now'>): AcceptedPeriods {
  return { earliest: ctx.config.EARLIEST_PERIOD, latest: ctx.now().toISOString().slice(0, 7) };
}

export function isAcceptedPeriod(accepted: AcceptedPeriods, period: string): boolean {
  return period >= accepted.earliest && period <= accepted.latest;
}

/** The problem of a period outside the accepted ones, at `path` (a JSON path's keys). */
export function periodOutOfRange(accepted: AcceptedPeriods, period: string, path: readonly PropertyKey[]): ProblemItem {
  const why = period < accepted.earliest ? `is before ${accepted.earliest}, the earliest period this record accepts` : `has not begun (the current month is ${accepted.latest})`;
  return { code: 'PERIOD_OUT_OF_RANGE', message: `period ${period} ${why}`, path: jsonPath(path) };
}

/**
 * Refuses (422 PERIOD_OUT_OF_RANGE) the periods a question names outside the accepted ones: every
 * view of periods answers only about periods a report may be for, so none walks towards a far one.
 */
export function assertAcceptedPeriods(accepted: AcceptedPeriods, asked: Readonly<Record<string, string | undefined>>): void {
  const problems = Object.entries(asked).flatMap(([field, period]) => (period === undefined || isAcceptedPeriod(accepted, period) ? [] : [periodOutOfRange(accepted, period, [field])]));
  if (problems.length > 0) throw new Invalid(problems);
}
