// The analyst overview operation of the OpenAPI document.
import type { Operation } from './operations.js';
import { overview, overviewQuery } from './overview.js';

type Failures = Record<'unauthorized' | 'forbidden' | 'invalid', Operation['responses']>;

export function operations({ unauthorized, forbidden, invalid }: Failures): Operation[] {
  return [
    {
      method: 'get',
      path: '/overview',
      tag: 'Analytics',
      summary: 'Headline figures for the analyst overview, as of a period',
      roles: 'analyst, auditor, admin',
      description:
        'Everything is as of `period` (default the latest reported period; the current month when nothing has been reported), except `openFindings`, which is the backlog today. ' +
        '**Coverage** (in `mode`, `channel`, default mpm, offline) is computed exactly as /coverage: the national figure is the mean over every city of the registry, `yearEarlier` is the same at the period twelve months before; ' +
        '`cities.fullyInterconnected` counts the cities whose coverage is 1, and `leastInterconnected` lists the ten cities with the lowest coverage (ties by city code; empty with fewer than two systemic institutions), and `cities.atLowestCoverage` says how many share the lowest coverage. ' +
        '**openFindings**: findings now open, acknowledged or confirmed, by severity (every mode and channel). ' +
        '**reports**: versions and institutions received for the period; `expected` counts the active institutions whose first report is for the period or earlier (those LATE-001 watches). ' +
        '**late**: the institutions for which LATE-001, evaluated now with its current settings, fires for the period — active institutions that have reported before, have no report for the period, ' +
        'and whose due date (day `dueDay` of the following month) has passed. It is computed from the reports, not read from the findings, so it does not depend on a finding’s triage status or on the rule being enabled; ' +
        'like LATE-001 it is empty for a period after the latest period anyone has reported. ' +
        '**findingsByMonth** runs on the report-period axis, from the first reported period to `period` (at most its last 240 periods): a finding counts once as `opened` in its `firstPeriod` (whatever its status now), and, if its status is now `resolved`, ' +
        'once as `resolved` in the period whose reports resolved it: normally the first period in which its condition no longer held (the period after its `lastPeriod`); ' +
        'its `lastPeriod` itself when a report for that very period took the condition away, so that it now holds in no period (the missing report of a LATE-001 finding arriving, a declaration corrected by the other party’s report), ' +
        'or when it was resolved by hand while its condition still holds. ' +
        'A finding resolved and later reopened counts as opened only; events after `period` are left out. ' +
        '422 codes: BAD_PERIOD, PERIOD_OUT_OF_RANGE (before EARLIEST_PERIOD), BAD_VALUE (mode, channel), UNKNOWN_FIELD.',
      query: overviewQuery,
      responses: { '200': { description: 'The figures', schema: overview }, ...unauthorized, ...forbidden, ...invalid },
    },
  ];
}
