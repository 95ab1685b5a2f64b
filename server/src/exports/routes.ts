// GET /exports/findings?format=csv|xlsx|pdf|json&<finding filters>; GET /exports, the exports made so
// far as the audit trail records them, with their kept files; GET /exports/:id/file, a kept file
// again; POST /exports/check, which export a file is (analyst, auditor, admin).
import { createHash } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import multer from 'multer';
import type { AppContext } from '../app-context.js';
import { exportQuery, pastExportsQuery } from '../contract/exports.js';
import { BadRequest, NotFound, PayloadTooLarge } from '../domain/errors.js';
import { principalOf, requireRole } from '../http/principal.js';
import { parseInput } from '../http/validate.js';
import { sendExportedFile } from '../documents/exported-file.js';
import { exportFindings, keptExportFile, listPastExports, recordsOfFile } from './service.js';

/** The largest file POST /exports/check reads: well above the largest export (100,000 findings as CSV). */
export const MAX_CHECKED_BYTES = 256 * 1024 * 1024;

interface CheckedFile {
  sha256: string;
  bytes: number;
}

/** Hashes the uploaded file as it arrives, storing nothing: memory stays flat whatever its size. */
const hashingStorage: multer.StorageEngine = {
  _handleFile(_req, file, done) {
    const hash = createHash('sha256');
    let bytes = 0;
    file.stream.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      bytes += chunk.length;
    });
    file.stream.on('error', done);
    file.stream.on('end', () => done(null, { sha256: hash.digest('hex'), bytes } as Partial<Express.Multer.File>));
  },
  _removeFile(_req, _file, done) {
    done(null);
  },
};

const checkUpload = multer({ storage: hashingStorage, limits: { fileSize: MAX_CHECKED_BYTES, files: 1, fields: 0, parts: 1 } }).single(
  'file',
);

async function hashedUpload(req: Request, res: Response): Promise<CheckedFile> {
  if (!req.is('multipart/form-data'))
    throw new BadRequest(
      { en: 'Send the file as multipart/form-data, in a field named file.', zh: '请以 multipart/form-data 发送文件，字段名为 file。' },
      undefined,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  await new Promise<void>((resolve, reject) =>
    checkUpload(req, res, (err: unknown) => {
      if ((err as { code?: string } | undefined)?.code === 'LIMIT_FILE_SIZE') {
        reject(
          new PayloadTooLarge(
            {
              en: `A file to check may be at most ${MAX_CHECKED_BYTES / (1024 * 1024)} MB.`,
              zh: `待核对的文件最大为 ${MAX_CHECKED_BYTES / (1024 * 1024)} MB。`,
            },
            'FILE_TOO_LARGE',
          ),
        );
      } else if (err) reject(err instanceof Error ? err : new Error('The upload could not be read', { cause: err }));
      else resolve();
    }),
  );
  const file = req.file as (Express.Multer.File & CheckedFile) | undefined;
  if (!file)
    throw new BadRequest(
      { en: 'Send the file in a multipart field named file.', zh: '请在名为 file 的 multipart 字段中发送文件。' },
      undefined,
      'FILE_REQUIRED',
    );
  return { sha256: file.sha256, bytes: file.bytes };
}

export function exportRoutes(ctx: AppContext): Router {
  const router = Router();
  // Analysts export too, so they may see, fetch again and check what was exported, though not the rest of the audit trail.
  const exporters = requireRole('analyst', 'auditor', 'admin');

  router.get('/exports/findings', exporters, async (req, res) => {
    await sendExportedFile(res, await exportFindings(ctx, principalOf(req), parseInput(exportQuery, req.query)));
  });

  router.get('/exports', exporters, async (req, res) => {
    const { page, pageSize } = parseInput(pastExportsQuery, req.query);
    res.json(await listPastExports(ctx, page, pageSize));
  });

  router.get('/exports/:id/file', exporters, async (req, res) => {
    const param = String(req.params.id);
    const seq = /^[1-9]\d{0,15}$/.test(param) ? Number(param) : NaN;
    if (!Number.isSafeInteger(seq))
      throw new NotFound({ en: `No findings export ${param}.`, zh: `没有发现导出记录 ${param}。` }, 'EXPORT_NOT_FOUND');
    await sendExportedFile(res, await keptExportFile(ctx, principalOf(req), seq));
  });

  // Authorised before a byte of the upload is read.
  router.post('/exports/check', exporters, async (req, res) => {
    const file = await hashedUpload(req, res);
    const records = await recordsOfFile(ctx, principalOf(req), file.sha256);
    res.json({ ...file, records });
  });

  return router;
}
