// Builds an export into a file while hashing it, so that the response can carry the hash of its
// exact bytes in a header and memory stays flat; keeps it by that hash (export-store.ts), records it
// in the audit trail; and serves, lists, checks and prunes the kept files.
import type { Writable } from 'node:stream';
import type { AppContext } from '../app-context.js';
import { auditEntriesOfFile, findAuditEntry, lastExportOfFiles, listAudit, recordAudit } from '../audit/repository.js';
import { recordFindingsExport } from '../audit/service.js';
import type { AuditAction, AuditEntry } from '../contract/audit.js';
import type { CaseSort } from '../contract/cases.js';
import type { ExportFormat, ExportQuery, ExportUnit, PastExport } from '../contract/exports.js';
import type { FindingFilters } from '../contract/findings.js';
import { DomainError, NotFound } from '../domain/errors.js';
import type { Principal } from '../domain/principal.js';
import { type ExportedFile, temporaryFile } from '../documents/exported-file.js';
import { hashOfStream, writeHashedFile } from '../documents/hashed-file.js';
import type { ExportMeta, ExportWriter } from './export-writer.js';
import { findingSource } from './finding-source.js';
import type { CaseExportWriter } from './case-exports.js';
import { caseSource } from './case-source.js';

// Each loaded on first use: PDFKit and its fonts weigh on the memory of a server that may never print a PDF.
const WRITERS: Record<ExportFormat, () => Promise<ExportWriter>> = {
  csv: async () => (await import('./csv-export.js')).writeCsv,
  xlsx: async () => (await import('./xlsx-export.js')).writeXlsx,
  pdf: async () => (await import('./pdf-export.js')).writePdf,
  json: async () => (await import('./json-export.js')).writeJson,
};

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
};

export async function exportFindings(ctx: AppContext, principal: Principal, query: ExportQuery): Promise<ExportedFile> {
  const { format, sort, by, ...filters } = query;
  const exportedAt = ctx.now().toISOString();
  const meta = (total: number): ExportMeta => ({ filters, sort, exportedAt, exportedBy: principal.username, total });
  if (by === 'case') {
    const writeCases = await CASE_WRITERS[format]();
    const source = await caseSource(ctx.db, principal, filters, sort as CaseSort);
    return exportFile(ctx, principal, { format, filters, sort, by, exportedAt, rows: source.total }, (out) =>
      writeCases(source, out, meta(source.total)),
    );
  }
  const source = await findingSource(ctx.db, principal, filters, sort);
  const writer = await WRITERS[format]();
  return exportFile(ctx, principal, { format, filters, sort, by, exportedAt, rows: source.ids.length }, (out) =>
    writer(source, out, meta(source.ids.length)),
  );
}

/** One row (or, in the PDF, one section) a case; loaded on first use as WRITERS. */
const CASE_WRITERS: Record<ExportFormat, () => Promise<CaseExportWriter>> = {
  csv: async () => (await import('./case-exports.js')).writeCaseCsv,
  xlsx: async () => (await import('./case-exports.js')).writeCaseXlsx,
  pdf: async () => (await import('./pdf-export.js')).writeCasePdf,
  json: async () => (await import('./case-exports.js')).writeCaseJson,
};

interface ExportedRows {
  format: ExportFormat;
  filters: FindingFilters;
  sort: string;
  by: ExportUnit;
  exportedAt: string;
  rows: number;
}

/** Writes the file while hashing it, keeps it by its hash and records it before a byte is sent. */
async function exportFile(
  ctx: AppContext,
  principal: Principal,
  exported: ExportedRows,
  writeTo: (out: Writable) => Promise<void>,
): Promise<ExportedFile> {
  const { format, filters, sort, by, exportedAt, rows } = exported;
  const written = await writeHashedFile(ctx.exportStore.partialFile(format), writeTo);
  const sending = temporaryFile(written.file);
  const filename = exportFilename(filters, format, exportedAt, by);
  try {
    await ctx.exportStore.keep(written.file, written.sha256, COMPRESSED_WHEN_KEPT[format]);
    // Recorded before a byte is sent: an auditor can match any file that left the system to its entry.
    await recordFindingsExport(ctx, principal, {
      format,
      filters,
      sort,
      filename,
      rows,
      sha256: written.sha256,
      ...(by === 'case' ? { by } : {}),
    });
    await pruneExportStore(ctx);
  } catch (err) {
    await sending.discard();
    throw err;
  }
  return { ...sending, filename, contentType: CONTENT_TYPES[format], sha256: written.sha256, bytes: written.bytes, rows };
}

/** Text formats shrink some twentyfold gzipped; XLSX and PDF are deflated inside already. */
const COMPRESSED_WHEN_KEPT: Record<ExportFormat, boolean> = { csv: true, json: true, xlsx: false, pdf: false };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Until when the bytes last exported at `lastExportedAt` are kept. */
function keptUntil(ctx: AppContext, lastExportedAt: string): Date {
  return new Date(Date.parse(lastExportedAt) + ctx.config.EXPORT_RETENTION_DAYS * DAY_MS);
}

/** Hashes looked up per query while pruning: well under SQLite's limit on bound parameters. */
const PRUNE_BATCH = 500;

/**
 * Removes the kept files whose bytes were last exported more than EXPORT_RETENTION_DAYS ago, the
 * files no export entry names (a crash between keeping and recording) and partial files left by a
 * crash, both once an hour old so that an export in progress is never caught between its steps.
 */
export async function pruneExportStore(ctx: AppContext): Promise<number> {
  const now = ctx.now();
  const settled = new Date(now.getTime() - 60 * 60 * 1000);
  const { hashes, strayPartials } = await ctx.exportStore.contents(settled);
  let removed = 0;
  for (const file of strayPartials) await ctx.exportStore.removePartial(file);
  for (let i = 0; i < hashes.length; i += PRUNE_BATCH) {
    const batch = hashes.slice(i, i + PRUNE_BATCH);
    const lastExports = await lastExportOfFiles(ctx.db, batch);
    for (const sha256 of batch) {
      const last = lastExports.get(sha256);
      const expired = last ? keptUntil(ctx, last) <= now : ((await ctx.exportStore.keptSince(sha256)) ?? now) < settled;
      if (!expired) continue;
      await ctx.exportStore.remove(sha256);
      removed += 1;
    }
  }
  return removed;
}

function fileHashOf(entry: AuditEntry): string | undefined {
  const sha256 = entry.details.sha256;
  return typeof sha256 === 'string' && /^[0-9a-f]{64}$/.test(sha256) ? sha256 : undefined;
}

/** The findings exports, newest first, each with the state of its kept file. */
export async function listPastExports(ctx: AppContext, page: number, pageSize: number): Promise<{ items: PastExport[]; total: number }> {
  const list = await listAudit(ctx.db, { action: ['export.findings'], sort: '-seq', page, pageSize });
  const hashes = [...new Set(list.items.map(fileHashOf).filter((h): h is string => h !== undefined))];
  const lastExports = await lastExportOfFiles(ctx.db, hashes);
  const now = ctx.now();
  const items = await Promise.all(
    list.items.map(async (entry): Promise<PastExport> => {
      const sha256 = fileHashOf(entry);
      const last = sha256 && lastExports.get(sha256);
      const until = last ? keptUntil(ctx, last) : undefined;
      const kept = until !== undefined && until > now && (await ctx.exportStore.keptSince(sha256!)) !== undefined;
      return { ...entry, file: { kept, keptUntil: kept ? until.toISOString() : null } };
    }),
  );
  return { items, total: list.total };
}

/**
 * The exact bytes recorded by the findings export `seq`, checked against the recorded hash before
 * they are handed out; the re-download is itself recorded (export.file).
 */
export async function keptExportFile(ctx: AppContext, principal: Principal, seq: number): Promise<ExportedFile> {
  const entry = await findAuditEntry(ctx.db, seq);
  const sha256 = entry && entry.action === 'export.findings' ? fileHashOf(entry) : undefined;
  if (!entry || !sha256) throw new NotFound({ en: `No findings export ${seq}.`, zh: `没有发现导出记录 ${seq}。` }, 'EXPORT_NOT_FOUND');
  const last = (await lastExportOfFiles(ctx.db, [sha256])).get(sha256) ?? entry.at;
  const open = keptUntil(ctx, last) > ctx.now() ? await ctx.exportStore.read(sha256) : undefined;
  if (!open) {
    throw new DomainError(
      'gone',
      'EXPORT_FILE_EXPIRED',
      { en: 'Gone', zh: '已不存在' },
      {
        en: `The file of export ${seq} is no longer kept (kept ${ctx.config.EXPORT_RETENTION_DAYS} days after its last export); its record and hash remain in the audit trail.`,
        zh: `导出 ${seq} 的文件已不再保存（最后一次导出后保存 ${ctx.config.EXPORT_RETENTION_DAYS} 天）；其记录和哈希仍在审计记录中。`,
      },
    );
  }
  const stored = await hashOfStream(open());
  if (stored.sha256 !== sha256) {
    throw new DomainError(
      'internal',
      'EXPORT_FILE_ALTERED',
      { en: 'Kept file altered', zh: '保存的文件已被改动' },
      {
        en: `The kept file of export ${seq} no longer has the recorded SHA-256; it is not served.`,
        zh: `导出 ${seq} 保存的文件与记录的 SHA-256 不符；不予提供。`,
      },
    );
  }
  const details = entry.details as { format?: ExportFormat; filename?: string; rows?: number };
  const format = details.format && details.format in CONTENT_TYPES ? details.format : 'json';
  await recordAudit(ctx.db, {
    at: ctx.now().toISOString(),
    actor: principal.username,
    action: 'export.file',
    target: `export:${seq}`,
    details: { sha256, filename: details.filename ?? null },
  });
  return {
    open,
    filename: details.filename ?? `${sha256}.${format}`,
    contentType: CONTENT_TYPES[format],
    sha256,
    bytes: stored.bytes,
    rows: details.rows ?? 0,
  };
}

/** How many matching records a check lists. */
export const CHECK_LISTED = 100;

/**
 * The records of a file by its SHA-256: findings exports for everyone who may export; audit
 * exports and verification certificates only for those who may read the audit trail.
 */
export async function recordsOfFile(ctx: AppContext, principal: Principal, sha256: string): Promise<AuditEntry[]> {
  const actions: AuditAction[] =
    principal.role === 'analyst' ? ['export.findings'] : ['export.findings', 'export.audit', 'audit.certificate'];
  const records = await auditEntriesOfFile(ctx.db, actions, sha256, CHECK_LISTED);
  if (records.length === 0)
    throw new NotFound(
      { en: `No export or certificate was recorded with SHA-256 ${sha256}.`, zh: `没有以 SHA-256 ${sha256} 记录的导出或证书。` },
      'EXPORT_NOT_MATCHED',
    );
  return records;
}

/** interop-findings_status-open_severity-high_2026-11-25T0800Z.xlsx (interop-cases_… by case): what it holds and when. */
export function exportFilename(filters: FindingFilters, format: ExportFormat, exportedAt: string, by: ExportUnit = 'finding'): string {
  const parts = Object.entries(filters)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}-${Array.isArray(v) ? v.join('+') : String(v)}`)
    .join('_')
    .replace(/[^A-Za-z0-9+\-_]/g, '')
    .slice(0, 80);
  const stamp = exportedAt.slice(0, 16).replace(/:/g, '') + 'Z';
  return `interop-${by === 'case' ? 'cases' : 'findings'}${parts ? `_${parts}` : ''}_${stamp}.${format}`;
}
