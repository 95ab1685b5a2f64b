// A file ready to send (a findings export, a kept export, an audit trail export) and how it is sent:
// as an attachment with the SHA-256 of its exact bytes and its row count in headers.
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';

export interface ExportedFile {
  /** Its bytes, from the start. */
  open(): Readable;
  /** Called once it is sent (or sending failed): removes a temporary file. */
  discard?(): Promise<void>;
  filename: string;
  contentType: string;
  sha256: string;
  bytes: number;
  rows: number;
}

/** A file written for one response: read from `file`, deleted once sent. */
export function temporaryFile(file: string): { open(): Readable; discard(): Promise<void> } {
  return { open: () => fs.createReadStream(file), discard: () => fs.promises.rm(file, { force: true }) };
}

export async function sendExportedFile(res: Response, exported: ExportedFile): Promise<void> {
  try {
    res.setHeader('Content-Type', exported.contentType);
    res.setHeader('Content-Length', String(exported.bytes));
    res.setHeader('Content-Disposition', `attachment; filename="${exported.filename}"`);
    res.setHeader('X-Content-SHA256', exported.sha256);
    res.setHeader('X-Export-Rows', String(exported.rows));
    await pipeline(exported.open(), res);
  } finally {
    await exported.discard?.();
  }
}
