import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';

let database: OpenDatabase | undefined;
afterEach(() => database?.close());

describe('migrations', () => {
  it('build the whole schema on an empty database and do nothing the second time', async () => {
    database = openDatabase(':memory:');
    expect(await migrateToLatest(database.db)).toEqual([
      '001-initial',
      '002-findings',
      '003-audit',
      '005-coverage',
      '006-reports-as-of-index',
      '007-findings-overview-indexes',
      '008-coverage-figures-index',
      '009-report-packed-links',
      '010-idempotency-lease',
      '011-subject-explanations',
      '012-agreement-fingerprints',
      '013-audit-file-hash-index',
      '014-cases',
    ]);
    expect(await migrateToLatest(database.db)).toEqual([]);
    const tables = database.sqlite
      .prepare("select name from sqlite_master where type = 'table' and name not like 'kysely%' and name not like 'sqlite%'")
      .all()
      .map((r) => (r as { name: string }).name);
    expect(tables.sort()).toEqual([
      'api_keys',
      'audit_log',
      'cities',
      'coverage_cells',
      'coverage_periods',
      'finding_comments',
      'finding_history',
      'finding_subjects',
      'findings',
      'idempotency_keys',
      'institutions',
      'report_agreements',
      'report_links',
      'report_packed_links',
      'reports',
      'rule_settings',
      'sessions',
      'users',
    ]);
  });

  it('open the database with foreign keys on', async () => {
    database = openDatabase(':memory:');
    expect(database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});
