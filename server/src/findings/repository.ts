// Findings in the database: the merge's candidates and changes, and the reads of the findings API.
import { sql, type Transaction } from 'kysely';
import { appendAudit } from '../audit/repository.js';
import type { Db } from '../db/database.js';
import type { Database, FindingRow } from '../db/schema.js';
import type { Evidence, Severity } from '../rules/rule.js';
import type { Change, HistoryEntry, StoredFinding } from './merge.js';
import { fromRanges, toRanges, type PeriodRange } from './period-ranges.js';
import type { FindingStatus } from './status-machine.js';

export const SEVERITY_RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1 };
const CHUNK = 500;
const INSERT_BATCH = 200;

function toStored(row: Pick<FindingRow, (typeof MERGE_COLUMNS)[number]>): StoredFinding {
  return {
    id: row.id,
    fingerprint: row.fingerprint,
    ruleId: row.rule_id,
    subjects: JSON.parse(row.subjects) as string[],
    ruleVersion: row.rule_version,
    severity: row.severity as Severity,
    status: row.status as FindingStatus,
    holds: row.holds === 1,
    periods: fromRanges(JSON.parse(row.periods) as PeriodRange[]),
    explanation: { en: row.explanation, zh: row.explanation_zh },
    evidence: JSON.parse(row.evidence) as Evidence[],
  };
}

const MERGE_COLUMNS = ['id', 'fingerprint', 'rule_id', 'subjects', 'rule_version', 'severity', 'status', 'holds', 'periods', 'explanation', 'explanation_zh', 'evidence'] as const;

/** Findings of the given rules a run over [from, …] may change: those that hold, that held in or after from, or that it hit. */
export async function mergeCandidates(db: Db, ruleIds: readonly string[], from: string, hitFingerprints: Iterable<string>): Promise<StoredFinding[]> {
  if (ruleIds.length === 0) return [];
  const rows = await db
    .selectFrom('findings')
    .select(MERGE_COLUMNS)
    .where('rule_id', 'in', ruleIds)
    .where((eb) => eb.or([eb('holds', '=', 1), eb('last_period', '>=', from)]))
    .execute();
  const found = new Set(rows.map((r) => r.fingerprint));
  const missing = [...hitFingerprints].filter((f) => !found.has(f));
  for (let i = 0; i < missing.length; i += CHUNK) {
    rows.push(...(await db.selectFrom('findings').select(MERGE_COLUMNS).where('fingerprint', 'in', missing.slice(i, i + CHUNK)).execute()));
  }
  return rows.map(toStored);
}

/** The findings with these ids as the merge sees them (a run re-reads inside its transaction those that changed under it). */
export async function mergeCandidatesById(db: Db, ids: readonly number[]): Promise<StoredFinding[]> {
  const rows: Pick<FindingRow, (typeof MERGE_COLUMNS)[number]>[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) rows.push(...(await db.selectFrom('findings').select(MERGE_COLUMNS).where('id', 'in', ids.slice(i, i + CHUNK)).execute()));
  return rows.map(toStored);
}

function periodColumns(periods: readonly string[]) {
  return {
    periods: JSON.stringify(toRanges(periods)),
    ...(periods.length > 0 ? { first_period: periods[0], last_period: periods.at(-1)! } : {}),
  };
}

async function addHistory(trx: Transaction<Database>, findingId: number, entries: readonly HistoryEntry[], at: string, actor: string): Promise<void> {
  if (entries.length === 0) return;
  await trx
    .insertInto('finding_history')
    .values(entries.map((e) => ({ finding_id: findingId, at, actor, from_status: e.from, to_status: e.to, note: e.note })))
    .execute();
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
  const inserts = changes.filter((c) => c.kind === 'insert');
  for (let i = 0; i < inserts.length; i += INSERT_BATCH) {
    const batch = inserts.slice(i, i + INSERT_BATCH);
    const ids = await trx
      .insertInto('findings')
      .values(
        batch.map(({ fingerprint, ruleId, hit, state }) => ({
          fingerprint,
          rule_id: ruleId,
          rule_version: state.ruleVersion,
          severity: state.severity,
          severity_rank: SEVERITY_RANK[state.severity],
          subjects: JSON.stringify(hit.subjects),
          city: hit.city,
          mode: hit.mode,
          channel: hit.channel,
          first_period: state.periods[0],
          last_period: state.periods.at(-1)!,
          periods: JSON.stringify(toRanges(state.periods)),
          holds: state.holds ? 1 : 0,
          status: state.status,
          explanation: state.explanation.en,
          explanation_zh: state.explanation.zh,
          evidence: JSON.stringify(state.evidence),
          created_at: at,
          updated_at: at,
        })),
      )
      .returning(['id', 'fingerprint'])
      .execute();
    const idOf = new Map(ids.map((r) => [r.fingerprint, r.id]));
    for (const c of batch) result.applied.push({ id: idOf.get(c.fingerprint)!, change: c });
    const subjects = batch.flatMap((c) => [...new Set(c.hit.subjects)].map((institution) => ({ institution, finding_id: idOf.get(c.fingerprint)! })));
    for (let j = 0; j < subjects.length; j += INSERT_BATCH * 2) await trx.insertInto('finding_subjects').values(subjects.slice(j, j + INSERT_BATCH * 2)).execute();
    const history = batch.flatMap((c) => c.history.map((e) => ({ finding_id: idOf.get(c.fingerprint)!, at, actor: 'system', from_status: e.from, to_status: e.to, note: e.note })));
    for (let j = 0; j < history.length; j += INSERT_BATCH * 2) await trx.insertInto('finding_history').values(history.slice(j, j + INSERT_BATCH * 2)).execute();
  }
  for (const change of changes) {
    if (change.kind !== 'update') continue;
    const { state } = change;
    const { numUpdatedRows } = await trx
      .updateTable('findings')
      .set({
        rule_version: state.ruleVersion,
        severity: state.severity,
        severity_rank: SEVERITY_RANK[state.severity],
        ...periodColumns(state.periods),
        holds: state.holds ? 1 : 0,
        status: state.status,
        explanation: state.explanation.en,
        explanation_zh: state.explanation.zh,
        evidence: JSON.stringify(state.evidence),
        updated_at: at,
      })
      .where('id', '=', change.id)
      .where('status', '=', change.storedStatus)
      .executeTakeFirst();
    if (numUpdatedRows === 0n) {
      result.stale.push(change.id);
      continue;
    }
    await addHistory(trx, change.id, change.history, at, 'system');
    result.applied.push({ id: change.id, change });
  }
  return result;
}

/**
 * A person's status change, with its history entry and its audit entry, made only while the finding
 * is still `from` (the status the person decided on): false, and nothing written, when it is not.
 */
export async function setStatus(db: Db, id: number, from: FindingStatus, to: FindingStatus, note: string | null, actor: string, at: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const { numUpdatedRows } = await trx.updateTable('findings').set({ status: to, updated_at: at }).where('id', '=', id).where('status', '=', from).executeTakeFirst();
    if (numUpdatedRows === 0n) return false;
    await trx.insertInto('finding_history').values({ finding_id: id, at, actor, from_status: from, to_status: to, note }).execute();
    await appendAudit(trx, { at, actor, action: 'finding.status', target: `finding:${id}`, details: { from, to, note } });
    return true;
  });
}

export async function countByRuleAndStatus(db: Db): Promise<{ ruleId: string; status: string; n: number }[]> {
  const rows = await db
    .selectFrom('findings')
    .select(['rule_id', 'status', sql<number>`count(*)`.as('n')])
    .groupBy(['rule_id', 'status'])
    .execute();
  return rows.map((r) => ({ ruleId: r.rule_id, status: r.status, n: Number(r.n) }));
}
