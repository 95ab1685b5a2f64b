// The due day of monthly reports, as LATE-001 is currently set: the one place that reads it, so the
// deadlines shown to institutions and analysts are the ones the rule enforces.
import type { Db } from '../db/database.js';
import { missingReport } from './late-001-missing-report.js';
import { loadRuleConfigs } from './settings-repository.js';

export async function currentDueDay(db: Db, now: Date): Promise<number> {
  const settings = (await loadRuleConfigs(db, now)).get(missingReport.id)?.settings;
  return settings?.dueDay ?? missingReport.defaults.dueDay;
}
