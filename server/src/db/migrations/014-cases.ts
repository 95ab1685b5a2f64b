// Cases: the findings of one rule, one subject set, one mode and one channel, across
// cities. Each finding carries its case's id, so that the cases list groups in SQL (GROUP BY
// case_id) instead of reading every finding; and a comment may belong to a case rather than to one
// finding, so that a case's thread is stored once and shown on each of its findings.
// Frozen here: the case key's form as of this change (findings/case-key.ts makes it for new findings).
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

interface Frozen {
  findings: {
    id: number;
    fingerprint: string;
    rule_id: string;
    subjects: string;
    city: string | null;
    mode: string | null;
    channel: string | null;
  };
}

/**
 * A city finding's fingerprint is `${rule and subjects}|${city}|${mode}|${channel}`: the case key is
 * it without the city. A finding of no city (an agreement, a missing report) is a case of its own.
 */
function caseIdOf(f: Frozen['findings']): string {
  let key = f.fingerprint;
  if (f.city !== null) {
    const scope = `|${f.city}|${f.mode}|${f.channel}`;
    key = f.fingerprint.endsWith(scope)
      ? `${f.fingerprint.slice(0, -scope.length)}|${f.mode}|${f.channel}`
      : `${f.rule_id}|${(JSON.parse(f.subjects) as string[]).join('|')}|${f.mode}|${f.channel}`;
  }
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

const CHUNK = 5_000;

export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as unknown as Kysely<Frozen>;
  await untyped.schema
    .alterTable('findings')
    .addColumn('case_id', 'varchar(16)', (c) => c.notNull().defaultTo(''))
    .execute();
  const rows = await db.selectFrom('findings').select(['id', 'fingerprint', 'rule_id', 'subjects', 'city', 'mode', 'channel']).execute();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const ids = JSON.stringify(rows.slice(i, i + CHUNK).map((f) => [f.id, caseIdOf(f)]));
    await sql`update findings set case_id = c.case_id
      from (select value ->> 0 as id, value ->> 1 as case_id from json_each(${ids})) as c
      where findings.id = c.id`.execute(db);
  }
  // Serves the cases list: its GROUP BY case_id reads every aggregated column from the index alone
  // (worst severity, statuses, cities, periods, last update, rule), and a case's findings by id.
  await sql`create index findings_by_case on findings (case_id, severity_rank, status, city, first_period, last_period, updated_at, rule_id)`.execute(
    db,
  );
  // Serves: a case's most recently updated finding (whose explanation the case shows), one seek a case.
  await sql`create index findings_by_case_update on findings (case_id, updated_at)`.execute(db);

  // A comment belongs to a finding or to a case: finding_id becomes nullable, which SQLite changes
  // only by building the table again.
  await sql`create table finding_comments_new (
      id integer primary key autoincrement,
      finding_id integer references findings (id),
      case_id varchar(16),
      at varchar(30) not null,
      author varchar(64) not null,
      role varchar(20) not null,
      institution varchar(40),
      text text not null,
      check ((finding_id is null) <> (case_id is null))
    )`.execute(db);
  await sql`insert into finding_comments_new (id, finding_id, case_id, at, author, role, institution, text)
    select id, finding_id, null, at, author, role, institution, text from finding_comments`.execute(db);
  await sql`drop table finding_comments`.execute(db);
  await sql`alter table finding_comments_new rename to finding_comments`.execute(db);
  await sql`create index finding_comments_by_finding on finding_comments (finding_id)`.execute(db);
  // Serves: a case's thread, and the case comments shown on each of its findings.
  await sql`create index finding_comments_by_case on finding_comments (case_id)`.execute(db);
}
