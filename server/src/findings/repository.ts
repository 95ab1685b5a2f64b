// Findings in the database: the merge's candidates and changes, and the reads of the findings API.
import { sql, type Compilable, type ExpressionBuilder, type Transaction } from 'kysely';
import { appendAudit } from '../audit/repository.js';
import { rawRows, runEach, type Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { Evidence, Severity } from '../rules/rule.js';
import type { Channel, Mode } from '../state/period-state.js';
import type { Change, HistoryEntry, StoredFinding } from './merge.js';
import { caseIdOf } from './case-key.js';
import { fromRanges, toRanges, type PeriodRange } from './period-ranges.js';
import type { FindingStatus } from './status-machine.js';

export const SEVERITY_RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1 };
const CHUNK = 500;

const MERGE_COLUMNS = [
  'id',
  'fingerprint',
  'rule_id',
  'subjects',
  'rule_version',
  'severity',
  'status',
  'holds',
  'periods',
  'first_period',
  'explanation',
  'explanation_zh',
  'subject_explanation',
  'subject_explanation_zh',
  'evidence',
] as const;

/** A finding as the merge reads it: MERGE_COLUMNS' values, in that order. */
type MergeRow = [
  id: number,
  fingerprint: string,
  ruleId: string,
  subjects: string,
  ruleVersion: number,
  severity: string,
  status: string,
  holds: number,
  periods: string,
  firstPeriod: string,
  explanation: string,
  explanationZh: string,
  subjectExplanation: string | null,
  subjectExplanationZh: string | null,
  evidence: string,
];

/** Read as arrays (rawRows): a national run reads ~30,000 of them, and objects took a third longer. */
async function mergeRows(db: Db, query: Compilable): Promise<MergeRow[]> {
  return (await rawRows(db, query)) as MergeRow[];
}

function toStored([
  id,
  fingerprint,
  ruleId,
  subjects,
  ruleVersion,
  severity,
  status,
  holds,
  periods,
  firstPeriod,
  explanation,
  explanationZh,
  subjectExplanation,
  subjectExplanationZh,
  evidence,
]: MergeRow): StoredFinding {
  return {
    id,
    fingerprint,
    ruleId,
    subjects: JSON.parse(subjects) as string[],
    ruleVersion,
    severity: severity as Severity,
    status: status as FindingStatus,
    holds: holds === 1,
    periods: fromRanges(JSON.parse(periods) as PeriodRange[]),
    firstPeriod,
    explanation: { en: explanation, zh: explanationZh },
    subjectExplanation: subjectExplanation === null ? null : { en: subjectExplanation, zh: subjectExplanationZh ?? subjectExplanation },
    evidence: JSON.parse(evidence) as Evidence[],
  };
}

/** Findings of the given rules that hold, or held in or after `from`: those a run over [from, …] may change without hitting them. */
function mayChange(ruleIds: readonly string[], from: string) {
  return (eb: ExpressionBuilder<Database, 'findings'>) =>
    eb.and([eb('rule_id', 'in', ruleIds), eb.or([eb('holds', '=', 1), eb('last_period', '>=', from)])]);
}

/**
 * Findings of the given rules a run over [from, …] may change: those that hold, that held in or
 * after from, or that it hit. With `cities`, only findings of those cities or of none (a run that
 * evaluated those cities only).
 */
export async function mergeCandidates(
  db: Db,
  ruleIds: readonly string[],
  from: string,
  hitFingerprints: Iterable<string>,
  cities?: ReadonlySet<string>,
): Promise<StoredFinding[]> {
  if (ruleIds.length === 0) return [];
  let query = db.selectFrom('findings').select(MERGE_COLUMNS).where(mayChange(ruleIds, from));
  if (cities)
    query = query.where((eb) =>
      cities.size > 0 ? eb.or([eb('city', 'is', null), eb('city', 'in', [...cities])]) : eb('city', 'is', null),
    );
  const rows = await mergeRows(db, query);
  const found = new Set(rows.map((r) => r[1]));
  const missing = [...hitFingerprints].filter((f) => !found.has(f));
  // Most hits not read above are new (a big report's run has tens of thousands): one query says
  // which are stored at all, and only the batches holding one of those are read.
  const stored = await storedFingerprints(db, missing);
  for (let i = 0; i < missing.length; i += CHUNK) {
    const batch = missing.slice(i, i + CHUNK).filter((f) => stored.has(f));
    if (batch.length > 0)
      rows.push(...(await mergeRows(db, db.selectFrom('findings').select(MERGE_COLUMNS).where('fingerprint', 'in', batch))));
  }
  return rows.map(toStored);
}

/** A finding of one city, mode and channel, as the merge reads it. */
export interface StoredCityFinding extends StoredFinding {
  city: string;
  mode: Mode;
  channel: Channel;
}

/**
 * The findings of a city that a run over [from, …] may change (as mergeCandidates) whose evidence
 * names a row of the report: those a corrected report's run moves to the new version's rows.
 */
export async function cityFindingsCiting(db: Db, ruleIds: readonly string[], from: string, reportId: number): Promise<StoredCityFinding[]> {
  if (ruleIds.length === 0) return [];
  const query = db
    .selectFrom('findings')
    .select([...MERGE_COLUMNS, 'city', 'mode', 'channel'])
    .where(mayChange(ruleIds, from))
    .where('city', 'is not', null)
    // (PostgreSQL: jsonb_array_elements.)
    .where(sql<boolean>`exists (select 1 from json_each(findings.evidence) as e where e.value ->> 'reportId' = ${reportId})`);
  return (await rawRows(db, query)).map((row) => {
    const [city, mode, channel] = row.slice(MERGE_COLUMNS.length) as [string, Mode, Channel];
    return { ...toStored(row.slice(0, MERGE_COLUMNS.length) as MergeRow), city, mode, channel };
  });
}

/** Which of these fingerprints have a finding, in one statement however many there are. */
async function storedFingerprints(db: Db, fingerprints: readonly string[]): Promise<Set<string>> {
  if (fingerprints.length === 0) return new Set();
  const rows = await db
    .selectFrom('findings')
    .select('fingerprint')
    .where('fingerprint', 'in', sql<string>`(select value from json_each(${JSON.stringify(fingerprints)}))`)
    .execute();
  return new Set(rows.map((r) => r.fingerprint));
}

/** The findings with these ids as the merge sees them (a run re-reads inside its transaction those that changed under it). */
export async function mergeCandidatesById(db: Db, ids: readonly number[]): Promise<StoredFinding[]> {
  const rows: MergeRow[] = [];
  for (let i = 0; i < ids.length; i += CHUNK)
    rows.push(
      ...(await mergeRows(
        db,
        db
          .selectFrom('findings')
          .select(MERGE_COLUMNS)
          .where('id', 'in', ids.slice(i, i + CHUNK)),
      )),
    );
  return rows.map(toStored);
}

/**
 * Updates travel as one JSON parameter unpacked by SQLite (json_each) and applied by one UPDATE …
 * FROM; inserts run one prepared statement per row (runEach), which costs about half of unpacking
 * the same rows from JSON: a run after a big report writes tens of thousands of findings.
 */
const JSON_CHUNK = 5_000;

type Insert = Extract<Change, { kind: 'insert' }>;
type Update = Extract<Change, { kind: 'update' }>;

const INSERT_FINDING = `insert into findings
    (fingerprint, rule_id, rule_version, severity, severity_rank, subjects, city, mode, channel, first_period, last_period,
     periods, holds, status, explanation, explanation_zh, subject_explanation, subject_explanation_zh, evidence, created_at, updated_at, case_id)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** New findings with their subjects and history; returns each one's id, in the order given. */
async function insertFindings(trx: Transaction<Database>, inserts: readonly Insert[], at: string): Promise<number[]> {
  const ids = await runEach(
    trx,
    INSERT_FINDING,
    inserts.map(({ fingerprint, ruleId, hit, state }) => [
      fingerprint,
      ruleId,
      state.ruleVersion,
      state.severity,
      SEVERITY_RANK[state.severity],
      JSON.stringify(hit.subjects),
      hit.city ?? null,
      hit.mode ?? null,
      hit.channel ?? null,
      state.firstPeriod,
      state.periods.at(-1) ?? null,
      JSON.stringify(toRanges(state.periods)),
      state.holds ? 1 : 0,
      state.status,
      state.explanation.en,
      state.explanation.zh,
      state.subjectExplanation?.en ?? null,
      state.subjectExplanation?.zh ?? null,
      JSON.stringify(state.evidence),
      at,
      at,
      caseIdOf({
        fingerprint,
        ruleId,
        subjects: hit.subjects,
        city: hit.city ?? null,
        mode: hit.mode ?? null,
        channel: hit.channel ?? null,
      }),
    ]),
  );
  const subjects = inserts.flatMap((c, i) => [...new Set(c.hit.subjects)].map((institution) => [institution, ids[i]]));
  await runEach(trx, 'insert into finding_subjects (institution, finding_id) values (?, ?)', subjects);
  await addHistory(
    trx,
    inserts.flatMap((c, i) => c.history.map((entry) => ({ findingId: ids[i], entry }))),
    at,
    'system',
  );
  return ids;
}

/** Updates written only where the finding still has the status the merge read; returns the ids written. */
async function updateFindings(trx: Transaction<Database>, updates: readonly Update[], at: string): Promise<Set<number>> {
  const written = new Set<number>();
  for (let i = 0; i < updates.length; i += JSON_CHUNK) {
    const rows = JSON.stringify(
      updates.slice(i, i + JSON_CHUNK).map(({ id, storedStatus, state }) => [
        id,
        storedStatus,
        state.ruleVersion,
        state.severity,
        SEVERITY_RANK[state.severity],
        // No periods left: last period keeps what it was (coalesce below); the merge keeps the first.
        JSON.stringify(toRanges(state.periods)),
        state.firstPeriod,
        state.periods.at(-1) ?? null,
        state.holds ? 1 : 0,
        state.status,
        state.explanation.en,
        state.explanation.zh,
        JSON.stringify(state.evidence),
        state.subjectExplanation?.en ?? null,
        state.subjectExplanation?.zh ?? null,
      ]),
    );
    const { rows: ids } = await sql<{ id: number }>`update findings set
        rule_version = c.rule_version, severity = c.severity, severity_rank = c.severity_rank, periods = c.periods,
        first_period = coalesce(c.first_period, findings.first_period), last_period = coalesce(c.last_period, findings.last_period),
        holds = c.holds, status = c.status, explanation = c.explanation, explanation_zh = c.explanation_zh, evidence = c.evidence,
        subject_explanation = c.subject_explanation, subject_explanation_zh = c.subject_explanation_zh,
        updated_at = ${at}
      from (select value ->> 0 as id, value ->> 1 as stored_status, value ->> 2 as rule_version, value ->> 3 as severity,
          value ->> 4 as severity_rank, value ->> 5 as periods, value ->> 6 as first_period, value ->> 7 as last_period,
          value ->> 8 as holds, value ->> 9 as status, value ->> 10 as explanation, value ->> 11 as explanation_zh, value ->> 12 as evidence,
          value ->> 13 as subject_explanation, value ->> 14 as subject_explanation_zh
        from json_each(${rows})) as c
      where findings.id = c.id and findings.status = c.stored_status
      returning findings.id`.execute(trx);
    for (const r of ids) written.add(r.id);
  }
  return written;
}

async function addHistory(
  trx: Transaction<Database>,
  entries: readonly { findingId: number; entry: HistoryEntry }[],
  at: string,
  actor: string,
): Promise<void> {
  await runEach(
    trx,
    'insert into finding_history (finding_id, at, actor, from_status, to_status, note) values (?, ?, ?, ?, ?, ?)',
    entries.map(({ findingId, entry }) => [findingId, at, actor, entry.from, entry.to, entry.note]),
  );
}

export interface AppliedChanges {
  /** The changes written, each with its finding's id (new for an insert). */
  applied: { id: number; change: Change }[];
  /** Findings whose status changed since the merge read it: their updates were not written. */
  stale: number[];
}

/**
 * Applies a merge's changes; the caller holds the transaction. An update is written only while the
 * finding still has the status the merge read, so that a person's change made since (a dismissal,
 * say) is never overwritten by a decision taken on the status before it.
 */
export async function applyChanges(trx: Transaction<Database>, changes: readonly Change[], at: string): Promise<AppliedChanges> {
  const result: AppliedChanges = { applied: [], stale: [] };
  const inserts = changes.filter((c): c is Insert => c.kind === 'insert');
  const ids = await insertFindings(trx, inserts, at);
  inserts.forEach((c, i) => result.applied.push({ id: ids[i], change: c }));
  const updates = changes.filter((c): c is Update => c.kind === 'update');
  const written = await updateFindings(trx, updates, at);
  for (const c of updates) {
    if (written.has(c.id)) result.applied.push({ id: c.id, change: c });
    else result.stale.push(c.id);
  }
  await addHistory(
    trx,
    updates.filter((c) => written.has(c.id)).flatMap((c) => c.history.map((entry) => ({ findingId: c.id, entry }))),
    at,
    'system',
  );
  return result;
}

/**
 * A person's status change, with its history entry and its audit entry, made only while the finding
 * is still `from` (the status the person decided on): false, and nothing written, when it is not.
 */
export async function setStatus(
  db: Db,
  id: number,
  from: FindingStatus,
  to: FindingStatus,
  note: string | null,
  actor: string,
  at: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await moveStatus(trx, id, from, to, note, actor, at))) return false;
    await appendAudit(trx, { at, actor, action: 'finding.status', target: `finding:${id}`, details: { from, to, note } });
    return true;
  });
}

/**
 * A person's status change of one finding with its history entry, in the caller's transaction (which
 * writes the audit entry), made only while the finding is still `from`: false, and nothing written, when it is not.
 */
export async function moveStatus(
  trx: Transaction<Database>,
  id: number,
  from: FindingStatus,
  to: FindingStatus,
  note: string | null,
  actor: string,
  at: string,
): Promise<boolean> {
  const { numUpdatedRows } = await trx
    .updateTable('findings')
    .set({ status: to, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  if (numUpdatedRows === 0n) return false;
  await trx.insertInto('finding_history').values({ finding_id: id, at, actor, from_status: from, to_status: to, note }).execute();
  return true;
}

export async function countByRuleAndStatus(db: Db): Promise<{ ruleId: string; status: string; n: number }[]> {
  const rows = await db
    .selectFrom('findings')
    .select(['rule_id', 'status', sql<number>`count(*)`.as('n')])
    .groupBy(['rule_id', 'status'])
    .execute();
  return rows.map((r) => ({ ruleId: r.rule_id, status: r.status, n: Number(r.n) }));
}
