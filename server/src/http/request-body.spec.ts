// What the server reads of a request body, and for whom: nothing before it knows who is asking,
// about a megabyte where no report is sent, and no compressed body outside POST /reports.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeHealthWhile } from '../test/health-probe.js';
import { aReport } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ now: new Date('2021-12-20T08:00:00Z') });
});
afterAll(() => app.close());

/** About 48 MB of small objects (under the 50 MB a report may be), some 50 kB once gzipped: each costs JSON.parse seconds once inflated. */
function smallObjectsBomb(): Buffer {
  const item = '{"a":1},';
  const json = `[${item.repeat(Math.floor((48 * 1024 * 1024) / item.length))}{"a":1}]`;
  return gzipSync(json, { level: 9 });
}

describe('request bodies', () => {
  it('when twelve anonymous gzip bodies that expand to ~48 MB arrive at once, refuses each without inflating it while /health answers under 1 s', async () => {
    const bomb = smallObjectsBomb();
    const targets = ['/api/v1/reports', '/api/v1/findings/1/comments', '/api/v1/users', '/api/v1/auth/login'];
    const attack = Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        fetch(app.baseUrl + targets[i % targets.length], {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
          body: new Uint8Array(bomb),
        }).then(async (res) => ({ status: res.status, code: ((await res.json()) as { code: string }).code })),
      ),
    );
    const { result, slowestHealthMs } = await probeHealthWhile(app.baseUrl, attack);
    expect(slowestHealthMs).toBeLessThan(1000);
    for (const [i, answer] of result.entries()) {
      if (targets[i % targets.length] === '/api/v1/auth/login')
        expect(answer).toEqual({ status: 415, code: 'UNSUPPORTED_CONTENT_ENCODING' });
      else expect(answer).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    }
  }, 120_000);

  it('answers an anonymous 51 MB body 401 UNAUTHENTICATED, not 413: it is never read', async () => {
    const anonymous = await app.as();
    const res = await anonymous.postRaw('/api/v1/reports', `{"pad":"${'x'.repeat(51 * 1024 * 1024)}"}`, 'application/json');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('answers a 2 MB JSON body to a route other than POST /reports 413 PAYLOAD_TOO_LARGE as a problem', async () => {
    const analyst = await app.as('analyst');
    const res = await analyst.post('/api/v1/findings/1/comments', { text: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
    expect(res.body.detail).toContain('1 MB');
  });

  it('answers a gzip body to a route other than POST /reports 415 UNSUPPORTED_CONTENT_ENCODING, even a small one', async () => {
    const analyst = await app.as('analyst');
    const res = await analyst.postRaw('/api/v1/findings/1/comments', gzipSync(JSON.stringify({ text: 'hello' })), 'application/json', {
      'content-encoding': 'gzip',
    });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_CONTENT_ENCODING');
  });

  it('still takes a gzip report on POST /reports, and refuses one that expands more than the allowed ratio with 413', async () => {
    const alipay = await app.as('alipay');
    const report = JSON.stringify(aReport());
    const accepted = await alipay.postRaw('/api/v1/reports?dryRun=true', gzipSync(report), 'application/json', {
      'content-encoding': 'gzip',
    });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body.counts.links).toBe(1);

    // 8 MB of spaces after a valid report: far under 50 MB, but ~1000-fold expansion, as no report compresses.
    const padded = gzipSync(report + ' '.repeat(8 * 1024 * 1024), { level: 9 });
    const refused = await alipay.postRaw('/api/v1/reports?dryRun=true', padded, 'application/json', { 'content-encoding': 'gzip' });
    expect(refused.status, refused.text).toBe(413);
    expect(refused.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a compressed multipart upload 415 UNSUPPORTED_CONTENT_ENCODING', async () => {
    const alipay = await app.as('alipay');
    const form = new FormData();
    form.append('institution', 'alipay');
    form.append('period', '2021-06');
    form.append('links', new Blob(['scanner,issuer,mode,channel,city,status,since\n']), 'links.csv');
    const encoded = new Response(form);
    const bytes = gzipSync(Buffer.from(await encoded.arrayBuffer()));
    const res = await alipay.postRaw('/api/v1/reports?dryRun=true', bytes, encoded.headers.get('content-type')!, {
      'content-encoding': 'gzip',
    });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_CONTENT_ENCODING');
  });
});
