// The findings API's logic: role-scoped reads, the status machine, comments.
import { sql } from 'kysely';
import type { AppContext } from '../app-context.js';
import { appendAudit } from '../audit/repository.js';
import type { Finding, FindingFilters, FindingPatch, FindingSummary, NewComment } from '../contract/findings.js';
import type { FindingRow } from '../db/schema.js';
import type { Db } from '../db/database.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../domain/errors.js';
import type { Principal } from '../domain/principal.js';
import { FINDING_STATUS_ZH, termZh } from '../text/chinese-terms.js';
import type { PeriodRange } from './period-ranges.js';
import { setStatus } from './repository.js';
import { visibleComments, visibleEvidence, visibleExplanation, visibleNote } from './subject-view.js';
import { noteZh } from './system-notes.js';
import { allowedTransitions, mayTransition, needsNote, type FindingStatus } from './status-machine.js';

export const SORT_COLUMNS = {
  severity: 'severity_rank',
  lastPeriod: 'last_period',
  firstPeriod: 'first_period',
  updatedAt: 'updated_at',
  ruleId: 'rule_id',
  city: 'city',
  status: 'status',
  id: 'id',
} as const;

export function toFindingSummary(row: FindingRow): FindingSummary {
  return {
    id: row.id,
    fingerprint: row.fingerprint,
    ruleId: row.rule_id,
    ruleVersion: row.rule_version,
    severity: row.severity as FindingSummary['severity'],
    subjects: JSON.parse(row.subjects) as FindingSummary['subjects'],
    city: row.city,
    mode: row.mode as FindingSummary['mode'],
    channel: row.channel as FindingSummary['channel'],
    firstPeriod: row.first_period,
    lastPeriod: row.last_period,
    periods: JSON.parse(row.periods) as PeriodRange[],
    holds: row.holds === 1,
    status: row.status as FindingStatus,
    caseId: row.case_id,
    explanation: row.explanation,
    explanationZh: row.explanation_zh,
    evidence: JSON.parse(row.evidence) as FindingSummary['evidence'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The findings a principal may see that match the filters (institutions: only those naming them). */
export function filteredFindings(db: Db, principal: Principal, f: FindingFilters) {
  let q = db.selectFrom('findings');
  const subjectOf = (institution: string) =>
    q.where('id', 'in', db.selectFrom('finding_subjects').select('finding_id').where('institution', '=', institution));
  if (principal.role === 'institution') q = subjectOf(principal.institution!);
  if (f.institution) q = subjectOf(f.institution);
  if (f.status) q = q.where('status', 'in', f.status);
  if (f.severity) q = q.where('severity', 'in', f.severity);
  if (f.rule) q = q.where('rule_id', 'in', f.rule);
  if (f.city) q = q.where('city', '=', f.city);
  if (f.period) {
    // Inside one of the finding's ranges, not only between its first and last period: a finding
    // with a gap at that period did not hold in it.
    q = q
      .where('first_period', '<=', f.period)
      .where('last_period', '>=', f.period)
      .where(
        sql<boolean>`exists (select 1 from json_each(findings.periods) as r where json_extract(r.value, '$[0]') <= ${f.period} and json_extract(r.value, '$[1]') >= ${f.period})`,
      );
  }
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // An institution searches what it may read: else a search for "(5 bps)" would tell it the fee
    // the explanation for subjects leaves out.
    const [en, zh] =
      principal.role === 'institution'
        ? [sql`coalesce(subject_explanation, explanation)`, sql`coalesce(subject_explanation_zh, explanation_zh)`]
        : [sql`explanation`, sql`explanation_zh`];
    q = q.where((eb) =>
      eb.or([
        eb(en, 'like', sql`${like} escape '\\'`),
        eb(zh, 'like', sql`${like} escape '\\'`),
        eb(sql`fingerprint`, 'like', sql`${like} escape '\\'`),
      ]),
    );
  }
  return q;
}

export async function listFindings(
  ctx: AppContext,
  principal: Principal,
  query: FindingFilters & { sort: string; page: number; pageSize: number },
) {
  const base = filteredFindings(ctx.db, principal, query);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const descending = query.sort.startsWith('-');
  const column = SORT_COLUMNS[query.sort.replace(/^-/, '') as keyof typeof SORT_COLUMNS];
  const rows = await base
    .selectAll()
    .orderBy(column, descending ? 'desc' : 'asc')
    .orderBy('id', descending ? 'desc' : 'asc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map((row) => viewedBy(principal, row)), total: Number(n) };
}

/** A finding as the principal may read it: a subject institution sees its own evidence and the explanation written for subjects. */
export function viewedBy(principal: Principal, row: FindingRow): FindingSummary {
  const finding = toFindingSummary(row);
  const forSubjects =
    row.subject_explanation === null
      ? null
      : { explanation: row.subject_explanation, explanationZh: row.subject_explanation_zh ?? row.subject_explanation };
  return {
    ...finding,
    ...visibleExplanation(
      principal,
      finding.evidence,
      { explanation: finding.explanation, explanationZh: finding.explanationZh },
      forSubjects,
    ),
    evidence: visibleEvidence(principal, finding.evidence),
  };
}

/** A finding the principal may see, or 404 as if it did not exist. */
async function visibleFinding(ctx: AppContext, principal: Principal, id: number): Promise<FindingRow> {
  const row = Number.isSafeInteger(id)
    ? await ctx.db.selectFrom('findings').selectAll().where('id', '=', id).executeTakeFirst()
    : undefined;
  if (!row) throw new NotFound({ en: `No finding ${id}.`, zh: `没有发现 ${id}。` });
  if (principal.role === 'institution' && !(JSON.parse(row.subjects) as string[]).includes(principal.institution!))
    throw new NotFound({ en: `No finding ${id}.`, zh: `没有发现 ${id}。` });
  return row;
}

export const mayTriage = (p: Principal) => p.role === 'analyst' || p.role === 'admin';

export async function findingDetail(ctx: AppContext, principal: Principal, id: number): Promise<Finding> {
  const row = await visibleFinding(ctx, principal, id);
  const [history, comments] = await Promise.all([
    ctx.db.selectFrom('finding_history').selectAll().where('finding_id', '=', row.id).orderBy('id').execute(),
    // Its own comments and its case's thread, stored once for all the case's findings.
    ctx.db
      .selectFrom('finding_comments')
      .selectAll()
      .where((eb) => eb.or([eb('finding_id', '=', row.id), eb('case_id', '=', row.case_id)]))
      .orderBy('id')
      .execute(),
  ]);
  return {
    ...viewedBy(principal, row),
    history: history.map((h) => {
      const note = visibleNote(principal, h.actor, h.note);
      return {
        at: h.at,
        actor: h.actor,
        from: h.from_status as FindingStatus | null,
        to: h.to_status as FindingStatus,
        note,
        noteZh: noteZh(h.actor, note),
      };
    }),
    comments: visibleComments(principal, comments).map((c) => ({
      id: c.id,
      at: c.at,
      author: c.author,
      role: c.role,
      institution: c.institution,
      text: c.text,
    })),
    allowedTransitions: mayTriage(principal) ? [...allowedTransitions(row.status as FindingStatus)] : [],
  };
}

/**
 * The finding whose status the principal may change. The route asks before it reads the body: an
 * institution learns nothing about a finding that does not name it (404, not 403), and a refused
 * caller gets the refusal, not validation details.
 */
export async function findingToTriage(ctx: AppContext, principal: Principal, id: number): Promise<FindingRow> {
  const row = await visibleFinding(ctx, principal, id);
  if (!mayTriage(principal))
    throw new Forbidden({ en: 'Only analysts and admins change a finding’s status.', zh: '只有分析员和管理员可以更改发现的状态。' });
  return row;
}

/** Moves a finding (from findingToTriage) through the status machine. */
export async function changeStatus(
  ctx: AppContext,
  principal: Principal,
  row: FindingRow,
  { status: to, note }: FindingPatch,
): Promise<Finding> {
  const from = row.status as FindingStatus;
  if (!mayTransition(from, to)) {
    const allowed = allowedTransitions(from);
    const zh = (status: string) => termZh(FINDING_STATUS_ZH, status);
    throw new Conflict(
      {
        en: `A finding that is ${from} cannot become ${to}${allowed.length ? `; it can become ${allowed.join(' or ')}` : ''}.`,
        zh: `${zh(from)}的发现不能改为${zh(to)}${allowed.length ? `；可改为${allowed.map(zh).join('或')}` : ''}。`,
      },
      'ILLEGAL_TRANSITION',
    );
  }
  if (needsNote(to) && !note) {
    throw new Invalid([
      {
        code: 'NOTE_REQUIRED',
        message: `setting a finding ${to} needs a note saying why`,
        messageZh: `将发现改为${termZh(FINDING_STATUS_ZH, to)}需要附上说明理由`,
        path: '$.note',
      },
    ]);
  }
  // The status was read outside the write: if someone (or a rule run) changed it since, the person
  // decided on a status the finding no longer has.
  if (!(await setStatus(ctx.db, row.id, from, to, note || null, principal.username, ctx.now().toISOString()))) {
    throw new Conflict(
      {
        en: `Finding ${row.id} is no longer ${from}: its status changed meanwhile. Reload it and decide again.`,
        zh: `发现 ${row.id} 已不再是${termZh(FINDING_STATUS_ZH, from)}：其状态已被更改。请重新加载后再决定。`,
      },
      'STATUS_CHANGED',
    );
  }
  return findingDetail(ctx, principal, row.id);
}

/** The finding the principal may comment on, asked before the body is read (as findingToTriage). */
export async function findingToComment(ctx: AppContext, principal: Principal, id: number): Promise<FindingRow> {
  if (principal.role === 'auditor')
    throw new Forbidden({ en: 'Auditors read findings; they do not comment.', zh: '审计员只能阅读发现，不能评论。' });
  return visibleFinding(ctx, principal, id);
}

export async function addComment(ctx: AppContext, principal: Principal, row: FindingRow, { text }: NewComment) {
  const values = {
    finding_id: row.id,
    at: ctx.now().toISOString(),
    author: principal.username,
    role: principal.role,
    institution: principal.institution,
    text,
  };
  const commentId = await ctx.db.transaction().execute(async (trx) => {
    const { id: inserted } = await trx.insertInto('finding_comments').values(values).returning('id').executeTakeFirstOrThrow();
    await appendAudit(trx, {
      at: values.at,
      actor: values.author,
      action: 'finding.comment',
      target: `finding:${row.id}`,
      details: { commentId: inserted, text },
    });
    return inserted;
  });
  return { id: commentId, at: values.at, author: values.author, role: values.role, institution: values.institution, text };
}
