import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../database.js';
import { up } from './011-subject-explanations.js';

let database: OpenDatabase | undefined;
afterEach(() => database?.close());

describe('migration 011', () => {
  it('adds the explanation for subjects and makes the DISC rules’ findings stale, so that the start-up check writes it', async () => {
    database = openDatabase(':memory:');
    // The two tables as migrations before it left them, reduced to what it touches.
    database.sqlite.exec(`create table findings (id integer primary key, explanation text not null);
      create table rule_settings (rule_id varchar(20) primary key, applied text);
      insert into findings (explanation) values ('In 2021-05, UnionPay charges Alipay 30 bps … the lowest fee (5 bps) …');
      insert into rule_settings values ('DISC-001', '{"version":1}'), ('DISC-002', '{"version":1}'), ('EXCL-001', '{"version":1}');`);

    await up(database.db as unknown as Kysely<unknown>);

    expect(database.sqlite.prepare('select subject_explanation, subject_explanation_zh from findings').all()).toEqual([
      { subject_explanation: null, subject_explanation_zh: null },
    ]);
    expect(database.sqlite.prepare('select rule_id, applied from rule_settings order by rule_id').all()).toEqual([
      { rule_id: 'DISC-001', applied: null },
      { rule_id: 'DISC-002', applied: null },
      { rule_id: 'EXCL-001', applied: '{"version":1}' },
    ]);
  });
});
