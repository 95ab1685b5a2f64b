// The findings export: the list's filters and sort, and a format.
import { z } from 'zod';
import { auditEntry, sha256Hex } from './audit.js';
import { problemWords } from './common.js';
import { FINDING_SORTS, findingFilters } from './findings.js';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportQuery = findingFilters.extend({
  format: z.enum(EXPORT_FORMATS, { error: problemWords('BAD_FORMAT', `one of ${EXPORT_FORMATS.join(', ')}`, `应为以下之一：${EXPORT_FORMATS.join('、')}`) }),
  sort: z.enum(FINDING_SORTS, { error: problemWords('BAD_SORT', `one of ${FINDING_SORTS.join(', ')}`, `应为以下之一：${FINDING_SORTS.join('、')}`) }).default('-severity'),
});
export type ExportQuery = z.infer<typeof exportQuery>;

export const pastExportsQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const pastExport = auditEntry.extend({
  file: z.object({
    kept: z.boolean().describe('whether GET /exports/{seq}/file still serves its bytes'),
    keptUntil: z.string().nullable().describe('when the kept bytes go (EXPORT_RETENTION_DAYS after the last export of the same bytes); null when not kept'),
  }),
});
export const pastExportList = z.object({ items: z.array(pastExport), total: z.number().int() });
export type PastExport = z.infer<typeof pastExport>;

export const exportCheck = z.object({
  sha256: sha256Hex.describe('SHA-256 of the file sent'),
  bytes: z.number().int(),
  records: z.array(auditEntry).describe('the audit entries that recorded these bytes, oldest first'),
});
export type ExportCheck = z.infer<typeof exportCheck>;
