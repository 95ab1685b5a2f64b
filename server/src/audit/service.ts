// The audit trail's logic: verifying the chain page by page, and the entries other features record
// on their own (exports).
import type { AppContext } from '../app-context.js';
import { createHash } from 'node:crypto';
import type { AuditCertificate, AuditEntry, AuditVerification } from '../contract/audit.js';
import type { Db } from '../db/database.js';
import type { AuditLogRow } from '../db/schema.js';
import type { Principal } from '../domain/principal.js';
import { decodeWithLoneSurrogates, REPLACEMENT_CHARACTER } from '../text/well-formed-text.js';
import { APP_VERSION } from '../version.js';
import { auditHash, canonicalJson, GENESIS_HASH, type AuditJson } from './audit-hash.js';
import { auditHeadSeq, auditRowsAfter, auditTextBytes, recordAudit } from './repository.js';

/** Entries hashed per query: memory stays flat however long the trail grows. */
export const VERIFY_BATCH = 1000;

/** At most this many entries are named in legacyText. */
export const LISTED_ENTRIES = 100;

type StoredCheck = 'ok' | 'legacy-text' | 'hash';

function hashOf(row: AuditLogRow, details: { [key: string]: AuditJson }, actor: string, target: string): string {
  return auditHash({ seq: row.seq, at: row.at, actor, action: row.action, target, details, prevHash: row.prev_hash });
}

/**
 * Before text was made well-formed, an entry's actor or target could hold a lone surrogate: the
 * hash covered it, and SQLite kept its three bytes (ED A0 80 for U+D800: not UTF-8, so it reads
 * back as three U+FFFD). Details were never affected (stored as JSON text, whose escapes keep it).
 * Such an entry is checked against its stored bytes read with their lone surrogates: exactly
 * what was hashed, so a change of a single byte still breaks it.
 */
async function checkStored(db: Db, row: AuditLogRow): Promise<StoredCheck> {
  let details: { [key: string]: AuditJson };
  try {
    details = JSON.parse(row.details) as { [key: string]: AuditJson };
    if (hashOf(row, details, row.actor, row.target) === row.hash) return 'ok';
  } catch {
    // Details that no longer parse (or canonicalise) were changed by hand.
    return 'hash';
  }
  if (!row.actor.includes(REPLACEMENT_CHARACTER) && !row.target.includes(REPLACEMENT_CHARACTER)) return 'hash';
  const stored = await auditTextBytes(db, row.seq);
  if (!stored) return 'hash';
  const matches = hashOf(row, details, decodeWithLoneSurrogates(stored.actor), decodeWithLoneSurrogates(stored.target)) === row.hash;
  return matches ? 'legacy-text' : 'hash';
}

/** Lets requests in between pages: the queries and hashing are synchronous under the hood. */
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Recomputes the chain from the first entry to the head as it stood when the check began (entries
 * appended meanwhile are left for the next check). Reads it in pages by seq, each its own short
 * query, so writers are not held up by a long check and memory does not grow with the trail.
 * Entries written before text was made well-formed are checked as stored (checkStored) and the
 * first of them are named in `legacyText`.
 */
export async function verifyAuditTrail(db: Db, batchSize = VERIFY_BATCH, notedHead?: string): Promise<AuditVerification> {
  const lastSeq = await auditHeadSeq(db);
  const legacyText: number[] = [];
  // A noted head is held when an entry with that hash is reached with every entry before it, and
  // itself, checking out: nothing up to it was changed, inserted or removed. An empty trail's head.
  let containsAt: number | undefined = notedHead === GENESIS_HASH ? 0 : undefined;
  const answer = () =>
    notedHead === undefined ? {} : { contains: containsAt !== undefined, ...(containsAt !== undefined ? { containsAt } : {}) };
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  while (expectedSeq <= lastSeq) {
    const rows = await auditRowsAfter(db, expectedSeq - 1, lastSeq, batchSize);
    if (rows.length === 0) return { ok: false, brokenAt: expectedSeq, reason: 'sequence', ...answer() };
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, brokenAt: row.seq, reason: 'sequence', ...answer() };
      const stored = await checkStored(db, row);
      if (stored === 'hash') return { ok: false, brokenAt: row.seq, reason: 'hash', ...answer() };
      if (row.prev_hash !== prevHash) return { ok: false, brokenAt: row.seq, reason: 'link', ...answer() };
      if (stored === 'legacy-text' && legacyText.length < LISTED_ENTRIES) legacyText.push(row.seq);
      if (row.hash === notedHead && containsAt === undefined) containsAt = row.seq;
      prevHash = row.hash;
      expectedSeq += 1;
    }
    await yieldToRequests();
  }
  return { ok: true, entries: lastSeq, head: prevHash, ...answer(), ...(legacyText.length > 0 ? { legacyText } : {}) };
}

/**
 * A verification as a file to keep: the outcome with when, by whom and against which head, as
 * canonical JSON. Its SHA-256 is recorded in the trail (audit.certificate), so that the file can
 * later be shown to be the one the server issued.
 */
export async function issueAuditCertificate(
  ctx: AppContext,
  principal: Principal,
  notedHead: string | undefined,
): Promise<{ text: string; sha256: string; filename: string }> {
  const issuedAt = ctx.now().toISOString();
  const result = await verifyAuditTrail(ctx.db, VERIFY_BATCH, notedHead);
  const certificate: AuditCertificate = {
    kind: 'interop-monitor.audit-verification',
    issuedAt,
    issuedBy: principal.username,
    server: APP_VERSION,
    checkedHead: notedHead ?? null,
    result,
  };
  const text = canonicalJson(certificate) + '\n';
  const sha256 = createHash('sha256').update(text).digest('hex');
  const filename = `interop-audit-verification_${issuedAt.slice(0, 16).replace(/:/g, '')}Z.json`;
  await recordAudit(ctx.db, {
    at: issuedAt,
    actor: principal.username,
    action: 'audit.certificate',
    target: 'audit',
    details: {
      filename,
      sha256,
      ok: result.ok,
      entries: result.ok ? result.entries : null,
      head: result.ok ? result.head : null,
      checkedHead: notedHead ?? null,
      contains: result.contains ?? null,
    },
  });
  return { text, sha256, filename };
}

export interface FindingsExport {
  format: string;
  /** The finding filters the export applied, as given. */
  filters: { [key: string]: AuditJson | undefined };
  /** The order of the rows: the bytes, and so the hash, depend on it. */
  sort: string;
  /** The name the file was sent under. */
  filename: string;
  rows: number;
  /** SHA-256 (hex) of the file, as sent in X-Content-SHA256. */
  sha256: string;
  /** 'case' for a file of one row a case; absent for one row a finding, as every export before cases. */
  by?: 'case';
}

/**
 * Records an export of findings in the audit trail, once the file's hash is known. An export
 * stores nothing else, so the entry is a transaction of its own.
 */
export function recordFindingsExport(ctx: AppContext, principal: Principal, exported: FindingsExport): Promise<AuditEntry> {
  return recordAudit(ctx.db, {
    at: ctx.now().toISOString(),
    actor: principal.username,
    action: 'export.findings',
    target: 'findings',
    details: {
      format: exported.format,
      filters: exported.filters,
      sort: exported.sort,
      filename: exported.filename,
      rows: exported.rows,
      sha256: exported.sha256,
      ...(exported.by ? { by: exported.by } : {}),
    },
  });
}
