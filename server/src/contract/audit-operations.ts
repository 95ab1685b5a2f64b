// The audit trail's operations of the OpenAPI document.
import { auditEntry, auditList, auditListQuery, auditVerification } from './audit.js';
import type { Operation } from './operations.js';

type Failures = Record<'unauthorized' | 'forbidden' | 'notFound' | 'invalid', Operation['responses']>;

export function operations({ unauthorized, forbidden, notFound, invalid }: Failures): Operation[] {
  return [
    {
      method: 'get', path: '/audit', tag: 'Audit trail', summary: 'The audit trail, filtered and paged', roles: 'auditor, admin',
      description:
        'Every write appends an entry in the same transaction as the write: reports accepted and rejected, finding status changes and comments, rule settings changes and ' +
        'the rule runs that changed findings (one entry a run, actor "system"), users, institutions and API keys created or changed, logins (failed ones by actor "anonymous", their target the username tried), ' +
        'logouts and exports. Entries are never changed or deleted. `total` is exact.',
      query: auditListQuery,
      responses: { '200': { description: 'A page of entries', schema: auditList }, ...unauthorized, ...forbidden, ...invalid },
    },
    {
      method: 'get', path: '/audit/verify', tag: 'Audit trail', summary: 'Recompute the hash chain', roles: 'auditor, admin',
      description:
        'Recomputes every entry’s hash and link from the first entry up to the head as it stood when the check began. An auditor who notes `entries` and `head` can later prove ' +
        'that nothing up to that entry changed: the check passes and `GET /audit/{entries}` still has that hash.',
      responses: { '200': { description: 'The outcome; ok: false names the first entry that does not check out', schema: auditVerification }, ...unauthorized, ...forbidden },
    },
    {
      method: 'get', path: '/audit/:seq', tag: 'Audit trail', summary: 'One entry of the audit trail', roles: 'auditor, admin',
      responses: { '200': { description: 'The entry', schema: auditEntry }, ...unauthorized, ...forbidden, ...notFound },
    },
  ];
}
