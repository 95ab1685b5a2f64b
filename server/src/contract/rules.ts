// The rules as the API shows them, their settings changes and the what-if preview.
import { z } from 'zod';
import { findingStatus, severity } from './findings.js';

const text = z.object({ en: z.string(), zh: z.string() });
const settings = z.record(z.string(), z.number());

export const ruleView = z.object({
  id: z.string(),
  version: z.number().int(),
  title: text,
  description: text,
  severity,
  enabled: z.boolean(),
  settings,
  defaults: settings,
  counts: z.partialRecord(findingStatus, z.number().int()).describe('findings of this rule by status'),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

export const ruleList = z.object({ items: z.array(ruleView) });

export const rulePut = z.strictObject({
  enabled: z.boolean().optional(),
  settings: settings.optional().describe('the settings to change; the others keep their value'),
});

export const previewRequest = z.strictObject({ settings });

export const previewResult = z.object({
  ruleId: z.string(),
  period: z.string().nullable().describe('the latest reported period, where holding decides open or resolved'),
  settings,
  wouldOpen: z.number().int().describe('findings that would open (new, or resolved ones that would reopen)'),
  wouldResolve: z
    .number()
    .int()
    .describe('open or acknowledged findings that would resolve (the system never resolves a confirmed finding)'),
  unchanged: z.number().int().describe('findings that hold now and would still hold'),
});
