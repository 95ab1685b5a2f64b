import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../test/api-client.js';
import { aLink, anAgreement, aReport, submitted } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const start = new Date('2021-07-20T08:00:00Z');

let app: TestApp;
let auditor: ApiClient;
let analyst: ApiClient;

beforeAll(async () => {
  app = await startTestApp({ now: start, env: { EXPORT_RETENTION_DAYS: '30' } });
  auditor = await app.as('auditor');
  analyst = await app.as('analyst');
  await submitted(await app.as('alipay'), aReport({ period: '2021-06', links: [aLink()], agreements: [anAgreement({ exclusive: true })] }));
});
afterAll(() => app.close());

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function exported(client: ApiClient, query: string) {
  const res = await client.download(`/api/v1/exports/findings?${query}`);
  expect(res.status).toBe(200);
  const [entry] = (await client.get('/api/v1/exports?pageSize=1')).body.items;
  expect(entry.details.sha256).toBe(sha256(res.bytes));
  return { bytes: res.bytes, id: entry.seq as number };
}

function checkForm(bytes: Buffer, name = 'findings.csv'): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  return form;
}

const keptFiles = () => fs.readdirSync(app.ctx.exportStore.dir).filter((n) => /^[0-9a-f]{64}(\.gz)?$/.test(n));

describe('kept exports', () => {
  it('serves a past export again byte for byte, with the recorded hash, and records the re-download', async () => {
    const { bytes, id } = await exported(auditor, 'format=pdf&rule=EXCL-001');
    const again = await analyst.download(`/api/v1/exports/${id}/file`);
    expect(again.status).toBe(200);
    expect(again.bytes.equals(bytes)).toBe(true);
    expect(again.headers.get('x-content-sha256')).toBe(sha256(bytes));
    expect(again.headers.get('content-type')).toBe('application/pdf');
    expect(again.headers.get('content-disposition')).toMatch(/^attachment; filename="interop-findings_rule-EXCL-001_.*\.pdf"$/);
    const [recorded] = (await auditor.get('/api/v1/audit?action=export.file&pageSize=1')).body.items;
    expect(recorded).toMatchObject({ actor: 'analyst', target: `export:${id}`, details: { sha256: sha256(bytes) } });
  });

  it('keeps the same bytes exported twice once, and lists each export with its file kept until retention ends', async () => {
    const first = await exported(auditor, 'format=csv&sort=id');
    const before = keptFiles().length;
    const second = await exported(analyst, 'format=csv&sort=id');
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect(keptFiles().length).toBe(before);
    // CSV is kept gzipped, and still comes back byte for byte.
    const kept = path.join(app.ctx.exportStore.dir, `${sha256(first.bytes)}.gz`);
    expect(fs.statSync(kept).size).toBeLessThan(first.bytes.length);
    expect((await auditor.download(`/api/v1/exports/${first.id}/file`)).bytes.equals(first.bytes)).toBe(true);
    const items = (await analyst.get('/api/v1/exports?pageSize=2')).body.items;
    expect(items.map((e: { seq: number; file: unknown }) => [e.seq, e.file])).toEqual([
      [second.id, { kept: true, keptUntil: new Date(start.getTime() + 30 * DAY_MS).toISOString() }],
      [first.id, { kept: true, keptUntil: new Date(start.getTime() + 30 * DAY_MS).toISOString() }],
    ]);
  });

  it('names the export records of an uploaded file by its SHA-256, and answers 404 EXPORT_NOT_MATCHED for a file changed by one byte', async () => {
    const { bytes, id } = await exported(auditor, 'format=json&rule=EXCL-001');
    const res = await analyst.postForm('/api/v1/exports/check', checkForm(bytes));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ sha256: sha256(bytes), bytes: bytes.length });
    expect(res.body.records.map((r: { seq: number }) => r.seq)).toContain(id);
    const changed = Buffer.from(bytes);
    changed[changed.length - 2] ^= 1;
    const none = await analyst.postForm('/api/v1/exports/check', checkForm(changed));
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('EXPORT_NOT_MATCHED');
  });

  it('finds an audit export or certificate for an auditor, not for an analyst', async () => {
    const certificate = await auditor.download('/api/v1/audit/verify/certificate');
    expect((await auditor.postForm('/api/v1/exports/check', checkForm(certificate.bytes, 'c.json'))).body.records[0].action).toBe(
      'audit.certificate',
    );
    expect((await analyst.postForm('/api/v1/exports/check', checkForm(certificate.bytes, 'c.json'))).status).toBe(404);
  });

  it('answers 400 without a file, and 404 EXPORT_NOT_FOUND for an id that is not a findings export', async () => {
    const form = new FormData();
    form.append('other', 'x');
    expect((await analyst.postForm('/api/v1/exports/check', form)).body.code).toBe('BAD_MULTIPART');
    const empty = await analyst.postForm('/api/v1/exports/check', new FormData());
    expect(empty.body.code).toBe('FILE_REQUIRED');
    expect((await analyst.get('/api/v1/exports/1/file')).body.code).toBe('EXPORT_NOT_FOUND');
    expect((await analyst.get('/api/v1/exports/abc/file')).status).toBe(404);
  });

  it('forbids institutions every kept-export route, before reading an upload, and needs a login', async () => {
    const { bytes, id } = await exported(auditor, 'format=json');
    const alipay = await app.as('alipay');
    expect((await alipay.get('/api/v1/exports')).status).toBe(403);
    expect((await alipay.get(`/api/v1/exports/${id}/file`)).status).toBe(403);
    expect((await alipay.postForm('/api/v1/exports/check', checkForm(bytes))).status).toBe(403);
    expect((await (await app.as()).get(`/api/v1/exports/${id}/file`)).status).toBe(401);
    expect((await (await app.as()).postForm('/api/v1/exports/check', checkForm(bytes))).status).toBe(401);
  });

  it('after EXPORT_RETENTION_DAYS, answers 410 for the file and removes it at the next export; the record still matches a check', async () => {
    const { bytes, id } = await exported(auditor, 'format=xlsx&rule=EXCL-001');
    // XLSX is deflated inside already: kept as it is, under its hash.
    const file = path.join(app.ctx.exportStore.dir, sha256(bytes));
    expect(fs.existsSync(file)).toBe(true);
    app.setNow(new Date(start.getTime() + 31 * DAY_MS));
    // A month on, sessions have ended: log in again.
    analyst = await app.as('analyst');
    const gone = await analyst.get(`/api/v1/exports/${id}/file`);
    expect(gone.status).toBe(410);
    expect(gone.body.code).toBe('EXPORT_FILE_EXPIRED');
    const listed = (await analyst.get('/api/v1/exports?pageSize=100')).body.items.find((e: { seq: number }) => e.seq === id);
    expect(listed.file).toEqual({ kept: false, keptUntil: null });
    await exported(await app.as('auditor'), 'format=json&severity=low');
    expect(fs.existsSync(file)).toBe(false);
    expect(keptFiles()).toHaveLength(1);
    const check = await analyst.postForm('/api/v1/exports/check', checkForm(bytes));
    expect(check.body.records.map((r: { seq: number }) => r.seq)).toEqual([id]);
  });
});
