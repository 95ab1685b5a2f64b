// The report, period and matrix operations of the OpenAPI document.
import { z } from 'zod';
import { matrix, matrixQuery } from './matrix.js';
import type { Operation } from './operations.js';
import { periodList, receipt, receiptQuery, reportDetail, reportInput, reportList, reportListQuery, submitQuery } from './reports.js';

type Failures = Record<'unauthorized' | 'forbidden' | 'notFound' | 'invalid', Operation['responses']> & {
  fail: (description: string) => Operation['responses'][string];
};

const csvUpload = z.object({
  institution: z.string(),
  period: z.string(),
  links: z.string().describe('CSV file: scanner,issuer,mode,channel,city,status,since (UTF-8 with or without BOM, or GB18030)'),
  agreements: z
    .string()
    .optional()
    .describe(
      'CSV file: ref,counterparty,kind,exclusive,fee_bps,cities,modes,channels,restrictions,effective,expires,text; lists separated by ;',
    ),
});

export function operations({ unauthorized, forbidden, notFound, invalid, fail }: Failures): Operation[] {
  return [
    {
      method: 'post',
      path: '/reports',
      tag: 'Reports',
      summary: 'Submit a report (JSON or CSV files)',
      roles: 'the reporting institution (user or API key), admin',
      description:
        'Stores the report whole as a new version of (institution, period), or nothing. `?dryRun=true` validates and answers 200 with the receipt it would give (id null). ' +
        'An `Idempotency-Key` header makes retries safe: the same key and body replay the first answer (header Idempotent-Replayed: true); another body under the key is 422 IDEMPOTENCY_KEY_REUSED; ' +
        'a retry while the first is running is 409 IDEMPOTENCY_KEY_IN_FLIGHT with Retry-After. A request holds its key for a lease (IDEMPOTENCY_LEASE_SECONDS, 60 by default): ' +
        "if it never finishes (its server process died), a retry after the lease takes the key over and runs the request again, which had stored nothing; a stored report's answer is " +
        "written in the report's own transaction, so a retry after any crash replays it rather than storing a second version. Keys are kept 24 hours. CSV errors name the row (1 = header) and column. In JSON errors, `path` names the field; " +
        "a stored link's `row` is its index in `links`. The receipt's `warnings` are worded in the request's language, as every problem is (Accept-Language). " +
        "`period` must lie from EARLIEST_PERIOD (server setting, default 2015-01) to the current month (UTC): else 422 with PERIOD_OUT_OF_RANGE on `period` (the CSV form's `period` field), dry runs included, and nothing is stored. " +
        'One submission at a time per institution (its users and keys together; an admin by name), dry runs included: another while one is being received or checked is 429 SUBMISSION_IN_PROGRESS with Retry-After. ' +
        'Beside the count (SUBMISSIONS_PER_MINUTE), each may send SUBMISSION_MB_PER_MINUTE megabytes (decoded; 200 by default) a minute: past it, 429 SUBMISSION_BYTES_EXCEEDED with Retry-After. ' +
        'A JSON report may be sent with Content-Encoding gzip or deflate; one that expands more than 200-fold is refused (413) as soon as it shows. A multipart upload is sent uncompressed.',
      query: submitQuery,
      headers: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 } }],
      body: { 'application/json': reportInput, 'multipart/form-data': csvUpload },
      responses: {
        '200': { description: 'Dry run: the receipt the report would get', schema: receipt },
        '201': { description: 'Stored: the receipt', schema: receipt },
        '400': fail('Malformed JSON or unsupported body'),
        ...unauthorized,
        ...forbidden,
        '409': fail(
          'The same Idempotency-Key is still being processed (IDEMPOTENCY_KEY_IN_FLIGHT); Retry-After says when its lease runs out',
        ),
        '413': fail(
          "Over 50 MB once decoded (a CSV file: over 50 MB), a compressed body expanding more than 200-fold, or a declared size over the minute's byte budget (PAYLOAD_TOO_LARGE)",
        ),
        '415': fail(
          'Content-Encoding other than gzip or deflate on JSON, any on a multipart upload (UNSUPPORTED_CONTENT_ENCODING); a JSON charset other than UTF-8 (UNSUPPORTED_ENCODING)',
        ),
        '422': fail(
          'Validation failed; nothing is stored. `errors` lists every problem (up to 1000) and `warnings` the plausibility notes the well-formed rows already show (SINCE_AFTER_PERIOD, HIGH_FEE, AGREEMENT_EXPIRED), in the same form. ' +
            'An unknown institution or city names the nearest known id when one is a few edits away ("did you mean unionpay?"); a value outside a set names the allowed ones; a duplicate names the row it repeats (CSV: `row 2`; JSON: `links[0]`).',
        ),
        '429': fail(
          'More submissions in a minute than the server allows one institution (SUBMISSIONS_PER_MINUTE, 120 by default; RATE_LIMITED), one already in progress (SUBMISSION_IN_PROGRESS), or more bytes than SUBMISSION_MB_PER_MINUTE (SUBMISSION_BYTES_EXCEEDED); Retry-After says when to send again',
        ),
      },
    },
    {
      method: 'get',
      path: '/reports',
      tag: 'Reports',
      summary: 'List reports, newest period first',
      roles: 'every role (institutions see their own only)',
      query: reportListQuery,
      responses: { '200': { description: 'Reports', schema: reportList }, ...unauthorized, ...invalid },
    },
    {
      method: 'get',
      path: '/reports/:id',
      tag: 'Reports',
      summary: 'A report with its rows and warnings',
      roles: 'every role (institutions: their own only, else 404)',
      responses: { '200': { description: 'Report', schema: reportDetail }, ...unauthorized, ...notFound },
    },
    {
      method: 'get',
      path: '/reports/:id/receipt',
      tag: 'Reports',
      summary: 'The receipt of a report, as JSON or as a printable PDF',
      roles: 'every role (institutions: their own only, else 404)',
      description:
        'Every version has its receipt. `?format=pdf` answers a one-page PDF (application/pdf) to print and file: the institution with its English and Chinese names, period, version ' +
        "(and whether a later version superseded it), time received, submitter, counts, warnings and the SHA-256 of the report's canonical content; `X-Content-SHA256` is the SHA-256 of the PDF bytes, " +
        'which are the same at every download of the same receipt. Warnings include AGREEMENTS_DROPPED when the version lacks agreements (by ref) that the version of the same month it replaced had.',
      query: receiptQuery,
      responses: {
        '200': { description: 'Receipt (JSON), or the PDF with format=pdf', schema: receipt },
        ...unauthorized,
        ...notFound,
        ...invalid,
        '429': fail(
          'More than RECEIPT_PDFS_PER_HOUR printable receipts in the hour (RECEIPT_PDF_RATE_LIMITED), per institution or central bank user; Retry-After says when. The JSON receipt is not limited',
        ),
      },
    },
    {
      method: 'get',
      path: '/periods',
      tag: 'Reports',
      summary: 'Periods for which any report exists, ascending (from EARLIEST_PERIOD to the current month)',
      roles: 'every role',
      responses: { '200': { description: 'Periods', schema: periodList }, ...unauthorized },
    },
    {
      method: 'get',
      path: '/matrix',
      tag: 'Analytics',
      summary: 'Scanners × issuers matrix of a city',
      roles: 'analyst, auditor, admin',
      description:
        "The state as of the period: each institution's latest report with period ≤ the given one; the scanner's declaration is authoritative: a link its as-of report leaves out has no cell, whatever the issuer declares (CONS-001 reports the dispute), and the issuer's declaration alone makes a cell (`unconfirmed`) only while the scanner has no report as of the period; `reconciliation` says whether both parties agree. 422 PERIOD_OUT_OF_RANGE for a period before EARLIEST_PERIOD.",
      query: matrixQuery,
      responses: { '200': { description: 'Matrix', schema: matrix }, ...unauthorized, ...forbidden, ...invalid },
    },
  ];
}
