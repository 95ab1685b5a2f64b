// Cases: the findings of one rule, one subject set, one mode and one channel, across
// cities, listed, read, triaged and commented on as one.
import { z } from 'zod';
import { channel, mode } from './common.js';
import { comment, csv, findingFilters, findingList, findingPatch, findingStatus, severity } from './findings.js';

export const CASE_SORTS = [
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
  'cities',
  '-cities',
] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

const page = z.coerce.number().int().min(1).default(1);
const pageSize = z.coerce.number().int().min(1).max(200).default(50);

export const caseListQuery = findingFilters.extend({
  sort: z
    .enum(CASE_SORTS, { error: `BAD_SORT: one of ${CASE_SORTS.join(', ')}` })
    .default('-severity')
    .describe('cities: by the number of cities'),
  page,
  pageSize,
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const caseDetailQuery = z.strictObject({
  status: csv(findingStatus)
    .optional()
    .describe('only the case’s findings of these statuses (comma-separated); the summary still describes all of them'),
  page,
  pageSize,
});
export type CaseDetailQuery = z.infer<typeof caseDetailQuery>;

export const caseStatuses = z.object({
  open: z.number().int(),
  acknowledged: z.number().int(),
  confirmed: z.number().int(),
  dismissed: z.number().int(),
  resolved: z.number().int(),
});

export const caseSummary = z.object({
  id: z
    .string()
    .regex(/^[0-9a-f]{16}$/)
    .describe('stable and opaque: take it from the list, never build it'),
  ruleId: z.string(),
  subjects: z.array(z.string()),
  mode: mode.nullable(),
  channel: channel.nullable(),
  severity: severity.describe('the worst of its findings'),
  cities: z
    .array(z.string())
    .describe('the city codes of its findings, sorted; empty when its findings have no city (agreements, missing reports)'),
  statuses: caseStatuses.describe('its findings counted by status, zeros included'),
  findingCount: z.number().int(),
  firstPeriod: z.string(),
  lastPeriod: z.string(),
  explanation: z.string().describe('the explanation of its most recently updated finding, as the caller may read it (see GET /findings)'),
  explanationZh: z.string(),
  updatedAt: z.string().describe('when its most recently updated finding changed'),
});
export type CaseSummary = z.infer<typeof caseSummary>;

export const caseList = z.object({ items: z.array(caseSummary), total: z.number().int() });

export const caseDetail = caseSummary.extend({
  findings: findingList.describe('its findings (those of the status filter), by city, paged'),
  comments: z.array(comment).describe('the case’s thread, oldest first (each comment also shows on every finding of the case)'),
  allowedTransitions: z
    .array(findingStatus)
    .describe('statuses at least one of its findings may move to; empty for institutions and auditors'),
});
export type CaseDetail = z.infer<typeof caseDetail>;

export const casePatch = findingPatch;

export const caseStatusChange = z.object({
  moved: z.number().int().describe('how many of its findings changed status'),
  unchanged: z
    .array(z.object({ id: z.number().int().describe('a finding id'), reason: z.enum(['SAME_STATUS', 'ILLEGAL_TRANSITION']) }))
    .describe('its findings that kept their status, and why'),
});
export type CaseStatusChange = z.infer<typeof caseStatusChange>;

export const caseComment = z.object({ comment, findings: z.number().int().describe('how many findings the comment shows on') });
