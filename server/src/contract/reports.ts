// The report as institutions send it (JSON, or CSV turned into the same shape) and what they get back.
import { z } from 'zod';
import { channel, cityCode, isoDate, linkStatus, mode, period, problemItem, slug } from './common.js';

export const MAX_LINKS = 1_000_000;
export const MAX_AGREEMENTS = 10_000;

export const restriction = z.enum(['own-group-only', 'no-competitor-codes', 'steering', 'data-sharing-required', 'minimum-volume', 'tying']);
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
  ref: z.string().min(1, { error: 'REQUIRED: ref is required' }).max(100, { error: 'TOO_LONG: ref has at most 100 characters' }),
  counterparty: slug,
  kind: agreementKind,
  exclusive: z.boolean(),
  feeBps: z.number().int({ error: 'BAD_FEE: feeBps is a whole number of basis points' }).min(0, { error: 'BAD_FEE: feeBps cannot be negative' }).max(10_000, { error: 'BAD_FEE: feeBps is at most 10000' }).nullable(),
  scope: z.strictObject({
    cities: z.array(cityCode).min(1, { error: 'BAD_SCOPE: name at least one city, or *' }),
    modes: z.array(mode).min(1, { error: 'BAD_SCOPE: name at least one mode' }),
    channels: z.array(channel).min(1, { error: 'BAD_SCOPE: name at least one channel' }),
  }),
  restrictions: z.array(restriction),
  effective: isoDate,
  expires: isoDate.nullable(),
  text: z.string().max(5000, { error: 'TOO_LONG: text has at most 5000 characters' }).optional(),
});
export type Agreement = z.infer<typeof agreement>;

export const reportInput = z.strictObject({
  institution: slug,
  period,
  links: z.array(link).max(MAX_LINKS, { error: `TOO_MANY_ROWS: a report has at most ${MAX_LINKS} links` }),
  agreements: z.array(agreement).max(MAX_AGREEMENTS, { error: `TOO_MANY_ROWS: a report has at most ${MAX_AGREEMENTS} agreements` }).default([]),
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
  warnings: z.array(problemItem),
  dryRun: z.boolean().optional(),
});
export type Receipt = z.infer<typeof receipt>;

export const reportSummary = receipt.omit({ dryRun: true }).extend({ id: z.number().int(), latest: z.boolean(), submittedBy: z.string() });
export type ReportSummary = z.infer<typeof reportSummary>;

export const reportDetail = reportSummary.extend({ links: z.array(link.extend({ row: z.number().int() })), agreements: z.array(agreement.extend({ row: z.number().int() })) });

export const reportList = z.object({ items: z.array(reportSummary), total: z.number().int() });

export const reportListQuery = z.strictObject({
  institution: slug.optional(),
  period: period.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

/** *(issue 14)* A receipt as JSON (the default) or as a printable PDF. */
export const receiptQuery = z.strictObject({ format: z.enum(['json', 'pdf']).optional() });

export const submitQuery = z.object({ dryRun: z.enum(['true', 'false']).optional() });

export const periodList = z.object({ items: z.array(z.string()) });
