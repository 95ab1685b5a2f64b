// The cases operations of the OpenAPI document.
import { caseComment, caseDetail, caseDetailQuery, caseList, caseListQuery, casePatch, caseStatusChange } from './cases.js';
import { newComment } from './findings.js';
import type { Operation } from './operations.js';

type Failures = Record<'unauthorized' | 'forbidden' | 'notFound' | 'invalid', Operation['responses']> & {
  fail: (description: string) => Operation['responses'][string];
};

const NOT_FOUND =
  'NOT_FOUND: no such case, a case the caller may not see (an institution: one not naming it), or an id that is not 16 lowercase hexadecimal characters';

export function operations({ unauthorized, forbidden, invalid, fail }: Failures): Operation[] {
  return [
    {
      method: 'get',
      path: '/cases',
      tag: 'Findings',
      summary: 'List cases: findings of one rule, subject set, mode and channel across cities',
      roles: 'every role; institutions see only cases naming them',
      description:
        'A case is the findings of one rule on one set of subjects (for EXCL-002, the issuer’s codes or the scanner’s scanning) in one mode and channel, across the cities where it holds; ' +
        'a finding without a city (an agreement’s, a missing report’s) is a case of its own. Its `id` is stable. ' +
        'Takes every filter of GET /findings: a case is listed when at least one of its findings matches, and its summary describes all of its findings the caller may see ' +
        '(cities, status counts, worst severity, period span, and the explanation of the most recently updated finding, as the caller may read it). `total` is exact.',
      query: caseListQuery,
      responses: { '200': { description: 'A page of cases', schema: caseList }, ...unauthorized, ...invalid },
    },
    {
      method: 'get',
      path: '/cases/:id',
      tag: 'Findings',
      summary: 'A case with its findings (paged), its thread and what it may become',
      roles: 'every role; institutions only cases naming them (else 404)',
      query: caseDetailQuery,
      responses: { '200': { description: 'The case', schema: caseDetail }, ...unauthorized, '404': fail(NOT_FOUND), ...invalid },
    },
    {
      method: 'patch',
      path: '/cases/:id',
      tag: 'Findings',
      summary: 'Change the status of a case’s findings',
      roles: 'analyst, admin',
      description:
        'Applies the transition to each finding of the case for which PATCH /findings/:id would allow it (same status machine, same body rules: dismissing and resolving need a `note`, 422 NOTE_REQUIRED); ' +
        'the others keep their status and are listed in `unchanged` with SAME_STATUS or ILLEGAL_TRANSITION. Each moved finding gets its own history entry, as if changed alone; ' +
        'the case gets one audit entry (action finding.status, target `case:<id>`, details `{ to, note, statusChanges: [[findingId, from, to], …] }`), none when nothing moved. ' +
        'All in one transaction: if any finding cannot be written, none is.',
      body: { 'application/json': casePatch },
      responses: {
        '200': { description: 'How many moved, and which did not', schema: caseStatusChange },
        ...unauthorized,
        ...forbidden,
        '404': fail(NOT_FOUND),
        ...invalid,
      },
    },
    {
      method: 'post',
      path: '/cases/:id/comments',
      tag: 'Findings',
      summary: 'Comment on a case (shown on each of its findings)',
      roles: 'analyst, admin, and institutions that are a subject of the case',
      description:
        'Stored once and shown in the case’s thread and among the comments of each of its findings (GET /findings/:id, exports); audited once (action finding.comment, target `case:<id>`). ' +
        'An institution reads the central bank’s comments and its own, as on findings. Counts against the same COMMENTS_PER_HOUR allowance as comments on findings: beyond, 429 COMMENT_RATE_LIMITED with Retry-After.',
      body: { 'application/json': newComment },
      responses: {
        '201': { description: 'The comment, and how many findings it shows on', schema: caseComment },
        ...unauthorized,
        ...forbidden,
        '404': fail(NOT_FOUND),
        ...invalid,
        '429': fail('COMMENT_RATE_LIMITED: too many comments this hour; Retry-After says when to try again'),
      },
    },
  ];
}
