// The findings export: the list's filters and sort, and a format.
import { z } from 'zod';
import { auditEntry, sha256Hex } from './audit.js';
import { CASE_SORTS } from './cases.js';
import { problemWords } from './common.js';
import { FINDING_SORTS, findingFilters } from './findings.js';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_UNITS = ['finding', 'case'] as const;
export type ExportUnit = (typeof EXPORT_UNITS)[number];

const EXPORT_SORTS = [...new Set([...FINDING_SORTS, ...CASE_SORTS])] as [string, ...string[]];

export const exportQuery = findingFilters
  .extend({
    format: z.enum(EXPORT_FORMATS, {
      error: problemWords('BAD_FORMAT', `one of ${EXPORT_FORMATS.join(', ')}`, `应为以下之一：${EXPORT_FORMATS.join('、')}`),
    }),
    by: z
      .enum(EXPORT_UNITS, {
        error: problemWords('BAD_VALUE', `one of ${EXPORT_UNITS.join(', ')}`, `应为以下之一：${EXPORT_UNITS.join('、')}`),
      })
      .default('finding')
      .describe('finding: one row a finding; case: one row a case (see GET /cases)'),
    sort: z
      .enum(EXPORT_SORTS, {
        error: problemWords('BAD_SORT', `one of ${EXPORT_SORTS.join(', ')}`, `应为以下之一：${EXPORT_SORTS.join('、')}`),
      })
      .default('-severity')
      .describe('the sorts of GET /findings, or with by=case those of GET /cases'),
  })
  .superRefine((query, ctx) => {
    const sorts: readonly string[] = query.by === 'case' ? CASE_SORTS : FINDING_SORTS;
    if (!sorts.includes(query.sort))
      ctx.addIssue({
        code: 'custom',
        path: ['sort'],
        message: problemWords(
          'BAD_SORT',
          `by ${query.by}, one of ${sorts.join(', ')}`,
          `按${query.by === 'case' ? '线索案件' : '单条线索'}导出时，应为以下之一：${sorts.join('、')}`,
        ),
      });
  });
export type ExportQuery = z.infer<typeof exportQuery>;

export const pastExportsQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const pastExport = auditEntry.extend({
  file: z.object({
    kept: z.boolean().describe('whether GET /exports/{seq}/file still serves its bytes'),
    keptUntil: z
      .string()
      .nullable()
      .describe('when the kept bytes go (EXPORT_RETENTION_DAYS after the last export of the same bytes); null when not kept'),
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
