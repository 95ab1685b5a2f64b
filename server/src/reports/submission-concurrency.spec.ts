// One submission at a time per institution, and a budget of bytes per minute: what a large
// upload may cost the server, whatever the number of requests it comes in.
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../test/api-client.js';
import { probeHealthWhile } from '../test/health-probe.js';
import { aReport } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

interface Answer {
  status: number;
  body: { code?: string; counts?: { links: number } };
}

async function apiKeyOf(client: ApiClient, institution: string): Promise<string> {
  return (await client.post<{ key: string }>(`/api/v1/institutions/${institution}/api-keys`, {})).body.key;
}

/**
 * Starts a POST of `body` with an API key through node:http, which writes the buffer as it is
 * (fetch copies a body before sending it: seconds of the event loop this process shares with the
 * server, for 49 MB bodies). Answers the request, to end, and the answer to come.
 */
function startUpload(
  baseUrl: string,
  apiKey: string,
  path: string,
  contentType: string,
  length: number,
  headers: Record<string, string> = {},
) {
  const request = http.request(new URL(path, baseUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': contentType, 'content-length': length, ...headers },
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    request.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }));
    });
    request.on('error', reject);
  });
  return { request, answer };
}

/**
 * A dry run whose body is sent but for its last byte, answered once release() sends that byte.
 * The first part is far larger than the sockets' buffers, so it is written only when the server
 * reads the body, which it does once it has admitted the submission.
 */
async function heldOpenDryRun(baseUrl: string, apiKey: string): Promise<{ release(): Promise<Answer> }> {
  const body = Buffer.from(JSON.stringify(aReport()) + ' '.repeat(24 * 1024 * 1024));
  const { request, answer } = startUpload(baseUrl, apiKey, '/api/v1/reports?dryRun=true', 'application/json', body.length);
  if (!request.write(body.subarray(0, -1))) await new Promise((resolve) => request.once('drain', resolve));
  return {
    release() {
      request.end(body.subarray(-1));
      return answer;
    },
  };
}

describe('one submission at a time per institution', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ now: new Date('2021-12-20T08:00:00Z') });
  });
  afterAll(() => app.close());

  it('while an institution submission is being received, answers its second one 429 SUBMISSION_IN_PROGRESS with Retry-After, lets another institution submit, and takes the next once the first is answered', async () => {
    const alipay = await app.as('alipay');
    const first = await heldOpenDryRun(app.baseUrl, await apiKeyOf(alipay, 'alipay'));

    const second = await alipay.post('/api/v1/reports?dryRun=true', aReport());
    expect(second.status).toBe(429);
    expect(second.headers.get('content-type')).toContain('application/problem+json');
    expect(second.body.code).toBe('SUBMISSION_IN_PROGRESS');
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);

    const tenpay = await app.as('tenpay');
    expect((await tenpay.post('/api/v1/reports?dryRun=true', aReport({ institution: 'tenpay', links: [] }))).status).toBe(200);

    expect(await first.release()).toMatchObject({ status: 200, body: { counts: { links: 1 } } });
    expect((await alipay.post('/api/v1/reports?dryRun=true', aReport())).status).toBe(200);
  });

  it('frees the institution when a submission fails: a malformed body, then a good one', async () => {
    const alipay = await app.as('alipay');
    expect((await alipay.postRaw('/api/v1/reports?dryRun=true', '{"institution": ', 'application/json')).status).toBe(400);
    expect(
      (await alipay.postRaw('/api/v1/reports?dryRun=true', `{"pad":"${'x'.repeat(51 * 1024 * 1024)}"}`, 'application/json')).status,
    ).toBe(413);
    expect((await alipay.post('/api/v1/reports?dryRun=true', aReport())).status).toBe(200);
  });

  it('keeps /health under 1 s while one institution sends eight 49 MB CSV dry runs at once: one is checked off the event loop, the others wait their turn with 429', async () => {
    const apiKey = await apiKeyOf(await app.as('alipay'), 'alipay');
    const row = 'alipay,unionpay,mpm,offline,110000,live,2021-01-01\n';
    const form = new FormData();
    form.append('institution', 'alipay');
    form.append('period', '2021-06');
    form.append(
      'links',
      new Blob([`scanner,issuer,mode,channel,city,status,since\n${row.repeat(Math.floor((49 * 1024 * 1024) / row.length))}`]),
      'links.csv',
    );
    const encoded = new Response(form);
    const contentType = encoded.headers.get('content-type') ?? '';
    const body = Buffer.from(await encoded.arrayBuffer());
    const dryRun = () => {
      const { request, answer } = startUpload(app.baseUrl, apiKey, '/api/v1/reports?dryRun=true', contentType, body.length);
      request.end(body);
      return answer;
    };
    const { result, slowestHealthMs } = await probeHealthWhile(app.baseUrl, Promise.all(Array.from({ length: 8 }, dryRun)));
    expect(slowestHealthMs).toBeLessThan(1000);
    // A million copies of one link: the one checked is refused, once every row was read.
    expect(result.map((r) => r.status).sort()).toEqual([422, 429, 429, 429, 429, 429, 429, 429]);
    expect(result.find((r) => r.status === 422)?.body.code).toBe('VALIDATION_FAILED');
  }, 120_000);

  it('keeps /health under 1 s while an institution sends a 49 MB CSV of one repeated row to be stored, and as a dry run under an Idempotency-Key: each refused 422 from the worker, the stored one audited', async () => {
    const apiKey = await apiKeyOf(await app.as('tenpay'), 'tenpay');
    const row = 'tenpay,unionpay,mpm,offline,110000,live,2021-01-01\n';
    const form = new FormData();
    form.append('institution', 'tenpay');
    form.append('period', '2021-07');
    form.append(
      'links',
      new Blob([`scanner,issuer,mode,channel,city,status,since\n${row.repeat(Math.floor((49 * 1024 * 1024) / row.length))}`]),
      'links.csv',
    );
    const encoded = new Response(form);
    const contentType = encoded.headers.get('content-type') ?? '';
    const body = Buffer.from(await encoded.arrayBuffer());
    const send = (path: string, headers: Record<string, string> = {}) => {
      const { request, answer } = startUpload(app.baseUrl, apiKey, path, contentType, body.length, headers);
      request.end(body);
      return answer;
    };
    const admin = await app.as('admin');
    const rejectedBefore = (await admin.get('/api/v1/audit?action=report.rejected')).body.total as number;
    const { result, slowestHealthMs } = await probeHealthWhile(
      app.baseUrl,
      (async () => [await send('/api/v1/reports'), await send('/api/v1/reports?dryRun=true', { 'idempotency-key': 'big-1' })])(),
    );
    expect(slowestHealthMs).toBeLessThan(1000);
    expect(result.map((r) => [r.status, r.body.code])).toEqual([
      [422, 'VALIDATION_FAILED'],
      [422, 'VALIDATION_FAILED'],
    ]);
    const rejected = (await admin.get('/api/v1/audit?action=report.rejected')).body;
    expect(rejected.total).toBe(rejectedBefore + 1);
    expect(rejected.items[0]).toMatchObject({
      actor: expect.stringMatching(/^key:/),
      target: 'institution:tenpay',
      details: { institution: 'tenpay', period: '2021-07' },
    });
    expect((await admin.get('/api/v1/reports?institution=tenpay')).body.total).toBe(0);
  }, 120_000);
});

describe('the byte budget per institution', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ now: new Date('2021-12-20T08:00:00Z'), env: { SUBMISSION_MB_PER_MINUTE: '1' } });
  });
  afterAll(() => app.close());

  it('answers 429 SUBMISSION_BYTES_EXCEEDED with Retry-After once an institution has sent its megabytes of the minute, and leaves others alone', async () => {
    const alipay = await app.as('alipay');
    const padded = JSON.stringify(aReport()) + ' '.repeat(600 * 1024);
    expect((await alipay.postRaw('/api/v1/reports?dryRun=true', padded, 'application/json')).status).toBe(200);
    const refused = await alipay.postRaw('/api/v1/reports?dryRun=true', padded, 'application/json');
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('SUBMISSION_BYTES_EXCEEDED');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);

    const tenpay = await app.as('tenpay');
    expect(
      (
        await tenpay.postRaw(
          '/api/v1/reports?dryRun=true',
          JSON.stringify(aReport({ institution: 'tenpay', links: [] })) + ' '.repeat(600 * 1024),
          'application/json',
        )
      ).status,
    ).toBe(200);
  });

  it('counts what a refused body made the server decode: after a gzip bomb refused 413, the next report waits with 429', async () => {
    const icbc = await app.as('icbc');
    const bomb = gzipSync(' '.repeat(8 * 1024 * 1024), { level: 9 });
    expect((await icbc.postRaw('/api/v1/reports?dryRun=true', bomb, 'application/json', { 'content-encoding': 'gzip' })).status).toBe(413);
    const next = await icbc.post('/api/v1/reports?dryRun=true', aReport({ institution: 'icbc', links: [] }));
    expect(next.status).toBe(429);
    expect(next.body.code).toBe('SUBMISSION_BYTES_EXCEEDED');
  });
});
