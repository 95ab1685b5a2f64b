// Versioned, forward-only migrations, run at every start.
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as m001 from './migrations/001-initial.js';
import * as m002 from './migrations/002-findings.js';
import * as m003 from './migrations/003-audit.js';
import * as m005 from './migrations/005-coverage.js';
import * as m006 from './migrations/006-reports-as-of-index.js';
import * as m007 from './migrations/007-findings-overview-indexes.js';
import * as m008 from './migrations/008-coverage-figures-index.js';
import * as m009 from './migrations/009-report-packed-links.js';
import * as m010 from './migrations/010-idempotency-lease.js';
import * as m011 from './migrations/011-subject-explanations.js';
import * as m012 from './migrations/012-agreement-fingerprints.js';
import * as m013 from './migrations/013-audit-file-hash-index.js';
import * as m014 from './migrations/014-cases.js';
import type { Database } from './schema.js';

export const MIGRATIONS: Record<string, Migration> = {
  '001-initial': m001,
  '002-findings': m002,
  '003-audit': m003,
  '005-coverage': m005,
  '006-reports-as-of-index': m006,
  '007-findings-overview-indexes': m007,
  '008-coverage-figures-index': m008,
  '009-report-packed-links': m009,
  '010-idempotency-lease': m010,
  '011-subject-explanations': m011,
  '012-agreement-fingerprints': m012,
  '013-audit-file-hash-index': m013,
  '014-cases': m014,
};

const provider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('A migration failed', { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
