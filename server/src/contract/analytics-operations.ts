// The coverage and openness operations of the OpenAPI document.
import {
  coverageLines,
  coverageLinesQuery,
  coverageQuery,
  coverageSeries,
  openness,
  opennessHistory,
  opennessHistoryQuery,
  opennessQuery,
} from './analytics.js';
import type { Operation } from './operations.js';

type Failures = Record<'unauthorized' | 'forbidden' | 'notFound' | 'invalid', Operation['responses']>;

export function operations({ unauthorized, forbidden, notFound, invalid }: Failures): Operation[] {
  return [
    {
      method: 'get',
      path: '/coverage',
      tag: 'Analytics',
      summary: 'Coverage of mutual recognition among systemic institutions',
      roles: 'analyst, auditor, admin',
      description:
        'The coverage of a city in a mode and channel at a period is the share of unordered pairs of distinct systemic institutions that recognise each other mutually: ' +
        'A→B and B→A both `live` in the state as of the period (pilot, planned and suspended links do not count; a link declared for `*` counts in every city). ' +
        'The institutions counted are those flagged `systemic` and `active` in the reference data now, whether or not they have reported yet, so every city of every period ' +
        'has the same pairs and the series stays comparable over time; they are listed in `institutions`. ' +
        'The coverage of a scope (the nation, a province) is the mean of its cities’ coverage, every city weighted equally; `mutualPairs` and `pairs` are sums over its cities. ' +
        'by=institution gives, for each systemic institution, the share of its pairs with the other systemic institutions that are mutual, averaged over the cities of the scope. ' +
        'Mode and channel default to mpm and offline, as in /matrix. With no report at all and no period asked for, `from`, `to` are null and the series is empty. ' +
        '422 codes: BAD_PERIOD, PERIOD_OUT_OF_RANGE (`from` or `to` before EARLIEST_PERIOD), UNKNOWN_CITY, BAD_VALUE (by, mode, channel), NOT_APPLICABLE (`from` without by=period), BAD_RANGE (`from` after `to`), RANGE_TOO_LONG (over 240 periods).',
      query: coverageQuery,
      responses: { '200': { description: 'The series', schema: coverageSeries }, ...unauthorized, ...forbidden, ...invalid },
    },
    {
      method: 'get',
      path: '/coverage/lines',
      tag: 'Analytics',
      summary: 'Coverage by period in every mode and channel at once',
      roles: 'analyst, auditor, admin',
      description:
        'The four by=period series of /coverage (mpm offline, mpm online, cpm offline, cpm online) over the same periods and scope, in one answer: each line is exactly what ' +
        '/coverage?by=period with that mode and channel and the same `from`, `to` and `city` answers. For a chart comparing modes and channels, one round trip instead of four. ' +
        'With no report at all and no period asked for, `from`, `to` are null and every line is empty. ' +
        '422 codes: BAD_PERIOD, PERIOD_OUT_OF_RANGE (`from` or `to` before EARLIEST_PERIOD), UNKNOWN_CITY, BAD_RANGE (`from` after `to`), RANGE_TOO_LONG (over 240 periods), UNKNOWN_FIELD.',
      query: coverageLinesQuery,
      responses: { '200': { description: 'The lines', schema: coverageLines }, ...unauthorized, ...forbidden, ...invalid },
    },
    {
      method: 'get',
      path: '/institutions/:id/openness',
      tag: 'Analytics',
      summary: 'How open an institution is: whose codes it recognises, and who recognises its codes',
      roles: 'analyst, auditor, admin',
      description:
        'In each city, as of the period, in the mode and channel (default mpm, offline): `recognises` counts, of the other issuers present in the city, those whose codes the institution ' +
        'recognises live as scanner; `recognisedBy` counts, of the other scanners present, those that recognise its codes live. "Other" means an `active` institution other than itself; ' +
        'an issuer is present in a city when some scanner recognises its codes live there, a scanner when it recognises some issuer’s codes live there. ' +
        '`cities` lists the cities in which the institution itself is present (as scanner or issuer of a live link); `overall` is the mean of their shares, cities weighted equally, with counts summed. ' +
        '404 for an unknown institution; 422 BAD_PERIOD, PERIOD_OUT_OF_RANGE (before EARLIEST_PERIOD), BAD_VALUE (mode, channel).',
      query: opennessQuery,
      responses: { '200': { description: 'The openness', schema: openness }, ...unauthorized, ...forbidden, ...notFound, ...invalid },
    },
    {
      method: 'get',
      path: '/institutions/:id/openness/history',
      tag: 'Analytics',
      summary: 'How open an institution has been, period by period',
      roles: 'analyst, auditor, admin',
      description:
        'For each period from `from` to `to`, ascending, the `overall` that /institutions/{id}/openness answers for that period, mode and channel, in one answer: ' +
        'for a chart over time, one round trip and one walk over the periods instead of one request per period. ' +
        '`to` defaults to the latest reported period, `from` to 23 periods before `to` (24 in all) or the first reported period if later. ' +
        'With no report at all and no period asked for, `from`, `to` are null and `entries` is empty. ' +
        '404 for an unknown institution; 422 BAD_PERIOD, PERIOD_OUT_OF_RANGE (`from` or `to` before EARLIEST_PERIOD), BAD_VALUE (mode, channel), BAD_RANGE (`from` after `to`), RANGE_TOO_LONG (over 120 periods), UNKNOWN_FIELD.',
      query: opennessHistoryQuery,
      responses: {
        '200': { description: 'The openness by period', schema: opennessHistory },
        ...unauthorized,
        ...forbidden,
        ...notFound,
        ...invalid,
      },
    },
  ];
}
