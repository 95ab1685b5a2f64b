// An institution's agreements as declared in its as-of report for a period.
import { z } from 'zod';
import { period } from './common.js';
import { agreement } from './reports.js';

export const institutionAgreementsQuery = z.strictObject({
  period: period.optional().describe('Default the latest reported period (by any institution).'),
});
export type InstitutionAgreementsQuery = z.infer<typeof institutionAgreementsQuery>;

export const asOfReportRef = z
  .object({
    id: z.number().int(),
    version: z.number().int(),
    period: z.string().describe('The report’s own period: earlier than the period asked for when it is carried forward over a gap.'),
    receivedAt: z.string(),
  })
  .describe('The institution’s as-of report: the latest version of its latest report with period ≤ the period asked for.');
export type AsOfReportRef = z.infer<typeof asOfReportRef>;

export const agreementView = agreement.extend({
  row: z.number().int().describe('The agreement’s index in the report.'),
  reportId: z.number().int(),
  version: z.number().int(),
  reportPeriod: z.string(),
  inForce: z.boolean().describe('effective ≤ the last day of the period asked for, and expires null or ≥ its first day.'),
});
export type AgreementView = z.infer<typeof agreementView>;

export const institutionAgreements = z.object({
  institution: z.string(),
  period: z.string().nullable().describe('null when nothing has been reported and no period was asked for.'),
  report: asOfReportRef.nullable().describe('null when the institution has no report for the period or an earlier one.'),
  items: z.array(agreementView).describe('In the report’s order.'),
});
export type InstitutionAgreements = z.infer<typeof institutionAgreements>;
