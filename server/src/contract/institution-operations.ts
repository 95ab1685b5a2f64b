// The institution profile and portal operations of the OpenAPI document: agreements, obligations, links.
import { institutionAgreements, institutionAgreementsQuery } from './institution-agreements.js';
import { institutionLinks, institutionLinksQuery } from './institution-links.js';
import { obligations, obligationsQuery } from './obligations.js';
import type { Operation } from './operations.js';

type Failures = Record<'unauthorized' | 'notFound' | 'invalid', Operation['responses']>;

const roles = 'analyst, auditor, admin, and the institution itself (another institution gets 404, as for an unknown id)';

export function operations({ unauthorized, notFound, invalid }: Failures): Operation[] {
  return [
    {
      method: 'get',
      path: '/institutions/:id/agreements',
      tag: 'Institutions',
      summary: 'The agreements an institution declared, as of a period',
      roles,
      description:
        'The agreements of the institution’s as-of report for the period (the latest version of its latest report with period ≤ `period`, carried forward over gaps), each with the report it comes from ' +
        'and whether it is in force in the period (effective ≤ the period’s last day, and expires null or ≥ its first day). Only the institution’s own declarations: agreements that name it as counterparty ' +
        'belong to the other party’s report. 404 UNKNOWN_INSTITUTION; 422 BAD_PERIOD, PERIOD_OUT_OF_RANGE (before EARLIEST_PERIOD), UNKNOWN_FIELD.',
      query: institutionAgreementsQuery,
      responses: { '200': { description: 'The agreements', schema: institutionAgreements }, ...unauthorized, ...notFound, ...invalid },
    },
    {
      method: 'get',
      path: '/institutions/:id/obligations',
      tag: 'Institutions',
      summary: 'What reports an institution owes, when they are due, and which came',
      roles,
      description:
        'One entry per period from the institution’s first report to the current month (or its latest reported period, if later), newest first (a report stored before the period checks for a period outside EARLIEST_PERIOD..the current month is left out); an active institution that has never reported owes ' +
        'the current month’s report only. A period’s report is due on day `dueDay` (LATE-001’s current setting, default 15) of the following month, and late from the day after. ' +
        'The current month is always listed, so the next deadline shows before anything is submitted for it. `late` is a fact of the calendar: LATE-001 raises a finding for it only up to the latest period ' +
        'any institution has reported, and `finding` links to that finding when there is one. An inactive institution owes nothing: only its submitted periods are listed. ' +
        '404 UNKNOWN_INSTITUTION; 422 UNKNOWN_FIELD (it takes no parameters).',
      query: obligationsQuery,
      responses: { '200': { description: 'The reporting calendar', schema: obligations }, ...unauthorized, ...notFound, ...invalid },
    },
    {
      method: 'get',
      path: '/institutions/:id/links',
      tag: 'Institutions',
      summary: 'An institution’s links by city, as of a period',
      roles,
      description:
        'Every link in which the institution is scanner or issuer in the reconciled state as of the period (default the latest reported period) in `mode`, `channel` (default mpm, offline), as in /matrix: ' +
        'the scanner’s declaration is authoritative (a link its as-of report leaves out is absent, whatever the issuer declares: a dispute for CONS-001, not a link), the issuer’s is used only while the scanner has no report as of the period (`unconfirmed`), and `reconciliation` says whether both parties agree. ' +
        'To keep the answer small, cities in which the institution has exactly the same links form one group (a link declared for `*` puts every city in one group unless some city has rows of its own). ' +
        'Cities where it has no link are left out. 404 UNKNOWN_INSTITUTION; 422 BAD_PERIOD, PERIOD_OUT_OF_RANGE (before EARLIEST_PERIOD), BAD_VALUE (mode, channel), UNKNOWN_FIELD.',
      query: institutionLinksQuery,
      responses: {
        '200': { description: 'The links, grouped by city', schema: institutionLinks },
        ...unauthorized,
        ...notFound,
        ...invalid,
      },
    },
  ];
}
