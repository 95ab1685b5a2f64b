import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../test/api-client.js';
import { aReport, submitted } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

describe('when an admin deactivates an institution', () => {
  let app: TestApp;
  let alipay: ApiClient;
  let alipayKey: ApiClient;
  let admin: ApiClient;
  let reportId: number;
  beforeAll(async () => {
    app = await startTestApp({ now: new Date('2021-08-15T10:00:00Z') });
    alipay = await app.as('alipay');
    admin = await app.as('admin');
    reportId = (await submitted(alipay, aReport({ period: '2021-06' }))).id;
    const key = await alipay.post('/api/v1/institutions/alipay/api-keys', { name: 'reporting system' });
    alipayKey = await app.as();
    alipayKey.headers.authorization = `Bearer ${key.body.key}`;
    expect((await alipayKey.get('/api/v1/auth/me')).status).toBe(200);
    expect((await admin.patch('/api/v1/institutions/alipay', { active: false })).status).toBe(200);
  });
  afterAll(() => app.close());

  it('ends its users’ open sessions at once (401, no submission), and keeps its history readable to the central bank', async () => {
    expect((await alipay.get('/api/v1/auth/me')).status).toBe(401);
    const submission = await alipay.post('/api/v1/reports', aReport({ period: '2021-07' }));
    expect(submission.status).toBe(401);
    const analyst = await app.as('analyst');
    expect((await analyst.get('/api/v1/reports?institution=alipay')).body.total).toBe(1);
    expect((await analyst.get(`/api/v1/reports/${reportId}`)).body).toMatchObject({ institution: 'alipay', period: '2021-06' });
    expect((await analyst.get('/api/v1/institutions/alipay')).body).toMatchObject({ id: 'alipay', active: false });
  });

  it('refuses its users’ logins with 401 BAD_CREDENTIALS, as a wrong password would be, and records the attempt', async () => {
    const res = await (await app.as()).post('/api/v1/auth/login', { username: 'alipay', password: 'demo' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('BAD_CREDENTIALS');
    const trail = await (await app.as('auditor')).get('/api/v1/audit?action=auth.login_failed&target=user:alipay');
    expect(trail.body.items[0]).toMatchObject({ actor: 'anonymous', details: { reason: 'institution-inactive' } });
  });

  it('refuses its API keys, and refuses new keys even to an admin (409 INSTITUTION_INACTIVE)', async () => {
    const res = await alipayKey.post('/api/v1/reports', aReport({ period: '2021-07' }));
    expect(res.status).toBe(401);
    const minted = await admin.post('/api/v1/institutions/alipay/api-keys', { name: 'back door' });
    expect(minted.status).toBe(409);
    expect(minted.body.code).toBe('INSTITUTION_INACTIVE');
  });

  it('does not revive the old sessions when the institution is reactivated; its users log in again', async () => {
    expect((await admin.patch('/api/v1/institutions/alipay', { active: true })).status).toBe(200);
    expect((await alipay.get('/api/v1/auth/me')).status).toBe(401);
    const again = await app.as('alipay');
    expect((await again.get('/api/v1/auth/me')).status).toBe(200);
    expect((await admin.patch('/api/v1/institutions/alipay', { active: false })).status).toBe(200);
  });
});
