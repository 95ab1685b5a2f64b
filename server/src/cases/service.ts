// The cases API's logic: role-scoped lists and reads grouped in SQL, a transition of a case through
// the findings' own status machine, and a case's thread.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AppContext } from '../app-context.js';
import type { CaseDetail, CaseDetailQuery, CaseListQuery, CaseSort, CaseStatusChange, CaseSummary } from '../contract/cases.js';
import type { Comment, FindingFilters, FindingPatch, NewComment } from '../contract/findings.js';
import type { Db } from '../db/database.js';
import type { FindingRow } from '../db/schema.js';
import { CASE_ID } from '../findings/case-key.js';
import { filteredFindings, mayTriage, viewedBy } from '../findings/service.js';
import { allowedTransitions, mayTransition, needsNote, STATUSES, type FindingStatus } from '../findings/status-machine.js';
import { visibleComments } from '../findings/subject-view.js';
import { Forbidden, Invalid, NotFound } from '../domain/errors.js';
import type { Principal } from '../domain/principal.js';
import { FINDING_STATUS_ZH, termZh } from '../text/chinese-terms.js';
import {
  allCaseAggregates,
  caseAggregate,
  caseComments,
  caseDetails,
  insertCaseComment,
  listCaseAggregates,
  moveCaseFindings,
  type CaseAggregate,
  type CaseMove,
  type CaseSortColumn,
  type MatchingFindings,
} from './repository.js';

const SORT_COLUMNS: Record<Exclude<CaseSort, `-${string}`>, CaseSortColumn> = {
  severity: 'severity_rank',
  lastPeriod: 'last_period',
  firstPeriod: 'first_period',
  updatedAt: 'updated_at',
  ruleId: 'rule_id',
  cities: 'city_count',
};

const SEVERITY_OF_RANK: Record<number, CaseSummary['severity']> = { 3: 'high', 2: 'medium', 1: 'low' };

const institutionOf = (principal: Principal) => (principal.role === 'institution' ? principal.institution : null);

const sortOf = (sort: CaseSort) => ({
  column: SORT_COLUMNS[sort.replace(/^-/, '') as keyof typeof SORT_COLUMNS],
  descending: sort.startsWith('-'),
});

export async function listCases(
  ctx: AppContext,
  principal: Principal,
  query: CaseListQuery,
): Promise<{ items: CaseSummary[]; total: number }> {
  const { sort, page, pageSize, ...filters } = query;
  const { rows, total } = await listCaseAggregates(
    ctx.db,
    matchingFindings(ctx.db, principal, filters),
    institutionOf(principal),
    sortOf(sort),
    { page, pageSize },
  );
  return { items: await summaries(ctx.db, principal, rows), total };
}

/**
 * Every case matching the filters, in order, its summaries read `chunkSize` cases at a time (exports):
 * the grouping runs once, and only a chunk's explanations and cities are held at a time.
 */
export async function casesInOrder(
  db: Db,
  principal: Principal,
  filters: FindingFilters,
  sort: CaseSort,
  chunkSize: number,
): Promise<{ ids: string[]; chunks(): AsyncGenerator<CaseSummary[]> }> {
  const rows = await allCaseAggregates(db, matchingFindings(db, principal, filters), institutionOf(principal), sortOf(sort));
  return {
    ids: rows.map((row) => row.case_id),
    async *chunks() {
      for (let i = 0; i < rows.length; i += chunkSize) {
        // Lets other requests in between chunks: better-sqlite3 answers synchronously.
        if (i > 0) await nextTurn();
        yield await summaries(db, principal, rows.slice(i, i + chunkSize));
      }
    },
  };
}

/** The findings the filters select, or null when they select every finding the principal may see. */
function matchingFindings(db: Db, principal: Principal, filters: FindingFilters): MatchingFindings {
  return Object.values(filters).every((value) => value === undefined) ? null : filteredFindings(db, principal, filters);
}

async function summaries(db: Db, principal: Principal, rows: readonly CaseAggregate[]): Promise<CaseSummary[]> {
  const { latest, cities } = await caseDetails(
    db,
    rows.map((r) => r.case_id),
    institutionOf(principal),
  );
  return rows.map((row) => toCaseSummary(principal, row, latest.get(row.case_id)!, cities.get(row.case_id) ?? []));
}

function toCaseSummary(principal: Principal, row: CaseAggregate, latest: FindingRow, cities: string[]): CaseSummary {
  const shown = viewedBy(principal, latest);
  return {
    id: row.case_id,
    ruleId: row.rule_id,
    subjects: shown.subjects,
    mode: shown.mode,
    channel: shown.channel,
    severity: SEVERITY_OF_RANK[row.severity_rank] ?? 'low',
    cities,
    statuses: {
      open: Number(row.open),
      acknowledged: Number(row.acknowledged),
      confirmed: Number(row.confirmed),
      dismissed: Number(row.dismissed),
      resolved: Number(row.resolved),
    },
    findingCount: Number(row.finding_count),
    firstPeriod: row.first_period,
    lastPeriod: row.last_period,
    explanation: shown.explanation,
    explanationZh: shown.explanationZh,
    updatedAt: row.updated_at,
  };
}

/** The case's summary if the principal may see it, else 404 as if it did not exist (a malformed id names none). */
async function visibleCase(ctx: AppContext, principal: Principal, caseId: string): Promise<CaseSummary> {
  const row = CASE_ID.test(caseId) ? await caseAggregate(ctx.db, caseId, institutionOf(principal)) : undefined;
  if (!row)
    throw new NotFound(
      CASE_ID.test(caseId)
        ? { en: `No case ${caseId}.`, zh: `没有案件 ${caseId}。` }
        : {
            en: `No case ${JSON.stringify(caseId.slice(0, 40))}: a case id is 16 lowercase hexadecimal characters, as the cases list gives it.`,
            zh: `没有案件 ${JSON.stringify(caseId.slice(0, 40))}：案件编号为 16 位小写十六进制字符，以案件列表给出的为准。`,
          },
    );
  const [summary] = await summaries(ctx.db, principal, [row]);
  return summary;
}

export async function caseDetail(ctx: AppContext, principal: Principal, caseId: string, query: CaseDetailQuery): Promise<CaseDetail> {
  const summary = await visibleCase(ctx, principal, caseId);
  const ofCase = filteredFindings(ctx.db, principal, { status: query.status }).where('case_id', '=', caseId);
  const [{ n }, rows, comments] = await Promise.all([
    ofCase.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ofCase
      .selectAll()
      .orderBy('city')
      .orderBy('id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    caseComments(ctx.db, caseId),
  ]);
  return {
    ...summary,
    findings: { items: rows.map((row) => viewedBy(principal, row)), total: Number(n) },
    comments: visibleComments(principal, comments).map(toComment),
    allowedTransitions: mayTriage(principal) ? transitionsOf(summary) : [],
  };
}

/** What at least one of the case's findings may become, in the status machine's order. */
function transitionsOf(summary: CaseSummary): FindingStatus[] {
  const next = new Set(STATUSES.filter((s) => summary.statuses[s] > 0).flatMap((s) => allowedTransitions(s)));
  return STATUSES.filter((s) => next.has(s));
}

const toComment = (c: { id: number; at: string; author: string; role: string; institution: string | null; text: string }): Comment => ({
  id: c.id,
  at: c.at,
  author: c.author,
  role: c.role,
  institution: c.institution,
  text: c.text,
});

/**
 * The case whose status the principal may change. The route asks before it reads the body: an
 * institution learns nothing of a case not naming it.
 */
export async function caseToTriage(ctx: AppContext, principal: Principal, caseId: string): Promise<CaseSummary> {
  const summary = await visibleCase(ctx, principal, caseId);
  if (!mayTriage(principal))
    throw new Forbidden({ en: 'Only analysts and admins change a case’s status.', zh: '只有分析员和管理员可以更改案件的状态。' });
  return summary;
}

/**
 * A transition applied to each finding of the case (from caseToTriage) for which the status machine
 * allows it, as if each were changed alone (same body rules as PATCH /findings/:id).
 */
export async function changeCaseStatus(
  ctx: AppContext,
  principal: Principal,
  { id: caseId }: CaseSummary,
  { status: to, note }: FindingPatch,
): Promise<CaseStatusChange> {
  if (needsNote(to) && !note)
    throw new Invalid([
      {
        code: 'NOTE_REQUIRED',
        message: `setting a case ${to} needs a note saying why`,
        messageZh: `将案件改为${termZh(FINDING_STATUS_ZH, to)}需要附上说明理由`,
        path: '$.note',
      },
    ]);
  const unchanged: CaseStatusChange['unchanged'] = [];
  const moves = await moveCaseFindings(
    ctx.db,
    caseId,
    (findings) => {
      unchanged.length = 0;
      const moving: CaseMove[] = [];
      for (const { id, status } of findings) {
        if (status === to) unchanged.push({ id, reason: 'SAME_STATUS' });
        else if (!mayTransition(status, to)) unchanged.push({ id, reason: 'ILLEGAL_TRANSITION' });
        else moving.push({ id, from: status });
      }
      return moving;
    },
    { to, note: note || null, actor: principal.username, at: ctx.now().toISOString() },
  );
  return { moved: moves.length, unchanged };
}

/** The case the principal may comment on, asked before the body is read (as caseToTriage). */
export async function caseToComment(ctx: AppContext, principal: Principal, caseId: string): Promise<CaseSummary> {
  if (principal.role === 'auditor')
    throw new Forbidden({ en: 'Auditors read cases; they do not comment.', zh: '审计员只能阅读案件，不能评论。' });
  return visibleCase(ctx, principal, caseId);
}

/** A comment on the case (from caseToComment), stored once and shown on each of its findings. */
export async function addCaseComment(
  ctx: AppContext,
  principal: Principal,
  { id: caseId, findingCount: findings }: CaseSummary,
  { text }: NewComment,
): Promise<{ comment: Comment; findings: number }> {
  const values = {
    at: ctx.now().toISOString(),
    author: principal.username,
    role: principal.role,
    institution: principal.institution,
    text,
  };
  const id = await insertCaseComment(ctx.db, caseId, values, findings);
  return { comment: { id, ...values }, findings };
}
