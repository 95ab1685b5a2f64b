// Tops the findings up to a count for the list and export measurements, by copying the findings the
// rules made under new fingerprints, straight into a working copy of the database (never the
// generated one): the rules would not make 100,000 findings from a history of this size. A copy
// joins its template's case, as another city of it would.
import type BetterSqlite3 from 'better-sqlite3';

const COPIED = [
  'rule_id',
  'rule_version',
  'severity',
  'severity_rank',
  'subjects',
  'city',
  'mode',
  'channel',
  'first_period',
  'last_period',
  'periods',
  'holds',
  'status',
  'explanation',
  'explanation_zh',
  'evidence',
  'created_at',
  'updated_at',
  'case_id',
];

/** Returns how many findings there are afterwards. */
export function topUpFindings(sqlite: BetterSqlite3.Database, target: number): number {
  const count = () => (sqlite.prepare('select count(*) as n from findings').get() as { n: number }).n;
  const have = count();
  if (have >= target || have === 0) return have;
  const templates = sqlite.prepare(`select fingerprint, ${COPIED.join(', ')} from findings order by id`).all() as Record<
    string,
    string | number | null
  >[];
  const insert = sqlite.prepare(
    `insert into findings (fingerprint, ${COPIED.join(', ')}) values (${['?', ...COPIED.map(() => '?')].join(', ')})`,
  );
  const subject = sqlite.prepare('insert into finding_subjects (institution, finding_id) values (?, ?)');
  sqlite.transaction(() => {
    for (let i = 0; i < target - have; i++) {
      const t = templates[i % templates.length];
      const { lastInsertRowid } = insert.run(`${t.fingerprint}#bench-${i}`, ...COPIED.map((c) => t[c]));
      for (const s of new Set(JSON.parse(String(t.subjects)) as string[])) subject.run(s, lastInsertRowid);
    }
  })();
  return count();
}
