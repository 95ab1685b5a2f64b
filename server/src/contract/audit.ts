// The audit trail: its entries, the list's filters and paging, and the chain's verification.
import { z } from 'zod';
import { problemWords } from './common.js';

/** Every action the trail records, as stable dotted names. */
export const AUDIT_ACTIONS = [
  'report.accepted',
  'report.rejected',
  'finding.status',
  'finding.comment',
  'rule.update',
  'rules.run',
  'user.create',
  'user.update',
  'institution.create',
  'institution.update',
  'apikey.create',
  'apikey.revoke',
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'export.findings',
  'export.audit',
  'export.file',
  'audit.certificate',
] as const;
export const auditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditAction>;

export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const auditEntry = z.object({
  seq: z.number().int().describe('1, 2, 3, … without gaps: the order of the writes'),
  at: z.string().describe('when (ISO 8601, UTC)'),
  actor: z
    .string()
    .describe(
      'a username, "key:<id>" for an API key, "system" for the rule engine, or "anonymous" for a failed login (its target names the username tried); no user may be named system or anonymous',
    ),
  action: auditAction,
  target: z
    .string()
    .describe('what was written, as kind:id (report:12, finding:7, rule:EXCL-001, user:bob, apikey:<id>, institution:alipay, findings)'),
  details: z.record(z.string(), z.unknown()).describe('what changed; never a password, key, token or a hash of one'),
  prevHash: sha256Hex.describe('the previous entry’s hash (64 zeros for the first entry)'),
  hash: sha256Hex.describe(
    'SHA-256 (hex) of the canonical JSON (keys sorted, no spaces) of {seq, at, actor, action, target, details, prevHash}',
  ),
});
export type AuditEntry = z.infer<typeof auditEntry>;

/** A date is the whole day (UTC); a date-time is an instant. */
const instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/, {
    error: problemWords(
      'BAD_DATE',
      'a date (YYYY-MM-DD) or an ISO 8601 date-time with a zone',
      '应为日期（YYYY-MM-DD）或带时区的 ISO 8601 日期时间',
    ),
    abort: true,
  })
  .refine((s) => !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s)), {
    error: problemWords('BAD_DATE', 'not a real date', '不是真实的日期'),
  });

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).min(1));

export const auditFilters = z.strictObject({
  from: instant.optional().describe('entries at or after this date (from its start) or instant'),
  to: instant.optional().describe('entries at or before this date (to its end) or instant'),
  actor: z.string().max(64).optional().describe('exactly this actor'),
  action: csv(
    z.enum(AUDIT_ACTIONS, {
      error: problemWords('UNKNOWN_ACTION', `one of ${AUDIT_ACTIONS.join(', ')}`, `应为以下之一：${AUDIT_ACTIONS.join('、')}`),
    }),
  )
    .optional()
    .describe('one or more actions, comma-separated'),
  target: z.string().max(200).optional().describe('exactly this target, e.g. finding:7'),
  excludeAction: csv(
    z.enum(AUDIT_ACTIONS, {
      error: problemWords('UNKNOWN_ACTION', `one of ${AUDIT_ACTIONS.join(', ')}`, `应为以下之一：${AUDIT_ACTIONS.join('、')}`),
    }),
  )
    .optional()
    .describe('leave out these actions, comma-separated: auth.login,auth.login_failed,auth.logout hides logins'),
});
export type AuditFilters = z.infer<typeof auditFilters>;

export const auditListQuery = auditFilters.extend({
  sort: z
    .enum(['seq', '-seq'], { error: problemWords('BAD_SORT', 'seq or -seq', '应为 seq 或 -seq') })
    .default('-seq')
    .describe('-seq: newest first'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type AuditListQuery = z.infer<typeof auditListQuery>;

export const AUDIT_EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export const auditExportQuery = auditFilters.extend({
  format: z.enum(AUDIT_EXPORT_FORMATS, {
    error: problemWords('BAD_FORMAT', `one of ${AUDIT_EXPORT_FORMATS.join(', ')}`, `应为以下之一：${AUDIT_EXPORT_FORMATS.join('、')}`),
  }),
});
export type AuditExportQuery = z.infer<typeof auditExportQuery>;

/** A noted head: lower-case hex, as the trail prints it, though a copy in capitals is taken too. */
const notedHead = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
  sha256Hex.describe('a head hash noted earlier (64 hex digits)'),
);

export const auditVerifyQuery = z.strictObject({
  head: z
    .preprocess((v) => (v === '' ? undefined : v), notedHead.optional())
    .describe('a head noted earlier: the answer says whether the trail still holds it, unchanged, at its position'),
});
export type AuditVerifyQuery = z.infer<typeof auditVerifyQuery>;

export const auditList = z.object({ items: z.array(auditEntry), total: z.number().int().describe('exact') });

const contains = z
  .boolean()
  .optional()
  .describe(
    'with ?head=: whether an entry whose hash is that head was reached with every entry up to it checking out, i.e. the trail still holds it unchanged at its position',
  );
const containsAt = z.number().int().optional().describe('with ?head= and contains: the seq of the entry whose hash is that head');

export const auditVerification = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    contains,
    containsAt,
    entries: z.number().int().describe('how many entries were checked: the whole trail as it stood when the check began'),
    head: sha256Hex.describe(
      'the hash of the last of them (64 zeros on an empty trail); note it, and a later check that finds it at the same seq proves nothing up to there changed',
    ),
    legacyText: z
      .array(z.number().int())
      .optional()
      .describe(
        'entries written before text was made well-formed (the first 100) whose actor or target held a lone surrogate: they read as U+FFFD, and are proven against the bytes stored, which still hold it',
      ),
  }),
  z.object({
    ok: z.literal(false),
    contains,
    containsAt,
    brokenAt: z.number().int().describe('the seq of the first entry that does not check out'),
    reason: z
      .enum(['hash', 'link', 'sequence'])
      .describe(
        'hash: its content no longer matches its hash; link: its prevHash is not the previous entry’s hash; sequence: entries are missing before it',
      ),
  }),
]);
export type AuditVerification = z.infer<typeof auditVerification>;

export const auditCertificate = z.object({
  kind: z.literal('interop-monitor.audit-verification'),
  issuedAt: z.string().describe('when the check ran (ISO 8601, UTC)'),
  issuedBy: z.string().describe('who asked for it'),
  server: z.string().describe('the server version that checked'),
  checkedHead: sha256Hex.nullable().describe('the head the check was asked about, or null'),
  result: auditVerification,
});
export type AuditCertificate = z.infer<typeof auditCertificate>;
