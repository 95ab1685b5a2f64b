// The periods a finding held in, stored compactly as [from, to] ranges of consecutive months.
import { nextPeriod, periodsBetween } from '../state/periods.js';

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

export function fromRanges(ranges: readonly PeriodRange[]): string[] {
  return ranges.flatMap(([from, to]) => periodsBetween(from, to));
}
