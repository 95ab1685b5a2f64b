// An institution's links as of a period, by city, from the reconciled state.
import { z } from 'zod';
import { channel, mode, period } from './common.js';
import { asOfReportRef } from './institution-agreements.js';
import { matrixCell } from './matrix.js';

export const institutionLinksQuery = z.strictObject({
  period: period.optional().describe('Default the latest reported period (by any institution).'),
  mode: mode.default('mpm'),
  channel: channel.default('offline'),
});
export type InstitutionLinksQuery = z.infer<typeof institutionLinksQuery>;

export const linkGroup = z.object({
  cities: z.array(z.string()).describe('City codes, ascending: in each of them the institution has exactly these links.'),
  links: z.array(matrixCell).describe('Links in which the institution is scanner or issuer, by scanner then issuer.'),
});
export type LinkGroup = z.infer<typeof linkGroup>;

export const institutionLinks = z.object({
  institution: z.string(),
  period: z.string().nullable().describe('null when nothing has been reported and no period was asked for.'),
  mode,
  channel,
  report: asOfReportRef
    .nullable()
    .describe('The institution’s own as-of report; null when it has none (its links may still be declared by the other parties).'),
  cityCount: z.number().int().describe('Cities in which the institution has at least one link.'),
  groups: z
    .array(linkGroup)
    .describe('Cities sharing the same link set, largest group first (then by first city code). Cities without any link are left out.'),
});
export type InstitutionLinks = z.infer<typeof institutionLinks>;
