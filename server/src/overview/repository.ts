// The counts the overview reads from findings and reports: aggregated in SQL, one row per group.
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { SEVERITY_RANK } from '../findings/repository.js';
import { ACTIVE } from '../findings/status-machine.js';

/** Findings now open, acknowledged or confirmed, by severity. */
export async function activeFindingsBySeverity(db: Db): Promise<Map<string, number>> {
  // By rank, which findings_by_status holds (a finding's rank is its severity's): counted from the index alone.
  const rows = await db
    .selectFrom('findings')
    .select(['severity_rank', sql<number>`count(*)`.as('n')])
    .where('status', 'in', [...ACTIVE])
    .groupBy('severity_rank')
    .execute();
  const severityOf = new Map(Object.entries(SEVERITY_RANK).map(([severity, rank]) => [rank, severity]));
  return new Map(rows.map((r) => [severityOf.get(r.severity_rank) ?? String(r.severity_rank), Number(r.n)]));
}

export interface OpenedCount {
  firstPeriod: string;
  n: number;
}

export interface ResolvedCount {
  lastPeriod: string;
  /** Whether the condition still holds (a finding resolved by hand). */
  holds: boolean;
  /** False when, on the reports as they stand, it holds in no period (a missing report came, a report was corrected). */
  heldInSomePeriod: boolean;
  n: number;
}

/** How many findings first held in each period, and how many now resolved last held in each. */
export async function findingPeriodCounts(db: Db): Promise<{ opened: OpenedCount[]; resolved: ResolvedCount[] }> {
  const [opened, resolved] = await Promise.all([
    db
      .selectFrom('findings')
      .select(['first_period', sql<number>`count(*)`.as('n')])
      .groupBy('first_period')
      .execute(),
    db
      .selectFrom('findings')
      .select(['last_period', 'holds', sql<number>`periods != '[]'`.as('held'), sql<number>`count(*)`.as('n')])
      .where('status', '=', 'resolved')
      .groupBy(['last_period', 'holds', 'held'])
      .execute(),
  ]);
  return {
    opened: opened.map((r) => ({ firstPeriod: r.first_period, n: Number(r.n) })),
    resolved: resolved.map((r) => ({
      lastPeriod: r.last_period,
      holds: r.holds === 1,
      heldInSomePeriod: Number(r.held) === 1,
      n: Number(r.n),
    })),
  };
}

/** Report versions received for a period, and how many institutions sent them. */
export async function reportsReceived(db: Db, period: string): Promise<{ received: number; institutions: number }> {
  const row = await db
    .selectFrom('reports')
    .select([sql<number>`count(*)`.as('received'), sql<number>`count(distinct institution)`.as('institutions')])
    .where('period', '=', period)
    .executeTakeFirstOrThrow();
  return { received: Number(row.received), institutions: Number(row.institutions) };
}
