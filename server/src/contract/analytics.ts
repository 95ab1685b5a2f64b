// Coverage series and institution openness: the schemas of the analytics views.
import { z } from 'zod';
import { channel, mode, period, problemWords } from './common.js';

export const coverageBy = z.enum(['period', 'city', 'province', 'institution']);

export const coverageQuery = z.strictObject({
  by: coverageBy
    .default('period')
    .describe(
      '`period`: one entry per period from `from` to `to`, the coverage of the whole scope; `city`, `province`: one entry per city or province of the scope at `to`; ' +
        '`institution`: one entry per systemic institution at `to`, the share of its pairs that are mutual, averaged over the cities of the scope.',
    ),
  from: period.optional().describe('by=period only (else 422 NOT_APPLICABLE): the first period; default the first reported period.'),
  to: period.optional().describe('The last period of by=period, the period of the other views; default the latest reported period.'),
  mode: mode.default('mpm'),
  channel: channel.default('offline'),
  city: z
    .string()
    .regex(/^\d{6}$/, {
      error: problemWords(
        'UNKNOWN_CITY',
        'city is a six-digit GB/T 2260 code of a city or a province',
        '城市应为城市或省份的六位 GB/T 2260 代码',
      ),
    })
    .optional()
    .describe(
      'Narrows the scope: a city code to that city, a province code (e.g. 440000) to its cities; default the whole nation. A municipality’s code is both.',
    ),
});
export type CoverageQuery = z.infer<typeof coverageQuery>;

export const coverageEntry = z.object({
  key: z.string().describe('The period (YYYY-MM), city code, province code or institution id.'),
  label: z.string().optional().describe('English name of the city, province or institution (absent for periods).'),
  labelZh: z.string().optional().describe('Chinese name of the city, province or institution (absent for periods).'),
  coverage: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .describe(
      '0–1: the mean over the cities of the entry of each city’s share of mutual pairs, cities weighted equally; null when there is no pair to count (fewer than two systemic institutions).',
    ),
  mutualPairs: z.number().int().describe('Mutual pairs, summed over the cities of the entry.'),
  pairs: z.number().int().describe('Pairs counted, summed over the cities of the entry.'),
});
export type CoverageEntry = z.infer<typeof coverageEntry>;

export const coverageSeries = z.object({
  by: coverageBy,
  mode,
  channel,
  city: z.string().nullable().describe('The city or province filter; null for the nation.'),
  from: z
    .string()
    .nullable()
    .describe('The first period the series covers (equal to `to` except for by=period); null when nothing has been reported.'),
  to: z.string().nullable().describe('The last period the series covers; null when nothing has been reported.'),
  institutions: z.array(z.string()).describe('The systemic, active institutions whose pairs are counted.'),
  series: z.array(coverageEntry),
});
export type CoverageSeries = z.infer<typeof coverageSeries>;

export const coverageLinesQuery = z.strictObject({
  from: period.optional().describe('The first period; default the first reported period.'),
  to: period.optional().describe('The last period; default the latest reported period.'),
  city: coverageQuery.shape.city,
});
export type CoverageLinesQuery = z.infer<typeof coverageLinesQuery>;

export const coverageLine = z.object({
  mode,
  channel,
  series: z
    .array(coverageEntry)
    .describe('One entry per period from `from` to `to`, as /coverage?by=period answers for this mode and channel.'),
});

export const coverageLines = z.object({
  city: z.string().nullable().describe('The city or province filter; null for the nation.'),
  from: z.string().nullable().describe('The first period of every line; null when nothing has been reported.'),
  to: z.string().nullable().describe('The last period of every line; null when nothing has been reported.'),
  institutions: z.array(z.string()).describe('The systemic, active institutions whose pairs are counted.'),
  lines: z.array(coverageLine).describe('One line per mode and channel: mpm offline, mpm online, cpm offline, cpm online.'),
});
export type CoverageLines = z.infer<typeof coverageLines>;

export const opennessQuery = z.strictObject({
  period: period.optional().describe('Default the latest reported period.'),
  mode: mode.default('mpm'),
  channel: channel.default('offline'),
});
export type OpennessQuery = z.infer<typeof opennessQuery>;

export const opennessShare = z.object({
  share: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .describe(
      'count / of for a city; for `overall`, the mean of the cities’ shares, cities weighted equally; null when there is nothing to count.',
    ),
  count: z.number().int(),
  of: z.number().int(),
});
export type OpennessShare = z.infer<typeof opennessShare>;

export const cityOpenness = z.object({
  city: z.string(),
  name: z.string(),
  nameZh: z.string(),
  recognises: opennessShare.describe(
    'Of the other issuers present in the city, those whose codes the institution recognises live as scanner.',
  ),
  recognisedBy: opennessShare.describe('Of the other scanners present in the city, those that recognise the institution’s codes live.'),
});
export type CityOpenness = z.infer<typeof cityOpenness>;

export const openness = z.object({
  institution: z.string(),
  period: z.string().nullable().describe('null when nothing has been reported and no period was asked for.'),
  mode,
  channel,
  overall: z.object({
    cities: z.number().int().describe('Cities in which the institution is present.'),
    recognises: opennessShare,
    recognisedBy: opennessShare,
  }),
  cities: z.array(cityOpenness).describe('Every city in which the institution is present, by code.'),
});
export type Openness = z.infer<typeof openness>;

export const opennessHistoryQuery = z.strictObject({
  from: period.optional().describe('The first period; default 23 periods before `to`, or the first reported period if later.'),
  to: period.optional().describe('The last period; default the latest reported period.'),
  mode: opennessQuery.shape.mode,
  channel: opennessQuery.shape.channel,
});
export type OpennessHistoryQuery = z.infer<typeof opennessHistoryQuery>;

export const opennessHistory = z.object({
  institution: z.string(),
  mode,
  channel,
  from: z.string().nullable().describe('The first period of `entries`; null when nothing has been reported and no period was asked for.'),
  to: z.string().nullable().describe('The last period of `entries`; null when nothing has been reported and no period was asked for.'),
  entries: z
    .array(z.object({ period: z.string(), overall: openness.shape.overall }))
    .describe(
      'One entry per period from `from` to `to`, ascending; each `overall` is what /institutions/{id}/openness answers for that period, mode and channel.',
    ),
});
export type OpennessHistory = z.infer<typeof opennessHistory>;
