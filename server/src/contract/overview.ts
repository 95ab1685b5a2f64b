// The analyst overview: headline figures as of one period.
import { z } from 'zod';
import { coverageEntry } from './analytics.js';
import { channel, mode, period } from './common.js';

export const overviewQuery = z.strictObject({
  period: period
    .optional()
    .describe('The period the figures are as of; default the latest reported period (the current month when nothing has been reported).'),
  mode: mode.default('mpm').describe('Mode of the coverage figures (findings and reports count every mode).'),
  channel: channel.default('offline').describe('Channel of the coverage figures (findings and reports count every channel).'),
});
export type OverviewQuery = z.infer<typeof overviewQuery>;

const { coverage, mutualPairs, pairs } = coverageEntry.shape;

export const nationalCoverage = z.object({
  period: z.string(),
  coverage: coverage.describe(
    '0–1: the mean of every city’s share of mutual pairs, cities weighted equally (as /coverage by=period); null with fewer than two systemic institutions.',
  ),
  mutualPairs,
  pairs,
});

export const cityCoverageEntry = z.object({
  city: z.string(),
  name: z.string(),
  nameZh: z.string(),
  provinceName: z.string(),
  provinceNameZh: z.string(),
  coverage: z.number().min(0).max(1),
  mutualPairs,
  pairs,
});
export type CityCoverageEntry = z.infer<typeof cityCoverageEntry>;

export const namedInstitution = z.object({ id: z.string(), name: z.string(), nameZh: z.string() });

export const findingsInPeriod = z.object({
  period: z.string(),
  opened: z.number().int().describe('Findings whose condition first held in this period (their firstPeriod).'),
  resolved: z
    .number()
    .int()
    .describe(
      'Findings now resolved, in the period whose reports resolved them: the period after their lastPeriod; their lastPeriod when a report for that period took the condition away (they now hold in no period) or when resolved by hand while still holding.',
    ),
});
export type FindingsInPeriod = z.infer<typeof findingsInPeriod>;

export const overview = z.object({
  period: z.string(),
  mode,
  channel,
  institutions: z.array(z.string()).describe('The systemic, active institutions whose pairs coverage counts.'),
  coverage: z.object({
    current: nationalCoverage,
    yearEarlier: nationalCoverage.describe('The same figure twelve periods earlier.'),
    change: z.number().nullable().describe('current − yearEarlier coverage; null when either is null.'),
  }),
  cities: z.object({
    total: z.number().int().describe('Cities of the registry.'),
    fullyInterconnected: z
      .number()
      .int()
      .describe('Cities whose coverage is 1: every pair of systemic institutions recognises each other live.'),
    atLowestCoverage: z
      .number()
      .int()
      .describe(
        'Cities whose coverage equals the lowest at the period (0 when no city has a coverage): more than ten means `leastInterconnected` shows only the first of a tie, by city code.',
      ),
  }),
  leastInterconnected: z
    .array(cityCoverageEntry)
    .describe('The ten cities with the lowest coverage at the period, ties broken by city code.'),
  openFindings: z
    .object({ total: z.number().int(), high: z.number().int(), medium: z.number().int(), low: z.number().int() })
    .describe('Findings whose status is now open, acknowledged or confirmed, by severity: the triage backlog today, whatever the period.'),
  reports: z.object({
    received: z.number().int().describe('Report versions received for the period (resubmissions included).'),
    institutions: z.number().int().describe('Institutions with at least one report for the period.'),
    expected: z
      .number()
      .int()
      .describe('Active institutions that owe a report for the period: those whose first report is for this period or an earlier one.'),
    dueDate: z.string().describe('Day LATE-001’s `dueDay` of the month after the period.'),
    pastDue: z.boolean().describe('Whether today (UTC) is after the due date.'),
  }),
  late: z.object({
    dueDay: z.number().int().describe('LATE-001’s current setting.'),
    count: z.number().int(),
    institutions: z
      .array(namedInstitution)
      .describe('Those for which LATE-001, with its current settings, fires for the period today, by id.'),
  }),
  findingsByMonth: z
    .array(findingsInPeriod)
    .describe('One entry per period from the first reported period to `period` (at most the last 240), ascending.'),
});
export type Overview = z.infer<typeof overview>;
