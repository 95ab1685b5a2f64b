// The audit trail's operations of the OpenAPI document.
import { auditCertificate, auditEntry, auditExportQuery, auditList, auditListQuery, auditVerification, auditVerifyQuery } from './audit.js';
import type { Operation } from './operations.js';

type Failures = Record<'unauthorized' | 'forbidden' | 'notFound' | 'invalid', Operation['responses']>;

export function operations({ unauthorized, forbidden, notFound, invalid }: Failures): Operation[] {
  return [
    {
      method: 'get',
      path: '/audit',
      tag: 'Audit trail',
      summary: 'The audit trail, filtered and paged',
      roles: 'auditor, admin',
      description:
        'Every write appends an entry in the same transaction as the write: reports accepted and rejected, finding status changes and comments, rule settings changes and ' +
        'the rule runs that changed findings (one entry a run, actor "system"), users, institutions and API keys created or changed, logins (failed ones by actor "anonymous", their target the username tried), ' +
        'logouts and exports. Entries are never changed or deleted. `total` is exact. ' +
        '`excludeAction` leaves actions out: `excludeAction=auth.login,auth.login_failed,auth.logout` hides logins and logouts.',
      query: auditListQuery,
      responses: { '200': { description: 'A page of entries', schema: auditList }, ...unauthorized, ...forbidden, ...invalid },
    },
    {
      method: 'get',
      path: '/audit/verify',
      tag: 'Audit trail',
      summary: 'Recompute the hash chain',
      roles: 'auditor, admin',
      description:
        'Recomputes every entry’s hash and link from the first entry up to the head as it stood when the check began. An auditor who notes `entries` and `head` can later prove ' +
        'that nothing up to that entry changed: the check passes and `GET /audit/{entries}` still has that hash. ' +
        'With `?head=<hash>` the answer also says `contains`: whether the check reached an entry with that hash, every entry up to it checking out — the trail still holds the noted head, ' +
        'unchanged, at its position (`containsAt`). A trail rewritten from an earlier entry on, every hash recomputed, still checks out (`ok: true`) but no longer contains the head noted before.',
      query: auditVerifyQuery,
      responses: {
        '200': { description: 'The outcome; ok: false names the first entry that does not check out', schema: auditVerification },
        ...unauthorized,
        ...forbidden,
        ...invalid,
      },
    },
    {
      method: 'get',
      path: '/audit/verify/certificate',
      tag: 'Audit trail',
      summary: 'The verification as a file to keep',
      roles: 'auditor, admin',
      description:
        'Runs the same check as GET /audit/verify (with `?head=`: against that head) and answers a JSON file: what it is, when, by whom, the server version, the head asked about and the outcome ' +
        '(entries, head, contains). The file is canonical JSON (keys sorted) with a final newline; `X-Content-SHA256` is the SHA-256 of its bytes, recorded in the trail (action audit.certificate, ' +
        'details.sha256), so that POST /exports/check can later tell a genuine certificate from an edited one. Hashed, not signed: the server holds no signing key.',
      query: auditVerifyQuery,
      responses: {
        '200': { description: 'The certificate (attachment)', schema: auditCertificate },
        ...unauthorized,
        ...forbidden,
        ...invalid,
      },
    },
    {
      method: 'get',
      path: '/audit/export',
      tag: 'Audit trail',
      summary: 'Export the audit trail as CSV or JSON lines',
      roles: 'auditor, admin',
      description:
        'Every entry matching the filters of GET /audit (no paging), oldest first, each with its prevHash and hash so that the chain can be recomputed from the file. ' +
        'CSV: UTF-8 with a BOM, columns seq, at, actor, action, target, details (canonical JSON, as hashed), prev_hash, hash; a cell that would start a spreadsheet formula (= + - @) is prefixed with an apostrophe. ' +
        'JSON lines: one entry as in GET /audit a line. `X-Content-SHA256` is the SHA-256 of the bytes sent and `X-Export-Rows` the entry count; the export is recorded (action export.audit) with its filters, count and hash.',
      query: auditExportQuery,
      responses: {
        '200': { description: 'The file (attachment)', contentType: 'application/octet-stream' },
        ...unauthorized,
        ...forbidden,
        ...invalid,
      },
    },
    {
      method: 'get',
      path: '/audit/:seq',
      tag: 'Audit trail',
      summary: 'One entry of the audit trail',
      roles: 'auditor, admin',
      responses: { '200': { description: 'The entry', schema: auditEntry }, ...unauthorized, ...forbidden, ...notFound },
    },
  ];
}
