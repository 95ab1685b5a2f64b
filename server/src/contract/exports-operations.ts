// The findings export operation of the OpenAPI document.
import { z } from 'zod';
import { exportCheck, exportQuery, pastExportList, pastExportsQuery } from './exports.js';
import type { Operation } from './operations.js';

type Failures = Record<'unauthorized' | 'forbidden' | 'invalid', Operation['responses']> & {
  fail: (description: string) => Operation['responses'][string];
};

export function operations({ unauthorized, forbidden, invalid, fail }: Failures): Operation[] {
  return [
    {
      method: 'get',
      path: '/exports/findings',
      tag: 'Exports',
      summary: 'Export findings with their evidence, or cases, as CSV, XLSX, PDF or JSON',
      roles: 'analyst, auditor, admin',
      description:
        'Takes every filter of GET /findings and its `sort`; exports every matching finding (no paging). ' +
        '`Content-Disposition` names the file after its filters and time; `X-Content-SHA256` is the SHA-256 of the exact bytes sent and `X-Export-Rows` the number of findings. ' +
        'Each export is recorded in the audit trail (action export.findings) with the filters, format, row count and that hash, and its file is kept for GET /exports/{id}/file ' +
        '(content-addressed: the same bytes are kept once) for EXPORT_RETENTION_DAYS (a server setting, default 365) after the last export of those bytes. ' +
        'CSV: UTF-8 with a BOM, one finding a row, evidence, history and the finding’s own comments as text, and its case (column case). XLSX: sheets Findings (frozen header, filters, dates as dates; column Case), Evidence, Status history and Comments (a row a comment of the finding’s own). ' +
        'A case’s comments (POST /cases/{id}/comments) are stored once and exported once, by case: an export by finding names each finding’s case (JSON: caseId) and never repeats the thread in its rows. ' +
        'PDF: a first page saying in words what the file holds (the filters as labels, time, count), severities and statuses in English and Chinese, and the data hash — the SHA-256 of the JSON export of the same filters and order, which is deterministic, ' +
        'unlike the file hash of the PDF itself, which the audit trail records — a summary by rule and severity, then every finding; pages numbered. ' +
        'JSON: `{ filters, sort, total, findings: [...] }`, each finding as in GET /findings/:id plus subject and city names, with its own comments only. PDF by finding: each finding names its case. ' +
        'Spreadsheet cells that would start a formula (= + - @) are prefixed with an apostrophe. ' +
        '`by=case`: one row a case (see GET /cases) — rule, subjects, mode, channel, worst severity, cities (count, codes and names), findings by status, periods, explanation and its thread, oldest first — ' +
        'sorted by the sorts of GET /cases (422 BAD_SORT for a sort of findings); CSV (column comments, as the findings’ CSV writes comments), XLSX (sheet Cases, and sheet Comments with a row a comment: a thread can outgrow an Excel cell), ' +
        'JSON (`{ filters, by, sort, total, cases: [...] }`, each case with `comments: [{ at, author, institution, text }]`) and PDF (a section a case, its thread under it; its data hash is that of the JSON by case); ' +
        'recorded as any export, with `by: "case"` in its details, the file named interop-cases_….',
      query: exportQuery,
      responses: {
        '200': { description: 'The file', contentType: 'application/octet-stream' },
        ...unauthorized,
        ...forbidden,
        ...invalid,
      },
    },
    {
      method: 'get',
      path: '/exports',
      tag: 'Exports',
      summary: 'The findings exports made so far, newest first',
      roles: 'analyst, auditor, admin',
      description:
        "The audit trail's export.findings entries (actor, time, and in details: format, filters, sort, filename, rows, sha256), so that a file can be matched to its record; " +
        'each with `file`: whether its bytes are still kept for GET /exports/{id}/file, and until when.',
      query: pastExportsQuery,
      responses: {
        '200': { description: 'Audit entries of exports with their kept files', schema: pastExportList },
        ...unauthorized,
        ...forbidden,
        ...invalid,
      },
    },
    {
      method: 'get',
      path: '/exports/:id/file',
      tag: 'Exports',
      summary: 'A past findings export again, byte for byte',
      roles: 'analyst, auditor, admin',
      description:
        "`id` is the seq of the export's audit entry (GET /exports). Answers the exact bytes recorded, checked against the recorded SHA-256 before they are sent, with the recorded filename, " +
        '`X-Content-SHA256` and `X-Export-Rows`. The re-download is recorded (action export.file).',
      responses: {
        '200': { description: 'The file', contentType: 'application/octet-stream' },
        ...unauthorized,
        ...forbidden,
        '404': fail('EXPORT_NOT_FOUND: no findings export with this id'),
        '410': fail(
          'EXPORT_FILE_EXPIRED: past EXPORT_RETENTION_DAYS the file is no longer kept; its record and hash stay in the audit trail',
        ),
      },
    },
    {
      method: 'post',
      path: '/exports/check',
      tag: 'Exports',
      summary: 'Which export is this file?',
      roles: 'analyst, auditor, admin',
      description:
        'Send a file (multipart field `file`, at most 256 MB, hashed as it arrives and not stored). Answers its SHA-256, size and the audit entries that recorded those bytes, oldest first (up to 100): ' +
        'findings exports, and for auditors and admins also audit trail exports and verification certificates. A file changed by a single byte matches none: 404 EXPORT_NOT_MATCHED. ' +
        'Records outlive the kept files, so a file past retention is still recognised.',
      body: { 'multipart/form-data': z.object({ file: z.string().describe('the file to check') }) },
      responses: {
        '200': { description: 'The records of this file', schema: exportCheck },
        '400': fail('Not multipart, no file field (FILE_REQUIRED), or other parts (BAD_MULTIPART)'),
        ...unauthorized,
        ...forbidden,
        '404': fail('EXPORT_NOT_MATCHED: no record has this SHA-256'),
        '413': fail('FILE_TOO_LARGE: over 256 MB'),
      },
    },
  ];
}
