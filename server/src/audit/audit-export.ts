// The audit trail as a file: CSV for people (formula-safe, UTF-8 with a BOM) or JSON lines for
// machines, every entry matching the filters in seq order, read page by page so that memory stays
// flat. Each entry keeps its hash and prevHash, so the file can be checked against the chain.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { AppContext } from '../app-context.js';
import type { AuditEntry, AuditExportQuery } from '../contract/audit.js';
import { write } from '../documents/stream-write.js';
import { csvRecord } from '../documents/csv-record.js';
import { type ExportedFile, temporaryFile } from '../documents/exported-file.js';
import { writeHashedFile } from '../documents/hashed-file.js';
import type { Principal } from '../domain/principal.js';
import { canonicalJson } from './audit-hash.js';
import { filteredAuditAfter, recordAudit } from './repository.js';

const PAGE = 1000;

export const AUDIT_CSV_COLUMNS = ['seq', 'at', 'actor', 'action', 'target', 'details', 'prev_hash', 'hash'] as const;

/** Details as the hash covers them (canonical JSON), so that a reader can recompute an entry's hash. */
const csvRow = (e: AuditEntry) =>
  csvRecord([String(e.seq), e.at, e.actor, e.action, e.target, canonicalJson(e.details), e.prevHash, e.hash]);

const jsonLine = (e: AuditEntry) => JSON.stringify(e) + '\n';

async function writeEntries(ctx: AppContext, query: AuditExportQuery, out: Writable): Promise<number> {
  const { format, ...filters } = query;
  if (format === 'csv') await write(out, '\uFEFF' + csvRecord(AUDIT_CSV_COLUMNS));
  const line = format === 'csv' ? csvRow : jsonLine;
  let afterSeq = 0;
  let rows = 0;
  for (;;) {
    const page = await filteredAuditAfter(ctx.db, filters, afterSeq, PAGE);
    if (page.length === 0) return rows;
    await write(out, page.map(line).join(''));
    rows += page.length;
    afterSeq = page[page.length - 1].seq;
  }
}

/** Writes the export into a temporary file (deleted once sent) and records it (export.audit) with its filters, row count and hash before it is sent. */
export async function exportAuditTrail(ctx: AppContext, principal: Principal, query: AuditExportQuery): Promise<ExportedFile> {
  const exportedAt = ctx.now().toISOString();
  let rows = 0;
  const written = await writeHashedFile(path.join(os.tmpdir(), `interop-audit-${randomUUID()}.${query.format}`), async (out) => {
    rows = await writeEntries(ctx, query, out);
  });
  const { format, ...filters } = query;
  const filename = `interop-audit_${exportedAt.slice(0, 16).replace(/:/g, '')}Z.${format}`;
  try {
    await recordAudit(ctx.db, {
      at: exportedAt,
      actor: principal.username,
      action: 'export.audit',
      target: 'audit',
      details: { format, filters, filename, rows, sha256: written.sha256 },
    });
  } catch (err) {
    await fs.promises.rm(written.file, { force: true });
    throw err;
  }
  const contentType = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8';
  return { ...temporaryFile(written.file), filename, contentType, sha256: written.sha256, bytes: written.bytes, rows };
}
