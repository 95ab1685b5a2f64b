// One institution's as-of report for a period (the report the period state uses for it), and the
// period a view of one institution looks at by default.
import type { AsOfReportRef } from '../contract/institution-agreements.js';
import type { Db } from '../db/database.js';
import { findReport, reportedPeriods } from '../reports/repository.js';
import type { AcceptedPeriods } from './accepted-periods.js';
import { asOfReports } from './repository.js';

/** The period asked for, else the latest (accepted) period reported by any institution; null when nothing has been reported. */
export async function viewedPeriod(db: Db, accepted: AcceptedPeriods, asked: string | undefined): Promise<string | null> {
  return asked ?? (await reportedPeriods(db, accepted)).at(-1) ?? null;
}

/** The institution's as-of report for the period; null when it has none for the period or an earlier one. */
export async function asOfReportRef(db: Db, institution: string, period: string): Promise<AsOfReportRef | null> {
  const asOf = (await asOfReports(db, period)).find((r) => r.institution === institution);
  const row = asOf && (await findReport(db, asOf.id));
  return row ? { id: row.id, version: row.version, period: row.period, receivedAt: row.received_at } : null;
}
