// Calendar arithmetic on report periods (YYYY-MM); periods compare correctly as strings.
// Integer month arithmetic, no Date objects: rule runs shift periods in their hottest loops.

function shift(period: string, months: number): string {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}`;
}

export const previousPeriod = (period: string): string => shift(period, -1);
export const nextPeriod = (period: string): string => shift(period, 1);
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

/** Every period from first to last, both included; empty when last < first. */
export function periodsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let p = first; p <= last; p = nextPeriod(p)) out.push(p);
  return out;
}
