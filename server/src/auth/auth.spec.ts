import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../test/api-client.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('logging in', () => {
  it('answers the user and sets an httpOnly SameSite=Strict session cookie and a readable XSRF cookie', async () => {
    const client = new ApiClient(app.baseUrl);
    const res = await client.post('/api/v1/auth/login', { username: 'alipay', password: 'demo' });
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({ username: 'alipay', role: 'institution', institution: 'alipay' });
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('im_session='));
    const xsrf = cookies.find((c) => c.startsWith('XSRF-TOKEN='));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Strict/i);
    expect(xsrf).not.toMatch(/HttpOnly/i);
    expect((await client.get('/api/v1/auth/me')).body).toEqual({ username: 'alipay', role: 'institution', institution: 'alipay' });
  });

  it('answers 401 BAD_CREDENTIALS for a wrong password and for an unknown user alike', async () => {
    const client = new ApiClient(app.baseUrl);
    const wrong = await client.post('/api/v1/auth/login', { username: 'analyst', password: 'nope' });
    const unknown = await client.post('/api/v1/auth/login', { username: 'nobody', password: 'nope' });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe('BAD_CREDENTIALS');
    }
  });

  it('rate-limits repeated failures for one username with 429 and Retry-After', async () => {
    const client = new ApiClient(app.baseUrl);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await client.post('/api/v1/auth/login', { username: 'auditor', password: `bad-${i}` })).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    const limited = await client.post('/api/v1/auth/login', { username: 'auditor', password: 'demo' });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(limited.headers.get('retry-after')).toBeTruthy();
  });

  it('rejects a login body with unknown fields with 422 UNKNOWN_FIELD', async () => {
    const res = await new ApiClient(app.baseUrl).post('/api/v1/auth/login', { username: 'admin', password: 'demo', admin: true });
    expect(res.status).toBe(422);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ code: 'UNKNOWN_FIELD', path: '$.admin' }));
  });
});

describe('sessions', () => {
  it('answers an anonymous visitor’s /auth/session with 200 and user null, and a logged-in user’s with its /auth/me', async () => {
    const visitor = new ApiClient(app.baseUrl);
    const anonymous = await visitor.get('/api/v1/auth/session');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({ user: null });
    await visitor.logIn('alipay', 'demo');
    const loggedIn = await visitor.get('/api/v1/auth/session');
    expect(loggedIn.status).toBe(200);
    expect(loggedIn.body).toEqual({ user: (await visitor.get('/api/v1/auth/me')).body });
    await visitor.post('/api/v1/auth/logout');
    expect((await visitor.get('/api/v1/auth/session')).body).toEqual({ user: null });
  });

  it('answers 401 to /auth/me without a session', async () => {
    const res = await new ApiClient(app.baseUrl).get('/api/v1/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('ends the session on logout: the old cookie no longer works', async () => {
    const client = await app.as('analyst');
    const token = client.cookie('im_session');
    expect((await client.post('/api/v1/auth/logout')).status).toBe(204);
    const replay = await fetch(`${app.baseUrl}/api/v1/auth/me`, { headers: { cookie: `im_session=${token}` } });
    expect(replay.status).toBe(401);
  });

  it('refuses a state-changing request that carries the cookie but not the XSRF header (403)', async () => {
    const client = await app.as('admin');
    const res = await client.post('/api/v1/users', { username: 'csrf-victim', password: 'long-enough-pass', role: 'analyst' }, { 'x-xsrf-token': 'forged' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CSRF_TOKEN_MISMATCH');
    expect((await client.get('/api/v1/users')).body.items.map((u: { username: string }) => u.username)).not.toContain('csrf-victim');
  });

  it('refuses a cross-site form post that carries a valid session cookie, and stores nothing', async () => {
    const alipay = await app.as('alipay');
    // What a form on another site makes the browser send: the cookie, a form body, no XSRF header.
    const res = await fetch(`${app.baseUrl}/api/v1/reports`, {
      method: 'POST',
      headers: { cookie: `im_session=${alipay.cookie('im_session')}`, 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'institution=alipay&period=2021-06',
    });
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('CSRF_TOKEN_MISMATCH');
    expect((await alipay.get('/api/v1/reports')).body.total).toBe(0);
  });

  it('gives a new session at every login, so a cookie planted before login is never promoted', async () => {
    const a = await app.as('analyst');
    const b = await app.as('analyst');
    expect(a.cookie('im_session')).not.toBe(b.cookie('im_session'));
  });
});

describe('failed logins from one address', () => {
  it('are limited across usernames after 50 in 15 minutes, so guessing over accounts stops', async () => {
    const own = await startTestApp();
    try {
      const client = new ApiClient(own.baseUrl);
      const statuses: number[] = [];
      for (let i = 0; i < 51; i++) statuses.push((await client.post('/api/v1/auth/login', { username: `guess-${i}`, password: 'wrong-password' })).status);
      expect(statuses.slice(0, 50).every((s) => s === 401)).toBe(true);
      expect(statuses[50]).toBe(429);
      expect((await client.post('/api/v1/auth/login', { username: 'analyst', password: 'demo' })).status).toBe(429);
    } finally {
      await own.close();
    }
  });
});
