// The report as institutions send it (JSON, or CSV turned into the same shape) and what they get back.
import { z } from 'zod';
import { channel, cityCode, isoDate, linkStatus, mode, period, problemItem, slug, problemWords } from './common.js';

export const MAX_LINKS = 1_000_000;
export const MAX_AGREEMENTS = 10_000;

export const restriction = z.enum([
  'own-group-only',
  'no-competitor-codes',
  'steering',
  'data-sharing-required',
  'minimum-volume',
  'tying',
]);
export const agreementKind = z.enum(['acceptance', 'clearing', 'technical', 'marketing']);

export const link = z.strictObject({
  scanner: slug,
  issuer: slug,
  mode,
  channel,
  city: cityCode,
  status: linkStatus,
  since: isoDate,
});
export type Link = z.infer<typeof link>;

export const agreement = z.strictObject({
  ref: z
    .string()
    .min(1, { error: problemWords('REQUIRED', 'ref is required', 'ref 为必填') })
    .max(100, { error: problemWords('TOO_LONG', 'ref has at most 100 characters', 'ref 最多 100 个字符') }),
  counterparty: slug,
  kind: agreementKind,
  exclusive: z.boolean(),
  feeBps: z
    .number()
    .int({ error: problemWords('BAD_FEE', 'feeBps is a whole number of basis points', 'feeBps 应为整数个基点') })
    .min(0, { error: problemWords('BAD_FEE', 'feeBps cannot be negative', 'feeBps 不能为负数') })
    .max(10_000, { error: problemWords('BAD_FEE', 'feeBps is at most 10000', 'feeBps 最大为 10000') })
    .nullable(),
  scope: z.strictObject({
    cities: z.array(cityCode).min(1, { error: problemWords('BAD_SCOPE', 'name at least one city, or *', '至少列出一个城市，或 *') }),
    modes: z.array(mode).min(1, { error: problemWords('BAD_SCOPE', 'name at least one mode', '至少列出一种码类型') }),
    channels: z.array(channel).min(1, { error: problemWords('BAD_SCOPE', 'name at least one channel', '至少列出一个渠道') }),
  }),
  restrictions: z.array(restriction),
  effective: isoDate,
  expires: isoDate.nullable(),
  text: z
    .string()
    .max(5000, { error: problemWords('TOO_LONG', 'text has at most 5000 characters', 'text 最多 5000 个字符') })
    .optional(),
});
export type Agreement = z.infer<typeof agreement>;

export const reportInput = z.strictObject({
  institution: slug,
  period,
  links: z.array(link).max(MAX_LINKS, {
    error: problemWords('TOO_MANY_ROWS', `a report has at most ${MAX_LINKS} links`, `一份报告最多 ${MAX_LINKS} 条链接`),
  }),
  agreements: z
    .array(agreement)
    .max(MAX_AGREEMENTS, {
      error: problemWords('TOO_MANY_ROWS', `a report has at most ${MAX_AGREEMENTS} agreements`, `一份报告最多 ${MAX_AGREEMENTS} 份协议`),
    })
    .default([]),
});
export type ReportInput = z.input<typeof reportInput>;
export type Report = z.infer<typeof reportInput>;

export const counts = z.object({ links: z.number().int(), agreements: z.number().int() });

export const receipt = z.object({
  id: z.number().int().nullable(),
  institution: z.string(),
  period: z.string(),
  version: z.number().int(),
  receivedAt: z.string(),
  sha256: z.string(),
  counts,
  warnings: z
    .array(problemItem)
    .describe(
      'plausibility notes, kept with the report: at most 1000, then one MORE_WARNINGS saying how many more were found (AGREEMENTS_DROPPED, when present, comes first)',
    ),
  dryRun: z.boolean().optional(),
});
export type Receipt = z.infer<typeof receipt>;

export const reportSummary = receipt.omit({ dryRun: true }).extend({ id: z.number().int(), latest: z.boolean(), submittedBy: z.string() });
export type ReportSummary = z.infer<typeof reportSummary>;

export const reportDetail = reportSummary.extend({
  links: z.array(link.extend({ row: z.number().int() })),
  agreements: z.array(agreement.extend({ row: z.number().int() })),
});

export const reportList = z.object({ items: z.array(reportSummary), total: z.number().int() });

export const reportListQuery = z.strictObject({
  institution: slug.optional(),
  period: period.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

/** A receipt as JSON (the default) or as a printable PDF. */
export const receiptQuery = z.strictObject({ format: z.enum(['json', 'pdf']).optional() });

export const submitQuery = z.object({ dryRun: z.enum(['true', 'false']).optional() });

export const periodList = z.object({ items: z.array(z.string()) });
