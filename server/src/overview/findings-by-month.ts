// Findings opened and resolved per report period, from the findings' periods and current status. Pure.
import type { FindingsInPeriod } from '../contract/overview.js';
import { nextPeriod } from '../state/periods.js';
import type { OpenedCount, ResolvedCount } from './repository.js';

/**
 * A finding opens in its first period. A resolved one is resolved in the period whose reports
 * resolved it: the first period in which its condition no longer held (the one after its last);
 * its last period itself when a report for that very period took the condition away (it now holds
 * in no period: a missing report came, a declaration was corrected), or when it was resolved by
 * hand while still holding. Counts falling outside `periods` are left out.
 */
export function findingsByMonth(
  periods: readonly string[],
  opened: readonly OpenedCount[],
  resolved: readonly ResolvedCount[],
): FindingsInPeriod[] {
  const entries = new Map(periods.map((period) => [period, { period, opened: 0, resolved: 0 }]));
  for (const { firstPeriod, n } of opened) {
    const entry = entries.get(firstPeriod);
    if (entry) entry.opened += n;
  }
  for (const { lastPeriod, holds, heldInSomePeriod, n } of resolved) {
    const entry = entries.get(holds || !heldInSomePeriod ? lastPeriod : nextPeriod(lastPeriod));
    if (entry) entry.resolved += n;
  }
  return [...entries.values()];
}
