// Calendar arithmetic on report periods (YYYY-MM); periods compare correctly as strings.
// Integer month arithmetic, no Date objects: rule runs shift periods in their hottest loops.

/** Months since 0000-01. */
const monthIndex = (period: string): number => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;

function shift(period: string, months: number): string {
  const index = monthIndex(period) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}`;
}

// The month after and before a period, worked out once each: a merge after a report expands tens of
// thousands of findings' stored period ranges, a month at a time. Periods are YYYY-MM, so these hold
// at most a few thousand entries.
const nextOf = new Map<string, string>();
const previousOf = new Map<string, string>();

function remembered(known: Map<string, string>, period: string, months: number): string {
  let shifted = known.get(period);
  if (shifted === undefined) {
    shifted = shift(period, months);
    if (known.size < 100_000) known.set(period, shifted);
  }
  return shifted;
}

export const previousPeriod = (period: string): string => remembered(previousOf, period, -1);
export const nextPeriod = (period: string): string => remembered(nextOf, period, 1);
export const yearBefore = (period: string): string => shift(period, -12);
export const periodsBefore = (period: string, count: number): string => shift(period, -count);

export function firstDayOf(period: string): string {
  return `${period}-01`;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function lastDayOf(period: string): string {
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return `${period}-${month === 2 && leap ? 29 : DAYS[month - 1]}`;
}

/**
 * Every period from first to last, both included; empty when last < first. Counted, not compared
 * as strings: the month after 9999-12 is 10000-01, which sorts before it, and a walk to 9999-12
 * (a period a query may name) never ended.
 */
export function periodsBetween(first: string, last: string): string[] {
  const count = monthIndex(last) - monthIndex(first) + 1;
  const out: string[] = [];
  for (let i = 0, p = first; i < count; i++, p = nextPeriod(p)) out.push(p);
  return out;
}
