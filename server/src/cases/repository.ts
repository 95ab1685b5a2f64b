// Cases in the database: findings grouped by case_id in SQL (never every finding read into the
// server), a case's thread, and a transition of its findings in one transaction.
import { sql, type ExpressionBuilder, type SelectQueryBuilder, type Transaction } from 'kysely';
import { appendAudit } from '../audit/repository.js';
import type { Db } from '../db/database.js';
import type { Database, FindingRow } from '../db/schema.js';
import { moveStatus } from '../findings/repository.js';
import { STATUSES, type FindingStatus } from '../findings/status-machine.js';

/** A case as the list groups it: the figures of all its findings the caller may see. */
export interface CaseAggregate {
  case_id: string;
  rule_id: string;
  severity_rank: number;
  city_count: number;
  finding_count: number;
  first_period: string;
  last_period: string;
  updated_at: string;
  open: number;
  acknowledged: number;
  confirmed: number;
  dismissed: number;
  resolved: number;
}

export type CaseSortColumn = 'severity_rank' | 'last_period' | 'first_period' | 'updated_at' | 'rule_id' | 'city_count';

/** The findings of a case an institution may see (those naming it); everyone else sees them all. */
function visibleTo(institution: string | null) {
  return (eb: ExpressionBuilder<Database, 'findings'>) =>
    institution === null
      ? sql<boolean>`1`
      : eb('findings.id', 'in', eb.selectFrom('finding_subjects').select('finding_id').where('institution', '=', institution));
}

/** Every aggregated column is in the index findings_by_case: the GROUP BY reads no finding's row. */
function aggregated(db: Db, institution: string | null) {
  return db
    .selectFrom('findings')
    .where(visibleTo(institution))
    .select((eb) => [
      'case_id',
      eb.fn.min('rule_id').as('rule_id'),
      eb.fn.max('severity_rank').as('severity_rank'),
      sql<number>`count(distinct city)`.as('city_count'),
      eb.fn.countAll<number>().as('finding_count'),
      eb.fn.min('first_period').as('first_period'),
      eb.fn.max('last_period').as('last_period'),
      eb.fn.max('updated_at').as('updated_at'),
      ...STATUSES.map((status) => sql<number>`sum(status = ${status})`.as(status)),
    ])
    .groupBy('case_id');
}

/**
 * The findings whose cases are listed; null: every finding the caller may see, which spares the
 * list a pass over all findings to collect their cases (a third of its time at 100,000 findings).
 */
export type MatchingFindings = SelectQueryBuilder<Database, 'findings', object> | null;

/**
 * A page of the cases having at least one finding among `matching`, each described by all its
 * findings the caller may see, and how many such cases there are.
 */
export async function listCaseAggregates(
  db: Db,
  matching: MatchingFindings,
  institution: string | null,
  sort: { column: CaseSortColumn; descending: boolean },
  paging: { page: number; pageSize: number },
): Promise<{ rows: CaseAggregate[]; total: number }> {
  const { n } = matching
    ? await db
        .selectFrom(matching.select('case_id').distinct().as('m'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    : await db
        .selectFrom('findings')
        .where(visibleTo(institution))
        .select(sql<number>`count(distinct case_id)`.as('n'))
        .executeTakeFirstOrThrow();
  const rows = await orderedCaseAggregates(db, matching, institution, sort)
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute();
  return { rows, total: Number(n) };
}

/** Every case having a finding among `matching`, in order (exports: a few small columns a case, read at once). */
export async function allCaseAggregates(
  db: Db,
  matching: MatchingFindings,
  institution: string | null,
  sort: { column: CaseSortColumn; descending: boolean },
): Promise<CaseAggregate[]> {
  return await orderedCaseAggregates(db, matching, institution, sort).execute();
}

function orderedCaseAggregates(
  db: Db,
  matching: MatchingFindings,
  institution: string | null,
  sort: { column: CaseSortColumn; descending: boolean },
) {
  const direction = sort.descending ? 'desc' : 'asc';
  return aggregated(db, institution)
    .$if(matching !== null, (q) => q.where('case_id', 'in', matching!.select('case_id').distinct()))
    .orderBy(sort.column, direction)
    .orderBy('case_id', direction);
}

/** One case's aggregate, or undefined when the caller may see none of its findings. */
export async function caseAggregate(db: Db, caseId: string, institution: string | null): Promise<CaseAggregate | undefined> {
  return await aggregated(db, institution).where('case_id', '=', caseId).executeTakeFirst();
}

/**
 * For each case, its most recently updated finding (the one whose explanation, subjects, mode and
 * channel it shows) and its cities, sorted: read for one page of cases only.
 */
export async function caseDetails(
  db: Db,
  caseIds: readonly string[],
  institution: string | null,
): Promise<{ latest: Map<string, FindingRow>; cities: Map<string, string[]> }> {
  const latest = new Map<string, FindingRow>();
  const cities = new Map<string, string[]>(caseIds.map((id) => [id, []]));
  if (caseIds.length === 0) return { latest, cities };
  // One index seek a case (findings_by_case_update); only the chosen rows are read whole.
  const latestIds = db
    .selectFrom(sql<{ case_id: string }>`(select value as case_id from json_each(${JSON.stringify(caseIds)}))`.as('c'))
    .select((eb) =>
      eb
        .selectFrom('findings')
        .select('findings.id')
        .whereRef('findings.case_id', '=', 'c.case_id')
        .where(visibleTo(institution))
        .orderBy('findings.updated_at', 'desc')
        .orderBy('findings.id', 'desc')
        .limit(1)
        .as('id'),
    );
  const [rows, cityRows] = await Promise.all([
    db.selectFrom('findings').selectAll().where('id', 'in', latestIds).execute(),
    db
      .selectFrom('findings')
      .select(['case_id', 'city'])
      .distinct()
      .where('case_id', 'in', caseIds)
      .where('city', 'is not', null)
      .where(visibleTo(institution))
      .orderBy('case_id')
      .orderBy('city')
      .execute(),
  ]);
  for (const row of rows) latest.set(row.case_id, row);
  for (const { case_id, city } of cityRows) cities.get(case_id)?.push(city!);
  return { latest, cities };
}

/** The case's thread, oldest first. */
export function caseComments(db: Db, caseId: string) {
  return db.selectFrom('finding_comments').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

/** The threads of the given cases (exports by case), each oldest first. */
export async function threadsOfCases(db: Db, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('finding_comments')
    .select(['case_id', 'at', 'author', 'institution', 'text'])
    .where('case_id', 'in', caseIds)
    .orderBy('case_id')
    .orderBy('id')
    .$narrowType<{ case_id: string }>()
    .execute();
}

export interface NewCaseComment {
  at: string;
  author: string;
  role: string;
  institution: string | null;
  text: string;
}

/** A comment on a case, stored once (it shows on each of the case's findings), audited once. */
export async function insertCaseComment(db: Db, caseId: string, comment: NewCaseComment, findings: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('finding_comments')
      .values({ ...comment, finding_id: null, case_id: caseId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      at: comment.at,
      actor: comment.author,
      action: 'finding.comment',
      target: `case:${caseId}`,
      details: { commentId: id, text: comment.text, findings },
    });
    return id;
  });
}

export interface CaseMove {
  id: number;
  from: FindingStatus;
}

/**
 * A person's transition of a case: `choose` decides, on the statuses read inside the transaction,
 * which findings move; each moved finding gets its history entry as if changed alone, and the case
 * one audit entry. All or nothing: a failure on any finding rolls every one back.
 */
export async function moveCaseFindings(
  db: Db,
  caseId: string,
  choose: (findings: { id: number; status: FindingStatus }[]) => CaseMove[],
  change: { to: FindingStatus; note: string | null; actor: string; at: string },
): Promise<CaseMove[]> {
  return db.transaction().execute(async (trx: Transaction<Database>) => {
    const findings = await trx.selectFrom('findings').select(['id', 'status']).where('case_id', '=', caseId).orderBy('id').execute();
    const moves = choose(findings.map((f) => ({ id: f.id, status: f.status as FindingStatus })));
    for (const { id, from } of moves) {
      // Read in this transaction, which holds the write lock: nothing can have changed it since.
      if (!(await moveStatus(trx, id, from, change.to, change.note, change.actor, change.at)))
        throw new Error(`finding ${id} changed inside the case's transaction`);
    }
    if (moves.length > 0) {
      await appendAudit(trx, {
        at: change.at,
        actor: change.actor,
        action: 'finding.status',
        target: `case:${caseId}`,
        details: { to: change.to, note: change.note, statusChanges: moves.map((m) => [m.id, m.from, change.to]) },
      });
    }
    return moves;
  });
}
