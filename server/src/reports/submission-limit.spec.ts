import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aReport } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

describe('the submission rate limit', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { SUBMISSIONS_PER_MINUTE: '3' } });
  });
  afterAll(() => app.close());

  it('answers 429 with Retry-After past the limit for one institution, counting its users and keys together, and leaves others alone', async () => {
    const alipay = await app.as('alipay');
    const keyClient = await app.as();
    keyClient.headers.authorization = `Bearer ${(await alipay.post<{ key: string }>('/api/v1/institutions/alipay/api-keys', {})).body.key}`;
    expect((await alipay.post('/api/v1/reports?dryRun=true', aReport())).status).toBe(200);
    expect((await keyClient.post('/api/v1/reports?dryRun=true', aReport())).status).toBe(200);
    expect((await alipay.post('/api/v1/reports', aReport())).status).toBe(201);
    const refused = await keyClient.post('/api/v1/reports', aReport({ period: '2021-07' }));
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.headers.get('retry-after')).toBe('60');
    // Nothing of the refused submission was stored.
    expect((await alipay.get('/api/v1/reports?period=2021-07')).body.total).toBe(0);

    const tenpay = await app.as('tenpay');
    expect((await tenpay.post('/api/v1/reports', aReport({ institution: 'tenpay', links: [] }))).status).toBe(201);
  });
});
