// Calendar arithmetic on report periods (YYYY-MM); periods compare correctly as strings.

function shift(period: string, months: number): string {
  const [y, m] = period.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + months, 1));
  return d.toISOString().slice(0, 7);
}

export const previousPeriod = (period: string): string => shift(period, -1);
export const nextPeriod = (period: string): string => shift(period, 1);
export const yearBefore = (period: string): string => shift(period, -12);

export function firstDayOf(period: string): string {
  return `${period}-01`;
}

export function lastDayOf(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** Every period from first to last, both included; empty when last < first. */
export function periodsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let p = first; p <= last; p = nextPeriod(p)) out.push(p);
  return out;
}
