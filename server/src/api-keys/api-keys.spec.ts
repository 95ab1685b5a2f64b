import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('API keys', () => {
  it('shows a new key once, lists it without the secret, authenticates with it and stops at once when revoked', async () => {
    const alipay = await app.as('alipay');
    const created = await alipay.post('/api/v1/institutions/alipay/api-keys', { name: 'reporting system' });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^imk_/);

    const listed = await alipay.get('/api/v1/institutions/alipay/api-keys');
    expect(listed.body.items).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);

    const system = await app.as();
    system.headers.authorization = `Bearer ${created.body.key}`;
    expect((await system.get('/api/v1/auth/me')).body).toMatchObject({ role: 'institution', institution: 'alipay' });

    expect((await alipay.delete(`/api/v1/institutions/alipay/api-keys/${created.body.id}`)).status).toBe(204);
    const after = await system.get('/api/v1/auth/me');
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('BAD_API_KEY');
  });

  it('answers 404 to an institution that asks for another institution’s keys', async () => {
    const admin = await app.as('admin');
    const key = await admin.post('/api/v1/institutions/tenpay/api-keys', {});
    expect(key.status).toBe(201);
    const alipay = await app.as('alipay');
    expect((await alipay.get('/api/v1/institutions/tenpay/api-keys')).status).toBe(404);
    expect((await alipay.post('/api/v1/institutions/tenpay/api-keys', {})).status).toBe(404);
    expect((await alipay.delete(`/api/v1/institutions/tenpay/api-keys/${key.body.id}`)).status).toBe(404);
    const tenpay = await app.as('tenpay');
    expect((await tenpay.get('/api/v1/institutions/tenpay/api-keys')).body.items).toHaveLength(1);
  });

  it('does not let an API key mint more keys', async () => {
    const alipay = await app.as('alipay');
    const { body } = await alipay.post('/api/v1/institutions/alipay/api-keys', {});
    const system = await app.as();
    system.headers.authorization = `Bearer ${body.key}`;
    const res = await system.post('/api/v1/institutions/alipay/api-keys', {});
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('SESSION_REQUIRED');
  });

  it('answers 401 to a made-up key', async () => {
    const client = await app.as();
    client.headers.authorization = 'Bearer imk_made-up';
    expect((await client.get('/api/v1/institutions')).status).toBe(401);
  });

  it('answers 403 to an analyst', async () => {
    const analyst = await app.as('analyst');
    expect((await analyst.post('/api/v1/institutions/alipay/api-keys', {})).status).toBe(403);
  });
});

describe('creating API keys in quick succession', () => {
  it('answers 429 API_KEY_RATE_LIMITED with Retry-After past API_KEYS_PER_DAY for one institution, whoever asks, until the day is over', async () => {
    const T0 = new Date('2026-12-08T09:00:00Z');
    const own = await startTestApp({ now: T0, env: { API_KEYS_PER_DAY: '3' } });
    try {
      const alipay = await own.as('alipay');
      const admin = await own.as('admin');
      for (let i = 0; i < 3; i++)
        expect((await alipay.post('/api/v1/institutions/alipay/api-keys', { name: `key ${i}` })).status).toBe(201);
      for (const client of [alipay, admin]) {
        const res = await client.post('/api/v1/institutions/alipay/api-keys', { name: 'one more' });
        expect(res.status).toBe(429);
        expect(res.body.code).toBe('API_KEY_RATE_LIMITED');
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      expect((await admin.get('/api/v1/institutions/alipay/api-keys')).body.items).toHaveLength(3);
      expect((await admin.post('/api/v1/institutions/tenpay/api-keys', {})).status).toBe(201);
      own.setNow(new Date(T0.getTime() + 24 * 60 * 60 * 1000));
      expect((await (await own.as('alipay')).post('/api/v1/institutions/alipay/api-keys', {})).status).toBe(201);
    } finally {
      await own.close();
    }
  });
});
