// The findings export: the list's filters and sort, and a format.
import { z } from 'zod';
import { FINDING_SORTS, findingFilters } from './findings.js';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportQuery = findingFilters.extend({
  format: z.enum(EXPORT_FORMATS, { error: `BAD_FORMAT: one of ${EXPORT_FORMATS.join(', ')}` }),
  sort: z.enum(FINDING_SORTS, { error: `BAD_SORT: one of ${FINDING_SORTS.join(', ')}` }).default('-severity'),
});
export type ExportQuery = z.infer<typeof exportQuery>;

export const pastExportsQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
