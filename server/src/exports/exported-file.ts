// A file ready to send (a findings export, a kept export, an audit trail export) and how it is sent:
// as an attachment with the SHA-256 of its exact bytes and its row count in headers.
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';

export interface ExportedFile {
  /** Where its bytes are: a kept file, or a temporary one its route deletes once sent. */
  file: string;
  filename: string;
  contentType: string;
  sha256: string;
  bytes: number;
  rows: number;
}

export async function sendExportedFile(res: Response, exported: ExportedFile): Promise<void> {
  res.setHeader('Content-Type', exported.contentType);
  res.setHeader('Content-Length', String(exported.bytes));
  res.setHeader('Content-Disposition', `attachment; filename="${exported.filename}"`);
  res.setHeader('X-Content-SHA256', exported.sha256);
  res.setHeader('X-Export-Rows', String(exported.rows));
  res.setHeader('Cache-Control', 'no-store');
  await pipeline(fs.createReadStream(exported.file), res);
}
