// The findings export operation of the OpenAPI document.
import { auditList } from './audit.js';
import { exportQuery, pastExportsQuery } from './exports.js';
import type { Operation } from './operations.js';

type Failures = Record<'unauthorized' | 'forbidden' | 'invalid', Operation['responses']>;

export function operations({ unauthorized, forbidden, invalid }: Failures): Operation[] {
  return [
    {
      method: 'get', path: '/exports/findings', tag: 'Exports', summary: 'Export findings with their evidence as CSV, XLSX, PDF or JSON', roles: 'analyst, auditor, admin',
      description:
        'Takes every filter of GET /findings and its `sort`; exports every matching finding (no paging). ' +
        '`Content-Disposition` names the file after its filters and time; `X-Content-SHA256` is the SHA-256 of the exact bytes sent and `X-Export-Rows` the number of findings. ' +
        'Each export is recorded in the audit trail (action export.findings) with the filters, format, row count and that hash. ' +
        'CSV: UTF-8 with a BOM, one finding a row, evidence and history as text. XLSX: sheets Findings (frozen header, filters, dates as dates), Evidence and Status history. ' +
        'PDF: a title page with the filters, time, count and the data hash — the SHA-256 of the JSON export of the same filters and order, which is deterministic — a summary by rule and severity, then every finding. ' +
        'JSON: `{ filters, sort, total, findings: [...] }`, each finding as in GET /findings/:id plus subject and city names. ' +
        'Spreadsheet cells that would start a formula (= + - @) are prefixed with an apostrophe.',
      query: exportQuery,
      responses: {
        '200': { description: 'The file', contentType: 'application/octet-stream' },
        ...unauthorized, ...forbidden, ...invalid,
      },
    },
    {
      method: 'get', path: '/exports', tag: 'Exports', summary: 'The findings exports made so far, newest first', roles: 'analyst, auditor, admin',
      description: 'The audit trail\'s export.findings entries (actor, time, and in details: format, filters, sort, filename, rows, sha256), so that a file can be matched to its record.',
      query: pastExportsQuery,
      responses: { '200': { description: 'Audit entries of exports', schema: auditList }, ...unauthorized, ...forbidden, ...invalid },
    },
  ];
}
