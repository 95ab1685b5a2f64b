// Builds an export into a temporary file while hashing it, so that the response can carry the
// hash of its exact bytes in a header and memory stays flat; then records it in the audit trail.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { AppContext } from '../app-context.js';
import { recordFindingsExport } from '../audit/service.js';
import type { ExportFormat, ExportQuery } from '../contract/exports.js';
import type { FindingFilters } from '../contract/findings.js';
import type { Principal } from '../http/principal.js';
import type { ExportMeta, ExportWriter } from './export-writer.js';
import { findingSource } from './finding-source.js';

// Each loaded on first use: PDFKit and its fonts alone add some 16 MB to a server that may never print a PDF.
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

export interface ExportFile {
  /** A temporary file: the caller sends it, then deletes it. */
  file: string;
  filename: string;
  contentType: string;
  sha256: string;
  bytes: number;
  rows: number;
}

export async function exportFindings(ctx: AppContext, principal: Principal, query: ExportQuery): Promise<ExportFile> {
  const { format, sort, ...filters } = query;
  const exportedAt = ctx.now().toISOString();
  const source = await findingSource(ctx.db, principal, filters, sort);
  const meta: ExportMeta = { filters, sort, exportedAt, exportedBy: principal.username, total: source.ids.length };

  const writer = await WRITERS[format]();
  const file = path.join(os.tmpdir(), `interop-export-${randomUUID()}.${format}`);
  const hash = createHash('sha256');
  let bytes = 0;
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  const target = fs.createWriteStream(file);
  hashing.pipe(target);
  try {
    await writer(source, hashing, meta);
    if (!hashing.writableEnded) hashing.end();
    await finished(target);
  } catch (err) {
    hashing.destroy();
    target.destroy();
    await fs.promises.rm(file, { force: true });
    throw err;
  }
  const sha256 = hash.digest('hex');
  const filename = exportFilename(filters, format, exportedAt);
  // Recorded before a byte is sent: an auditor can match any file that left the system to its entry.
  await recordFindingsExport(ctx, principal, { format, filters, sort, filename, rows: source.ids.length, sha256 });
  return { file, filename, contentType: CONTENT_TYPES[format], sha256, bytes, rows: source.ids.length };
}

/** interop-findings_status-open_severity-high_2026-11-25T0800Z.xlsx: what it holds and when. */
export function exportFilename(filters: FindingFilters, format: ExportFormat, exportedAt: string): string {
  const parts = Object.entries(filters)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}-${Array.isArray(v) ? v.join('+') : String(v)}`)
    .join('_')
    .replace(/[^A-Za-z0-9+\-_]/g, '')
    .slice(0, 80);
  const stamp = exportedAt.slice(0, 16).replace(/:/g, '') + 'Z';
  return `interop-findings${parts ? `_${parts}` : ''}_${stamp}.${format}`;
}
