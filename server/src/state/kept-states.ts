// The latest periods' states, kept for the whole process. A state follows from its period, its as-of
// reports (which never change once stored) and the registry's cities, so it is found again by those:
// a run after a report of the latest period needs the period before it unchanged, and the latest one
// with a single report replaced (its other reports' contents are kept in read-reports.ts).
import type { Db } from '../db/database.js';
import type { PeriodState } from './period-state.js';
import type { AsOfReport } from './repository.js';

/** States kept per database: the latest period and the one before it, each before and after a report. */
const MAX_STATES = 4;

const byDb = new WeakMap<Db, Map<string, PeriodState>>();

export function stateKey(period: string, reports: readonly AsOfReport[], cities: readonly string[]): string {
  return `${period}|${reports.map((r) => r.id).join(',')}|${cities.join(',')}`;
}

export function keptState(db: Db, key: string): PeriodState | undefined {
  const kept = byDb.get(db);
  const state = kept?.get(key);
  if (kept && state) {
    kept.delete(key);
    kept.set(key, state);
  }
  return state;
}

export function keepState(db: Db, key: string, state: PeriodState): void {
  let kept = byDb.get(db);
  if (!kept) byDb.set(db, (kept = new Map<string, PeriodState>()));
  kept.delete(key);
  kept.set(key, state);
  if (kept.size > MAX_STATES) kept.delete(kept.keys().next().value!);
}
