// Everything a database needs before the app serves from it: schema, reference data and, in demo
// mode on an empty system, the demo users and reports.
import type { AppContext } from './app-context.js';
import { migrateToLatest } from './db/migrate.js';
import { loadInstitutionFile, seedReferenceData } from './reference/seed-reference.js';
import { loadDemoData } from './seed/demo-data.js';
import { createDemoUsers } from './users/service.js';

export interface BootstrapResult {
  migrations: string[];
  demoUsers: string[];
  demoReports: number;
}

export async function bootstrap(ctx: AppContext, seed: 'demo' | 'none'): Promise<BootstrapResult> {
  const migrations = await migrateToLatest(ctx.db);
  await seedReferenceData(ctx.db, loadInstitutionFile());
  if (seed !== 'demo') return { migrations, demoUsers: [], demoReports: 0 };
  const empty = (await ctx.db.selectFrom('users').select('username').limit(1).execute()).length === 0;
  if (!empty) return { migrations, demoUsers: [], demoReports: 0 };
  const demoUsers = await createDemoUsers(ctx);
  const demoReports = await loadDemoData(ctx);
  return { migrations, demoUsers, demoReports };
}
