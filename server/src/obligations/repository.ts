// What an institution has submitted, version by version, and the LATE-001 findings that name it.
import type { Db } from '../db/database.js';
import { missingReport } from '../rules/late-001-missing-report.js';

export interface SubmittedVersion {
  id: number;
  period: string;
  version: number;
  receivedAt: string;
}

export async function submittedVersions(db: Db, institution: string): Promise<SubmittedVersion[]> {
  return db
    .selectFrom('reports')
    .select(['id', 'period', 'version', 'received_at as receivedAt'])
    .where('institution', '=', institution)
    .orderBy('period')
    .orderBy('version')
    .execute();
}

export interface LateFinding {
  id: number;
  /** The missing period: a LATE-001 finding is about one period, its first and last. */
  period: string;
  status: string;
}

export async function lateFindings(db: Db, institution: string): Promise<LateFinding[]> {
  return db
    .selectFrom('findings')
    .select(['id', 'first_period as period', 'status'])
    .where('rule_id', '=', missingReport.id)
    .where('id', 'in', db.selectFrom('finding_subjects').select('finding_id').where('institution', '=', institution))
    .execute();
}
