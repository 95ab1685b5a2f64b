// The periods the record accepts: EARLIEST_PERIOD up to the current month. Reports outside them are
// refused, questions about periods before them too, and no walk over periods (rules, coverage,
// calendars) leaves them: else one backdated report would make a run walk every month since the year 1.
import type { AppContext } from '../app-context.js';
import { Invalid, type ProblemItem } from '../domain/errors.js';
import { jsonPath } from '../domain/parse-input.js';

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
  const early = period < accepted.earliest;
  const why = early
    ? `is before ${accepted.earliest}, the earliest period this record accepts`
    : `has not begun (the current month is ${accepted.latest})`;
  const whyZh = early ? `早于本记录接受的最早期间 ${accepted.earliest}` : `尚未开始（当前月份为 ${accepted.latest}）`;
  return { code: 'PERIOD_OUT_OF_RANGE', message: `period ${period} ${why}`, messageZh: `期间 ${period} ${whyZh}`, path: jsonPath(path) };
}

/**
 * The query, once no period it names in `fields` is before EARLIEST_PERIOD; else 422
 * PERIOD_OUT_OF_RANGE for each that is. No report is for such a period, so no view has anything to
 * say of it, and a view must not walk towards it. A period after the current month is answered as
 * of the latest reports (carried forward), like any period after the latest reported: the range
 * views' limits (RANGE_TOO_LONG) and the overview's 240 months bound that walk.
 */
export function notBeforeEarliest<T extends object>(
  ctx: Pick<AppContext, 'config' | 'now'>,
  query: T,
  fields: readonly (keyof T & string)[],
): T {
  const accepted = acceptedPeriods(ctx);
  const problems = fields.flatMap((field) => {
    const period = query[field];
    return typeof period === 'string' && period < accepted.earliest ? [periodOutOfRange(accepted, period, [field])] : [];
  });
  if (problems.length > 0) throw new Invalid(problems);
  return query;
}
