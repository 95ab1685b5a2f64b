import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
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
    for (let i = 0; i < 7; i++)
      statuses.push((await client.post('/api/v1/auth/login', { username: 'auditor', password: `bad-${i}` })).status);
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
    const res = await client.post(
      '/api/v1/users',
      { username: 'csrf-victim', password: 'long-enough-pass', role: 'analyst' },
      { 'x-xsrf-token': 'forged' },
    );
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CSRF_TOKEN_MISMATCH');
    expect((await client.get('/api/v1/users')).body.items.map((u: { username: string }) => u.username)).not.toContain('csrf-victim');
  });

  it('refuses a cross-site form post that carries a valid session cookie, and stores nothing', async () => {
    const alipay = await app.as('alipay');
    // What a form on another site makes the browser send: the cookie, a form body, no XSRF header.
    const res = await fetch(`${app.baseUrl}/api/v1/reports`, {
      method: 'POST',
      headers: {
        cookie: `im_session=${alipay.cookie('im_session')}`,
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
      },
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
  it('are limited across usernames after 50 in 15 minutes, so guessing over accounts stops, whatever X-Forwarded-For they carry (TRUST_PROXY unset)', async () => {
    const own = await startTestApp();
    try {
      const client = new ApiClient(own.baseUrl);
      const statuses: number[] = [];
      for (let i = 0; i < 51; i++) {
        // A header per guess would buy a fresh bucket from a server that believed it.
        const res = await client.post(
          '/api/v1/auth/login',
          { username: `guess-${i}`, password: 'wrong-password' },
          { 'x-forwarded-for': `203.0.113.${i + 1}` },
        );
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 50).every((s) => s === 401)).toBe(true);
      expect(statuses[50]).toBe(429);
      expect((await client.post('/api/v1/auth/login', { username: 'analyst', password: 'demo' })).status).toBe(429);
    } finally {
      await own.close();
    }
  });
});

describe('failed logins for one account from many addresses', () => {
  const T0 = new Date('2026-12-08T09:00:00Z');
  let own: TestApp;
  // Addresses through a trusted proxy on loopback, so that each request can come from elsewhere.
  const from = (address: string, username: string, password: string) =>
    new ApiClient(own.baseUrl).post('/api/v1/auth/login', { username, password }, { 'x-forwarded-for': address });
  beforeAll(async () => {
    own = await startTestApp({ now: T0, env: { TRUST_PROXY: 'loopback' } });
  });
  afterAll(() => own.close());

  it('answer 429 with Retry-After after 20 in 15 minutes, even with the right password, and end with the window', async () => {
    // The real analyst logs in from the office first.
    expect((await from('10.0.0.1', 'analyst', 'demo')).status).toBe(200);
    for (let i = 0; i < 20; i++) expect((await from(`203.0.113.${i + 1}`, 'analyst', 'guess')).status).toBe(401);
    const limited = await from('198.51.100.7', 'analyst', 'demo');
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
    // Another account is not held.
    expect((await from('198.51.100.7', 'auditor', 'demo')).status).toBe(200);

    // The lock ends with its window however long the guessing goes on: refusals do not extend it.
    own.setNow(new Date(T0.getTime() + 10 * 60 * 1000));
    expect((await from('198.51.100.8', 'analyst', 'guess')).status).toBe(429);
    own.setNow(new Date(T0.getTime() + 15 * 60 * 1000));
    expect((await from('198.51.100.7', 'analyst', 'demo')).status).toBe(200);
  });

  it('do not lock the real user out from an address that has logged into the account before', async () => {
    own.setNow(new Date(T0.getTime() + 60 * 60 * 1000));
    expect((await from('10.0.0.2', 'admin', 'demo')).status).toBe(200);
    for (let i = 0; i < 20; i++) await from(`203.0.113.${i + 100}`, 'admin', 'guess');
    expect((await from('198.51.100.9', 'admin', 'demo')).status).toBe(429);
    expect((await from('10.0.0.2', 'admin', 'demo')).status).toBe(200);
  });
});

describe('the addresses known to an account, across a restart', () => {
  it('after a restart, twenty guesses from elsewhere still do not lock the user out of an address the audit trail shows it logging in from', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interop-known-addresses-'));
    const dbPath = path.join(dir, 'interop.db');
    const T0 = new Date('2026-12-08T09:00:00Z');
    const env = { TRUST_PROXY: 'loopback' };
    const from = (app: TestApp, address: string, password: string) =>
      new ApiClient(app.baseUrl).post('/api/v1/auth/login', { username: 'analyst', password }, { 'x-forwarded-for': address });
    try {
      const before = await startTestApp({ now: T0, dbPath, env });
      expect((await from(before, '10.0.0.1', 'demo')).status).toBe(200);
      await before.close();

      const after = await startTestApp({ now: new Date(T0.getTime() + 24 * 60 * 60 * 1000), dbPath, env });
      try {
        for (let i = 0; i < 20; i++) expect((await from(after, `203.0.113.${i + 1}`, 'guess')).status).toBe(401);
        expect((await from(after, '198.51.100.7', 'demo')).status).toBe(429);
        expect((await from(after, '10.0.0.1', 'demo')).status).toBe(200);
      } finally {
        await after.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('proxy trust (TRUST_PROXY)', () => {
  it('refuses TRUST_PROXY=true and names what it takes', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, loopback' }).TRUST_PROXY).toEqual(['10.0.0.0/8', 'loopback']);
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
  });
});

describe('session cookies', () => {
  const sessionCookie = (res: { headers: Headers }) => res.headers.getSetCookie().find((c) => c.startsWith('im_session=')) ?? '';
  const login = (baseUrl: string, headers: Record<string, string> = {}) =>
    new ApiClient(baseUrl).post('/api/v1/auth/login', { username: 'analyst', password: 'demo' }, headers);

  it('are Secure when the request came over TLS through a trusted proxy or COOKIE_SECURE is set, and not otherwise', async () => {
    const behindProxy = await startTestApp({ env: { TRUST_PROXY: 'loopback' } });
    const alwaysSecure = await startTestApp({ env: { COOKIE_SECURE: 'true' } });
    try {
      const overTls = await login(behindProxy.baseUrl, { 'x-forwarded-proto': 'https' });
      expect(sessionCookie(overTls)).toMatch(/;\s*Secure/i);
      expect(overTls.headers.getSetCookie().find((c) => c.startsWith('XSRF-TOKEN='))).toMatch(/;\s*Secure/i);
      expect(sessionCookie(await login(alwaysSecure.baseUrl))).toMatch(/;\s*Secure/i);
      expect(sessionCookie(await login(behindProxy.baseUrl))).not.toMatch(/;\s*Secure/i);
      // X-Forwarded-Proto from a proxy the server does not trust (TRUST_PROXY unset) proves nothing.
      expect(sessionCookie(await login(app.baseUrl, { 'x-forwarded-proto': 'https' }))).not.toMatch(/;\s*Secure/i);
    } finally {
      await behindProxy.close();
      await alwaysSecure.close();
    }
  });
});

describe('an idle session', () => {
  const T0 = new Date('2026-12-08T09:00:00Z');
  const minutes = (n: number) => new Date(T0.getTime() + n * 60 * 1000);
  let own: TestApp;
  beforeAll(async () => {
    own = await startTestApp({ now: T0 });
  });
  afterAll(() => own.close());

  it('ends after 30 minutes without a request (401 on the next one), lives on while used, and never past 12 hours after login', async () => {
    const idle = await own.as('analyst');
    const busy = await own.as('auditor');
    own.setNow(minutes(29));
    expect((await idle.get('/api/v1/auth/me')).status).toBe(200);
    own.setNow(minutes(29 + 31));
    const res = await idle.get('/api/v1/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');

    for (let m = 20; m < 12 * 60; m += 20) {
      own.setNow(minutes(m));
      expect((await busy.get('/api/v1/auth/me')).status).toBe(200);
    }
    own.setNow(minutes(12 * 60 + 1));
    expect((await busy.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('lasts SESSION_IDLE_MINUTES when set', async () => {
    const short = await startTestApp({ now: T0, env: { SESSION_IDLE_MINUTES: '5' } });
    try {
      const client = await short.as('analyst');
      short.setNow(new Date(T0.getTime() + 6 * 60 * 1000));
      expect((await client.get('/api/v1/auth/me')).status).toBe(401);
    } finally {
      await short.close();
    }
  });
});
