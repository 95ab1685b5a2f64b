// Everything a database needs before the app serves from it: schema, reference data and, in demo
// mode on an empty system, the demo users and reports.
import { fillStaleCoverage } from './analytics/coverage-store.js';
import type { AppContext } from './app-context.js';
import { rememberRecentLogins } from './auth/login-throttle.js';
import { migrateToLatest } from './db/migrate.js';
import { loadInstitutionFile, seedReferenceData } from './reference/seed-reference.js';
import { refreshStaleFindings, type RunSummary } from './rules/run-rules.js';
import { loadDemoData } from './seed/demo-data.js';
import { createDemoUsers } from './users/service.js';

export interface BootstrapResult {
  migrations: string[];
  demoUsers: string[];
  demoReports: number;
  ruleRuns: RunSummary[];
}

export async function bootstrap(ctx: AppContext, seed: 'demo' | 'none'): Promise<BootstrapResult> {
  const migrations = await migrateToLatest(ctx.db);
  await seedReferenceData(ctx.db, loadInstitutionFile());
  let demoUsers: string[] = [];
  let demoReports = 0;
  const empty = (await ctx.db.selectFrom('users').select('username').limit(1).execute()).length === 0;
  if (seed === 'demo' && empty) {
    demoUsers = await createDemoUsers(ctx);
    demoReports = await loadDemoData(ctx);
  }
  // Findings must match the data before the first request: a crash after a report, a changed rule.
  const ruleRuns = await refreshStaleFindings(ctx);
  // Stored coverage too: a new database, or institutions that changed while the app was down.
  await fillStaleCoverage(ctx);
  await rememberRecentLogins(ctx);
  return { migrations, demoUsers, demoReports, ruleRuns };
}
