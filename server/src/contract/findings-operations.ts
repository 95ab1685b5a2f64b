// The findings and rules operations of the OpenAPI document.
import { finding, findingList, findingListQuery, findingPatch, comment, newComment } from './findings.js';
import type { Operation } from './operations.js';
import { previewRequest, previewResult, ruleList, rulePut, ruleView } from './rules.js';

type Failures = Record<'unauthorized' | 'forbidden' | 'notFound' | 'invalid', Operation['responses']> & {
  fail: (description: string) => Operation['responses'][string];
};

export function operations({ unauthorized, forbidden, notFound, invalid, fail }: Failures): Operation[] {
  return [
    {
      method: 'get',
      path: '/findings',
      tag: 'Findings',
      summary: 'List findings with filters, sorting and paging',
      roles: 'every role; institutions see only findings in which they are a subject',
      description:
        '`total` is exact. List filters take comma-separated values. Items carry evidence but not history or comments (see the detail).',
      query: findingListQuery,
      responses: { '200': { description: 'A page of findings', schema: findingList }, ...unauthorized, ...invalid },
    },
    {
      method: 'get',
      path: '/findings/:id',
      tag: 'Findings',
      summary: 'A finding with its evidence, history and comments',
      roles: 'every role; institutions only as a subject (else 404)',
      responses: { '200': { description: 'The finding', schema: finding }, ...unauthorized, ...notFound },
    },
    {
      method: 'patch',
      path: '/findings/:id',
      tag: 'Findings',
      summary: 'Change a finding’s status',
      roles: 'analyst, admin',
      description:
        'open → acknowledged → confirmed | dismissed; confirmed → resolved; dismissed → open. Anything else is 409 ILLEGAL_TRANSITION. Dismissing and resolving need a `note` (422 NOTE_REQUIRED). ' +
        'A change to a finding whose status someone (or a rule run) changed since it was read is 409 STATUS_CHANGED, and changes nothing: reload and decide again. ' +
        'The system itself resolves open and acknowledged findings whose condition no longer holds in the latest reported period (for CONS-001, the latest period both parties reported), ' +
        'and reopens resolved ones when it holds again, or, for one resolved by hand while it still held, when it holds in a later period; it never reopens a dismissed one. ' +
        'It never resolves a confirmed finding (the central bank’s conclusion): it adds a history entry without a status change, "condition no longer holds as of P", and a person resolves it. ' +
        'A correction (a new version of a report) erases nothing: evidence from the superseded version stays, marked `superseded: true`, and `firstPeriod` does not move later. ' +
        'Each rule run’s `rules.run` audit entry lists the status changes it made as `statusChanges: [[findingId, from, to], …]` (from null for a new finding).',
      body: { 'application/json': findingPatch },
      responses: {
        '200': { description: 'The changed finding', schema: finding },
        ...unauthorized,
        ...forbidden,
        ...notFound,
        '409': fail('Illegal transition, or the status changed since it was read'),
        ...invalid,
      },
    },
    {
      method: 'post',
      path: '/findings/:id/comments',
      tag: 'Findings',
      summary: 'Comment on a finding (an institution’s reply to the regulator)',
      roles: 'analyst, admin, and institutions that are a subject of the finding',
      description:
        'At most COMMENTS_PER_HOUR (default 60) comments an hour per institution (its users and keys together; each central bank user on their own): beyond, 429 COMMENT_RATE_LIMITED with Retry-After.',
      body: { 'application/json': newComment },
      responses: {
        '201': { description: 'The comment', schema: comment },
        ...unauthorized,
        ...forbidden,
        ...notFound,
        ...invalid,
        '429': fail('COMMENT_RATE_LIMITED: too many comments this hour; Retry-After says when to try again'),
      },
    },
    {
      method: 'get',
      path: '/rules',
      tag: 'Rules',
      summary: 'Every rule with its description, settings and finding counts',
      roles: 'every role (institutions see no counts)',
      responses: { '200': { description: 'Rules', schema: ruleList }, ...unauthorized },
    },
    {
      method: 'put',
      path: '/rules/:id',
      tag: 'Rules',
      summary: 'Enable, disable or change a rule’s settings, and re-run it',
      roles: 'admin',
      description:
        'Settings not named keep their value; unknown settings are 422 UNKNOWN_SETTING. The rule is re-run over every period before the answer. A disabled rule is not run; its findings stay as they are.',
      body: { 'application/json': rulePut },
      responses: { '200': { description: 'The rule', schema: ruleView }, ...unauthorized, ...forbidden, ...notFound, ...invalid },
    },
    {
      method: 'post',
      path: '/rules/:id/preview',
      tag: 'Rules',
      summary: 'What-if: how many findings would open and resolve under other settings',
      roles: 'analyst, admin',
      description: 'Evaluates the rule with the given settings (the others as they are) at the latest reported period and changes nothing.',
      body: { 'application/json': previewRequest },
      responses: { '200': { description: 'The counts', schema: previewResult }, ...unauthorized, ...forbidden, ...notFound, ...invalid },
    },
  ];
}
