// A corpus of bad reports, each answered with a clear 4xx problem (stable code, no stack, no SQL)
// and nothing stored: the audit trail and the report list are the same after the whole corpus.
import { gzipSync, deflateRawSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aLink, aReport } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ now: new Date('2021-12-20T08:00:00Z') });
});
afterAll(() => app.close());

const HEADER = 'scanner,issuer,mode,channel,city,status,since';
const json = (value: unknown) => JSON.stringify(value);

/** A zip archive holding one file: a megabyte of zeros, about a kilobyte compressed (the classic bomb's seed). */
function zipOfZeros(): Buffer {
  const data = Buffer.alloc(1 << 20);
  const packed = deflateRawSync(data, { level: 9 });
  const name = Buffer.from('links.csv');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  return Buffer.concat([local, name, packed]);
}

interface JsonCase {
  name: string;
  body: string | Buffer;
  headers?: Record<string, string>;
  status: number;
  code: string;
}

const JSON_CASES: JsonCase[] = [
  { name: 'malformed JSON', body: '{"institution": "alipay", "period": ', status: 400, code: 'MALFORMED_JSON' },
  { name: 'wrong types', body: json({ institution: 'alipay', period: 202106, links: 'many' }), status: 422, code: 'VALIDATION_FAILED' },
  { name: 'an unknown field', body: json({ ...aReport(), extra: true }), status: 422, code: 'VALIDATION_FAILED' },
  {
    name: 'an unknown field in a link',
    body: json(aReport({ links: [{ ...aLink(), colour: 'red' }] })),
    status: 422,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a huge string',
    body: json(aReport({ links: [aLink({ city: 'x'.repeat(5_000_000) })] })),
    status: 422,
    code: 'VALIDATION_FAILED',
  },
  {
    name: '1,000,001 rows',
    body: `{"institution":"alipay","period":"2021-06","links":[${'0,'.repeat(1_000_000)}0]}`,
    status: 422,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'deeply nested JSON',
    body: `{"institution":"alipay","period":"2021-06","links":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    status: 400,
    code: 'JSON_TOO_DEEP',
  },
  {
    name: 'a NUL byte in a field',
    body: json(aReport({ links: [aLink({ scanner: 'ali\u0000pay' })] })),
    status: 422,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a formula for an institution',
    body: json(aReport({ links: [aLink({ issuer: '=HYPERLINK("http://evil.example","x")' })] })),
    status: 422,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a body over the size limit',
    body: `{"institution":"alipay","period":"2021-06","links":[],"pad":"${'x'.repeat(51 * 1024 * 1024)}"}`,
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'a gzip bomb (60 MB of spaces in 60 kB)',
    body: gzipSync(Buffer.alloc(60 * 1024 * 1024, ' ')),
    headers: { 'content-encoding': 'gzip' },
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
];

interface CsvCase {
  name: string;
  links: Uint8Array | string;
  status: number;
  code: string;
}

const CSV_CASES: CsvCase[] = [
  {
    name: 'UTF-16 (not an encoding reports come in)',
    links: iconv.encode(`${HEADER}\nalipay,unionpay,mpm,offline,110000,live,2021-01-01\n`, 'utf16le', { addBOM: true }),
    status: 422,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a bare quote',
    links: `${HEADER}\nalipay,union"pay,mpm,offline,110000,live,2021-01-01\n`,
    status: 422,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a formula cell',
    links: `${HEADER}\nalipay,=HYPERLINK("http://evil.example"),mpm,offline,110000,live,2021-01-01\n`,
    status: 422,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'NUL bytes',
    links: `${HEADER}\nalipay,unionpay\u0000,mpm,offline,110000,live,2021-01-01\n`,
    status: 422,
    code: 'VALIDATION_FAILED',
  },
  { name: 'a zip archive named .csv', links: zipOfZeros(), status: 422, code: 'VALIDATION_FAILED' },
  {
    name: 'random bytes',
    links: Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) % 256),
    status: 422,
    code: 'VALIDATION_FAILED',
  },
];

describe('hostile reports', () => {
  let before: { reports: number; audit: number };
  const state = async () => {
    const admin = await app.as('admin');
    return {
      reports: (await admin.get('/api/v1/reports')).body.total as number,
      audit: (await admin.get('/api/v1/audit?action=report.accepted')).body.total as number,
    };
  };
  beforeAll(async () => {
    before = await state();
  });

  it.each(JSON_CASES)('JSON with $name: $status $code', async ({ body, headers, status, code }) => {
    const alipay = await app.as('alipay');
    const res = await alipay.postRaw('/api/v1/reports', body, 'application/json', headers);
    expect(res.status, res.text.slice(0, 300)).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe(code);
    if (status === 422) expect(res.body.errors.length, 'at least one error names what is wrong').toBeGreaterThan(0);
    else expect(res.body.detail.length).toBeGreaterThan(0);
    expect(res.text).not.toMatch(/SQLITE|select |insert into|\n\s+at /i);
  });

  it.each(CSV_CASES)('CSV with $name: $status $code', async ({ links, status, code }) => {
    const alipay = await app.as('alipay');
    const form = new FormData();
    form.append('institution', 'alipay');
    form.append('period', '2021-06');
    form.append('links', new Blob([links as BlobPart]), 'links.csv');
    const res = await alipay.postForm('/api/v1/reports', form);
    expect(res.status, res.text.slice(0, 300)).toBe(status);
    expect(res.body.code).toBe(code);
    expect(res.body.errors.length).toBeGreaterThan(0);
    expect(res.text).not.toMatch(/SQLITE|select |insert into|\n\s+at /i);
  });

  it('answers a file with no line break as one bad CSV record, without echoing it back', async () => {
    const alipay = await app.as('alipay');
    const form = new FormData();
    form.append('institution', 'alipay');
    form.append('period', '2021-06');
    form.append('links', new Blob([Buffer.alloc(10_000_000, 'a')]), 'links.csv');
    const res = await alipay.postForm('/api/v1/reports', form);
    expect(res.status).toBe(422);
    expect(res.body.errors).toMatchObject([{ code: 'BAD_CSV', row: 1 }]);
    expect(res.text.length).toBeLessThan(2_000);
  });

  it('stored nothing from the whole corpus', async () => {
    expect(await state()).toEqual(before);
  });
});
