// The audit trail's logic: verifying the chain page by page, and the entries other features record
// on their own (exports).
import type { AppContext } from '../app-context.js';
import type { AuditEntry, AuditVerification } from '../contract/audit.js';
import type { Db } from '../db/database.js';
import type { AuditLogRow } from '../db/schema.js';
import type { Principal } from '../http/principal.js';
import { auditHash, GENESIS_HASH, type AuditJson } from './audit-hash.js';
import { auditHeadSeq, auditRowsAfter, recordAudit } from './repository.js';

/** Entries hashed per query: memory stays flat however long the trail grows. */
export const VERIFY_BATCH = 1000;

function hashMatches(row: AuditLogRow): boolean {
  try {
    const details = JSON.parse(row.details) as { [key: string]: AuditJson };
    return auditHash({ seq: row.seq, at: row.at, actor: row.actor, action: row.action, target: row.target, details, prevHash: row.prev_hash }) === row.hash;
  } catch {
    // Details that no longer parse (or canonicalise) were changed by hand.
    return false;
  }
}

/** Lets requests in between pages: the queries and hashing are synchronous under the hood. */
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Recomputes the chain from the first entry to the head as it stood when the check began (entries
 * appended meanwhile are left for the next check). Reads it in pages by seq, each its own short
 * query, so writers are not held up by a long check and memory does not grow with the trail.
 */
export async function verifyAuditTrail(db: Db, batchSize = VERIFY_BATCH): Promise<AuditVerification> {
  const lastSeq = await auditHeadSeq(db);
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  while (expectedSeq <= lastSeq) {
    const rows = await auditRowsAfter(db, expectedSeq - 1, lastSeq, batchSize);
    if (rows.length === 0) return { ok: false, brokenAt: expectedSeq, reason: 'sequence' };
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, brokenAt: row.seq, reason: 'sequence' };
      if (!hashMatches(row)) return { ok: false, brokenAt: row.seq, reason: 'hash' };
      if (row.prev_hash !== prevHash) return { ok: false, brokenAt: row.seq, reason: 'link' };
      prevHash = row.hash;
      expectedSeq += 1;
    }
    await yieldToRequests();
  }
  return { ok: true, entries: lastSeq, head: prevHash };
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
    details: { format: exported.format, filters: exported.filters, sort: exported.sort, filename: exported.filename, rows: exported.rows, sha256: exported.sha256 },
  });
}
