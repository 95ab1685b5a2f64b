import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../test/api-client.js';
import { aLink, aReport, submitted } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

let app: TestApp;
let analyst: ApiClient;

// Alipay scans WeChat Pay's codes in Beijing and WeChat Pay, which reported the month, does not
// return the favour: RECIP-001, which holds only while both are systemic.
beforeAll(async () => {
  app = await startTestApp({ now: new Date('2021-06-10T08:00:00Z') });
  analyst = await app.as('analyst');
  await submitted(await app.as('alipay'), aReport({ period: '2021-05', links: [aLink({ scanner: 'alipay', issuer: 'tenpay' })] }));
  await submitted(await app.as('tenpay'), aReport({ institution: 'tenpay', period: '2021-05', links: [] }));
});
afterAll(() => app.close());

const recip = async () => (await analyst.get('/api/v1/findings?rule=RECIP-001')).body.items;

describe('changing an institution', () => {
  it('re-runs the rules: a finding that depended on it being systemic resolves, and reopens when it is again', async () => {
    expect((await recip()).map((f: { status: string; subjects: string[] }) => [f.status, f.subjects])).toEqual([
      ['open', ['tenpay', 'alipay']],
    ]);
    const admin = await app.as('admin');
    expect((await admin.patch('/api/v1/institutions/tenpay', { systemic: false })).status).toBe(200);
    expect((await recip()).map((f: { status: string }) => f.status)).toEqual(['resolved']);
    expect((await admin.patch('/api/v1/institutions/tenpay', { systemic: true })).status).toBe(200);
    expect((await recip()).map((f: { status: string }) => f.status)).toEqual(['open']);
  });
});
