// The periods a finding held in, stored compactly as [from, to] ranges of consecutive months.
import { nextPeriod } from '../state/periods.js';

export type PeriodRange = [string, string];

export function toRanges(periods: readonly string[]): PeriodRange[] {
  const sorted = [...new Set(periods)].sort();
  const ranges: PeriodRange[] = [];
  for (const p of sorted) {
    const last = ranges.at(-1);
    if (last && nextPeriod(last[1]) === p) last[1] = p;
    else ranges.push([p, p]);
  }
  return ranges;
}

/** Every period of the ranges, in one array: a merge after a report expands tens of thousands. */
export function fromRanges(ranges: readonly PeriodRange[]): string[] {
  const periods: string[] = [];
  for (const [from, to] of ranges) for (let p = from; p <= to; p = nextPeriod(p)) periods.push(p);
  return periods;
}
