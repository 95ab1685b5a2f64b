// Reads a report submission's body, once the submission is admitted: JSON up to 50 MB (gzip or
// deflate accepted, as an institution's system may compress a large report, with the expansion
// bounded) or the CSV files of a multipart upload, up to 50 MB each.
import zlib from 'node:zlib';
import type { Request, Response } from 'express';
import multer from 'multer';
import { BadRequest, DomainError, PayloadTooLarge, UnsupportedContentEncoding } from '../domain/errors.js';
import { jsonTooDeep } from '../domain/json-depth.js';
import { contentEncodingOf, JSON_TYPES, REPORT_BODY_LIMIT_BYTES } from '../http/request-body.js';
import { sizeLabel } from '../text/size-label.js';
import { parseJsonReport } from './report-check.js';

/**
 * How many times its compressed size a JSON report may grow when inflated. Reports compress well
 * (their rows repeat institutions, modes and dates: the load tool's 50,000 links gzip 47-fold, 69
 * pretty-printed), a bomb ~1000-fold: one is refused as soon as its output outruns its input by this much.
 */
export const MAX_EXPANSION = 200;
/** Output below this is never held against the ratio: a small report may compress as it likes. */
const EXPANSION_FREE_BYTES = 1024 * 1024;
/** Two files of 50 MB and a few short fields. */
const MAX_MULTIPART_BYTES = 2 * REPORT_BODY_LIMIT_BYTES + 64 * 1024;

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: REPORT_BODY_LIMIT_BYTES, files: 2, fields: 10, fieldSize: 1024 },
}).fields([
  { name: 'links', maxCount: 1 },
  { name: 'agreements', maxCount: 1 },
]);

/** The body's Content-Length, when the client declared one. */
export function declaredLength(req: Request): number | undefined {
  const length = Number(req.headers['content-length']);
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}

export interface ReportBody {
  /** Bytes read, decoded. */
  bytes: number;
  /** A JSON body, decoded but not parsed yet (parseReportJson, or the report-check worker). */
  json?: Buffer;
}

/** Counts bytes against the submitter's budget (SubmissionGate). */
export type Charge = (bytes: number) => void;

/**
 * Reads the body: a JSON one into memory, a multipart one into req.body (the form's fields) and
 * req.files. A body of another type is left unread for the route to refuse. What is read is
 * charged as it is read, a body refused half-way included: decoded JSON chunk by chunk, a
 * multipart upload by its declared length before it is read (or its files' sizes after).
 */
export async function readReportBody(req: Request, res: Response, charge: Charge): Promise<ReportBody> {
  if (req.is('multipart/form-data')) return { bytes: await readMultipart(req, res, charge) };
  if (req.is(JSON_TYPES)) {
    const json = await readJson(req, charge);
    return { bytes: json.length, json };
  }
  return { bytes: 0 };
}

export function malformedJson(): BadRequest {
  return new BadRequest({ en: 'The request body is not valid JSON.', zh: '请求体不是有效的 JSON。' }, undefined, 'MALFORMED_JSON');
}

/** Puts the JSON report in req.body, or throws 400 MALFORMED_JSON or JSON_TOO_DEEP. */
export function parseReportJson(req: Request, json: Buffer): void {
  const parsed = parseJsonReport(json);
  if ('problem' in parsed) throw parsed.problem === 'too-deep' ? jsonTooDeep() : malformedJson();
  req.body = parsed.body;
}

async function readMultipart(req: Request, res: Response, charge: Charge): Promise<number> {
  const encoding = contentEncodingOf(req);
  if (encoding !== 'identity')
    throw new UnsupportedContentEncoding({
      en: `A multipart upload is read uncompressed; Content-Encoding ${encoding.slice(0, 40)} is refused.`,
      zh: `multipart 上传须为未压缩；拒绝 Content-Encoding ${encoding.slice(0, 40)}。`,
    });
  const declared = declaredLength(req);
  if (declared !== undefined && declared > MAX_MULTIPART_BYTES)
    throw new PayloadTooLarge({
      en: `A CSV upload holds at most two files of ${sizeLabel(REPORT_BODY_LIMIT_BYTES)}.`,
      zh: `CSV 上传最多包含两个文件，每个最大 ${sizeLabel(REPORT_BODY_LIMIT_BYTES)}。`,
    });
  if (declared !== undefined) charge(declared);
  await new Promise<void>((resolve, reject) =>
    upload(req, res, (err) =>
      err ? reject(err instanceof Error ? err : new Error('The upload could not be read', { cause: err })) : resolve(),
    ),
  );
  if (declared !== undefined) return declared;
  const read = Object.values((req.files ?? {}) as Record<string, Express.Multer.File[]>)
    .flat()
    .reduce((sum, file) => sum + file.size, 0);
  charge(read);
  return read;
}

async function readJson(req: Request, charge: Charge): Promise<Buffer> {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.get('content-type') ?? '')?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    throw new DomainError(
      'unsupported-encoding',
      'UNSUPPORTED_ENCODING',
      { en: 'Unsupported encoding', zh: '不支持的编码' },
      {
        en: `A JSON report is UTF-8; charset ${charset.slice(0, 40)} is refused.`,
        zh: `JSON 报告须为 UTF-8；拒绝字符集 ${charset.slice(0, 40)}。`,
      },
    );
  }
  const encoding = contentEncodingOf(req);
  const inflater =
    encoding === 'gzip' || encoding === 'x-gzip' ? zlib.createGunzip() : encoding === 'deflate' ? zlib.createInflate() : undefined;
  if (!inflater && encoding !== 'identity')
    throw new UnsupportedContentEncoding({
      en: `A JSON report may be sent as is, gzip or deflate; Content-Encoding ${encoding.slice(0, 40)} is refused.`,
      zh: `JSON 报告可原样、gzip 或 deflate 发送；拒绝 Content-Encoding ${encoding.slice(0, 40)}。`,
    });
  const declared = declaredLength(req);
  if (declared !== undefined && declared > REPORT_BODY_LIMIT_BYTES)
    throw new PayloadTooLarge({
      en: `A report is at most ${sizeLabel(REPORT_BODY_LIMIT_BYTES)}.`,
      zh: `报告最大为 ${sizeLabel(REPORT_BODY_LIMIT_BYTES)}。`,
    });
  return readBounded(req, inflater, charge);
}

/**
 * The body, decoded, refused (413) once it passes 50 MB or, compressed, outruns its input
 * MAX_EXPANSION-fold. What is left of a refused body is read off the connection without decoding
 * it before the answer, as the JSON parser does (clients that send whole bodies expect that).
 */
function readBounded(req: Request, inflater: zlib.Gunzip | zlib.Inflate | undefined, charge: Charge): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let decoded = 0;
    let settled = false;
    const refuse = (error: Error) => {
      if (settled) return;
      settled = true;
      if (inflater) {
        req.unpipe(inflater);
        inflater.destroy();
      }
      if (req.complete) return reject(error);
      req.once('end', () => reject(error));
      req.once('close', () => reject(error));
      req.resume();
    };
    const take = (chunk: Buffer) => {
      if (settled) return;
      decoded += chunk.length;
      charge(chunk.length);
      if (decoded > REPORT_BODY_LIMIT_BYTES)
        return refuse(
          new PayloadTooLarge({
            en: `A report is at most ${sizeLabel(REPORT_BODY_LIMIT_BYTES)} once decoded.`,
            zh: `报告解压后最大为 ${sizeLabel(REPORT_BODY_LIMIT_BYTES)}。`,
          }),
        );
      if (inflater && decoded > EXPANSION_FREE_BYTES && decoded > received * MAX_EXPANSION) {
        return refuse(
          new PayloadTooLarge({
            en: `The compressed body expands more than ${MAX_EXPANSION}-fold, which no report does; send it uncompressed.`,
            zh: `压缩的请求体膨胀超过 ${MAX_EXPANSION} 倍，任何报告都不会如此；请发送未压缩的内容。`,
          }),
        );
      }
      chunks.push(chunk);
    };
    const finish = () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks));
    };
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
    });
    req.once('error', refuse);
    // A client gone before the end: the promise must settle so that the submission is let go.
    req.once('close', () => {
      if (!req.complete)
        refuse(new BadRequest({ en: 'The request body ended early.', zh: '请求体提前结束。' }, undefined, 'BODY_INCOMPLETE'));
    });
    if (inflater) {
      inflater.on('data', take);
      inflater.once('end', finish);
      inflater.once('error', () =>
        refuse(
          new BadRequest(
            { en: `The body is not valid ${contentEncodingOf(req)} data.`, zh: `请求体不是有效的 ${contentEncodingOf(req)} 数据。` },
            undefined,
            'BAD_CONTENT_ENCODING',
          ),
        ),
      );
      req.pipe(inflater);
    } else {
      req.on('data', take);
      req.once('end', finish);
    }
  });
}
