// Findings, their evidence, history and comments; the list's filters; the status change.
import { z } from 'zod';
import { channel, mode, period, problemWords } from './common.js';

export const findingStatus = z.enum(['open', 'acknowledged', 'confirmed', 'dismissed', 'resolved']);
export const severity = z.enum(['high', 'medium', 'low']);

export const evidence = z.object({
  reportId: z.number().int(),
  version: z.number().int(),
  institution: z.string(),
  period: z.string(),
  row: z.number().int().optional().describe('0-based index of the link in the report’s links'),
  agreementRef: z.string().optional(),
  superseded: z
    .literal(true)
    .optional()
    .describe(
      'present when a later version of the report supersedes it: a correction never erases the evidence a finding rested on, it stays marked',
    ),
});

export const historyEntry = z.object({
  at: z.string(),
  actor: z.string().describe('a username, or "system" for the rule engine'),
  from: findingStatus.nullable(),
  to: findingStatus.describe(
    'the same as from for entries that change no status: evidence updated, or, for a confirmed finding (which only a person resolves), "condition no longer holds as of P" and "condition holds again in P"',
  ),
  note: z.string().nullable(),
  noteZh: z
    .string()
    .nullable()
    .describe(
      "the note in Chinese for the rule engine's entries (actor \"system\"; its English note itself if of no known form), null for a person's note, which stays in its author's words",
    ),
});

export const comment = z.object({
  id: z.number().int(),
  at: z.string(),
  author: z.string(),
  role: z.string(),
  institution: z.string().nullable(),
  text: z.string(),
});

export const findingSummary = z.object({
  id: z.number().int(),
  fingerprint: z.string(),
  ruleId: z.string(),
  ruleVersion: z.number().int(),
  severity,
  subjects: z.array(z.string()),
  city: z.string().nullable(),
  mode: mode.nullable(),
  channel: channel.nullable(),
  firstPeriod: z
    .string()
    .describe('the first period the condition was ever found to hold in: a correction by the subject does not move it later'),
  lastPeriod: z.string(),
  periods: z.array(z.tuple([z.string(), z.string()])).describe('the [from, to] ranges of periods in which the condition held'),
  holds: z
    .boolean()
    .describe(
      'whether the condition holds now (in the latest reported period); a confirmed finding that no longer holds stays confirmed until a person resolves it',
    ),
  status: findingStatus,
  caseId: z
    .string()
    .regex(/^[0-9a-f]{16}$/)
    .describe(
      'the case this finding belongs to (GET /cases/{id}): the findings of one rule, subject set, mode and channel across cities; every subject of the finding may open it',
    ),
  explanation: z
    .string()
    .describe(
      'a subject institution that may not see every piece of the evidence reads it without other institutions’ terms (DISC-001: not the lowest fee charged to another; DISC-002: not how many other agreements the reporter has); the central bank reads it whole',
    ),
  explanationZh: z.string(),
  evidence: z.array(evidence).describe('an institution sees only the items from its own reports'),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const finding = findingSummary.extend({
  history: z.array(historyEntry),
  comments: z.array(comment),
  allowedTransitions: z.array(findingStatus).describe('what PATCH may set next (empty for institutions and auditors)'),
});
export type Finding = z.infer<typeof finding>;
export type Comment = z.infer<typeof comment>;
export type FindingSummary = z.infer<typeof findingSummary>;

export const FINDING_SORTS = [
  'severity',
  '-severity',
  'lastPeriod',
  '-lastPeriod',
  'firstPeriod',
  '-firstPeriod',
  'updatedAt',
  '-updatedAt',
  'ruleId',
  '-ruleId',
  'city',
  '-city',
  'status',
  '-status',
  'id',
  '-id',
] as const;

/** A list query parameter: comma-separated values, at least one. */
export const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).min(1));

export const findingFilters = z.strictObject({
  status: csv(findingStatus).optional().describe('one or more, comma-separated'),
  severity: csv(severity).optional().describe('one or more, comma-separated'),
  rule: csv(
    z.string().regex(/^[A-Z]+-\d{3}$/, { error: problemWords('UNKNOWN_RULE', 'a rule id such as EXCL-001', '应为规则编号，如 EXCL-001') }),
  )
    .optional()
    .describe('one or more rule ids, comma-separated'),
  institution: z.string().max(40).optional().describe('findings in which this institution is a subject'),
  city: z
    .string()
    .regex(/^\d{6}$/, { error: problemWords('UNKNOWN_CITY', 'a six-digit GB/T 2260 code', '应为六位 GB/T 2260 代码') })
    .optional(),
  period: period.optional().describe('findings whose condition held in this period (within one of their periods ranges)'),
  q: z.string().max(200).optional().describe('text in the explanation (English or Chinese) as the caller reads it, fingerprint or rule id'),
});
export type FindingFilters = z.infer<typeof findingFilters>;

export const findingListQuery = findingFilters.extend({
  sort: z
    .enum(FINDING_SORTS, {
      error: problemWords('BAD_SORT', `one of ${FINDING_SORTS.join(', ')}`, `应为以下之一：${FINDING_SORTS.join('、')}`),
    })
    .default('-severity'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const findingList = z.object({ items: z.array(findingSummary), total: z.number().int() });

export const findingPatch = z.strictObject({
  status: findingStatus,
  note: z.string().trim().max(4000).optional().describe('why; required (non-blank) when dismissing or resolving'),
});

export const newComment = z.strictObject({
  text: z
    .string()
    .trim()
    .min(1, { error: problemWords('EMPTY_COMMENT', 'a comment needs text', '评论需要有内容') })
    .max(4000),
});
export type FindingPatch = z.infer<typeof findingPatch>;
export type NewComment = z.infer<typeof newComment>;
