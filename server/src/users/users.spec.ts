import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('users (admin)', () => {
  it('lets an admin create an analyst who can then log in', async () => {
    const admin = await app.as('admin');
    const created = await admin.post('/api/v1/users', { username: 'new-analyst', password: 'correct horse battery', role: 'analyst' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'new-analyst', role: 'analyst', institution: null, disabled: false });
    expect(created.body).not.toHaveProperty('password_hash');
    const client = await app.as();
    expect((await client.post('/api/v1/auth/login', { username: 'new-analyst', password: 'correct horse battery' })).status).toBe(200);
  });

  it('rejects a short password with WEAK_PASSWORD and an institution user without an institution', async () => {
    const admin = await app.as('admin');
    const weak = await admin.post('/api/v1/users', { username: 'weak', password: 'short', role: 'analyst' });
    expect(weak.status).toBe(422);
    expect(weak.body.errors).toContainEqual(expect.objectContaining({ code: 'WEAK_PASSWORD', path: '$.password' }));
    const orphan = await admin.post('/api/v1/users', { username: 'orphan', password: 'long-enough-pass', role: 'institution' });
    expect(orphan.status).toBe(422);
    expect(orphan.body.errors[0].code).toBe('INSTITUTION_REQUIRED');
  });

  it('answers 409 USER_EXISTS for a taken username', async () => {
    const admin = await app.as('admin');
    const res = await admin.post('/api/v1/users', { username: 'analyst', password: 'long-enough-pass', role: 'analyst' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('USER_EXISTS');
  });

  it('ends the sessions of a user who is disabled', async () => {
    const admin = await app.as('admin');
    await admin.post('/api/v1/users', { username: 'leaver', password: 'long-enough-pass', role: 'auditor' });
    const leaver = await app.as();
    await leaver.logIn('leaver', 'long-enough-pass');
    expect((await leaver.get('/api/v1/auth/me')).status).toBe(200);
    expect((await admin.patch('/api/v1/users/leaver', { disabled: true })).status).toBe(200);
    expect((await leaver.get('/api/v1/auth/me')).status).toBe(401);
  });

  it.each(['analyst', 'auditor', 'alipay'])('answers 403 to %s on the user routes', async (username) => {
    const client = await app.as(username);
    expect((await client.get('/api/v1/users')).status).toBe(403);
    expect((await client.post('/api/v1/users', { username: 'x1', password: 'long-enough-pass', role: 'admin' })).status).toBe(403);
  });
});

describe('reserved usernames', () => {
  it.each(['system', 'anonymous', 'SYSTEM', 'Anonymous'])(
    'answers 422 RESERVED_USERNAME to a user named %s, which the record uses for the machine and failed logins',
    async (username) => {
      const admin = await app.as('admin');
      const res = await admin.post('/api/v1/users', { username, password: 'long-enough-pass', role: 'admin' });
      expect(res.status).toBe(422);
      expect(res.body.errors).toContainEqual(expect.objectContaining({ code: 'RESERVED_USERNAME', path: '$.username' }));
      expect((await admin.get('/api/v1/users')).body.items.map((u: { username: string }) => u.username.toLowerCase())).not.toContain(
        username.toLowerCase(),
      );
    },
  );
});
