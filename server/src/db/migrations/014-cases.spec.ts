import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { caseIdOf } from '../../findings/case-key.js';
import { openDatabase, type OpenDatabase } from '../database.js';
import { MIGRATIONS, migrateToLatest } from '../migrate.js';

let database: OpenDatabase | undefined;
afterEach(() => database?.close());

const FINDINGS = [
  {
    fingerprint: 'CONS-001|icbc|alipay|110000|mpm|offline',
    rule_id: 'CONS-001',
    subjects: ['icbc', 'alipay'],
    city: '110000',
    mode: 'mpm',
    channel: 'offline',
  },
  {
    fingerprint: 'CONS-001|icbc|alipay|440100|mpm|offline',
    rule_id: 'CONS-001',
    subjects: ['icbc', 'alipay'],
    city: '440100',
    mode: 'mpm',
    channel: 'offline',
  },
  {
    fingerprint: 'CONS-001|icbc|alipay|440100|mpm|online',
    rule_id: 'CONS-001',
    subjects: ['icbc', 'alipay'],
    city: '440100',
    mode: 'mpm',
    channel: 'online',
  },
  {
    fingerprint: 'EXCL-002|issuer|alipay|110000|mpm|offline',
    rule_id: 'EXCL-002',
    subjects: ['alipay'],
    city: '110000',
    mode: 'mpm',
    channel: 'offline',
  },
  {
    fingerprint: 'EXCL-002|scanner|alipay|110000|mpm|offline',
    rule_id: 'EXCL-002',
    subjects: ['alipay'],
    city: '110000',
    mode: 'mpm',
    channel: 'offline',
  },
  {
    fingerprint: 'EXCL-001|alipay|A-EX|unionpay',
    rule_id: 'EXCL-001',
    subjects: ['alipay', 'unionpay'],
    city: null,
    mode: null,
    channel: null,
  },
  {
    fingerprint: 'EXCL-001|alipay|A-EX2|unionpay',
    rule_id: 'EXCL-001',
    subjects: ['alipay', 'unionpay'],
    city: null,
    mode: null,
    channel: null,
  },
];

describe('the cases migration', () => {
  it('gives every finding of a database from before it its case (one per rule, subjects, side, mode and channel across cities; one per agreement), keeping every comment', async () => {
    database = openDatabase(':memory:');
    const db = database.db;
    const before = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
    expect((await before.migrateTo('013-audit-file-hash-index')).error).toBeUndefined();
    for (const f of FINDINGS) {
      await sql`insert into findings (fingerprint, rule_id, rule_version, severity, severity_rank, subjects, city, mode, channel, first_period, last_period, periods, holds, status, explanation, explanation_zh, evidence, created_at, updated_at)
        values (${f.fingerprint}, ${f.rule_id}, 1, 'low', 1, ${JSON.stringify(f.subjects)}, ${f.city}, ${f.mode}, ${f.channel}, '2021-02', '2021-02', '[["2021-02","2021-02"]]', 1, 'open', 'x', 'x', '[]', 't', 't')`.execute(
        db,
      );
    }
    await sql`insert into finding_comments (finding_id, at, author, role, institution, text) values (1, 't', 'icbc', 'institution', 'icbc', 'We scan them')`.execute(
      db,
    );

    expect(await migrateToLatest(db)).toEqual(['014-cases']);
    const rows = await db.selectFrom('findings').select(['fingerprint', 'case_id']).orderBy('id').execute();
    const caseOf = new Map(rows.map((r) => [r.fingerprint, r.case_id]));
    expect(rows.map((r) => r.case_id)).toEqual(FINDINGS.map((f) => caseIdOf({ ...f, ruleId: f.rule_id })));
    expect(new Set(rows.map((r) => r.case_id)).size).toBe(6);
    expect(caseOf.get(FINDINGS[0].fingerprint)).toBe(caseOf.get(FINDINGS[1].fingerprint));
    expect(caseOf.get(FINDINGS[3].fingerprint)).not.toBe(caseOf.get(FINDINGS[4].fingerprint));

    expect(await db.selectFrom('finding_comments').selectAll().execute()).toEqual([
      { id: 1, finding_id: 1, case_id: null, at: 't', author: 'icbc', role: 'institution', institution: 'icbc', text: 'We scan them' },
    ]);
    const onCase = {
      finding_id: null,
      case_id: rows[0].case_id,
      at: 't',
      author: 'analyst',
      role: 'analyst',
      institution: null,
      text: 'On the case',
    };
    expect((await db.insertInto('finding_comments').values(onCase).returning('id').executeTakeFirstOrThrow()).id).toBe(2);
    // A comment belongs to a finding or to a case, never to both or neither.
    await expect(
      db
        .insertInto('finding_comments')
        .values({ ...onCase, finding_id: 1 })
        .execute(),
    ).rejects.toThrow(/CHECK/);
    await expect(
      db
        .insertInto('finding_comments')
        .values({ ...onCase, case_id: null })
        .execute(),
    ).rejects.toThrow(/CHECK/);
  });
});
