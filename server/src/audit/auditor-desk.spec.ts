import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../contract/audit.js';
import type { ApiClient } from '../test/api-client.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { auditHash } from './audit-hash.js';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** A trail of its own with a few entries, its audit triggers dropped so that a test can forge. */
async function appWithTrail(): Promise<{ app: TestApp; admin: ApiClient; auditor: ApiClient }> {
  const app = await startTestApp();
  const admin = await app.as('admin');
  for (const username of ['desk-a', 'desk-b'])
    expect((await admin.post('/api/v1/users', { username, password: 'long-enough-pass', role: 'analyst' })).status).toBe(201);
  return { app, admin, auditor: await app.as('auditor') };
}

async function entries(client: ApiClient, query = ''): Promise<AuditEntry[]> {
  const res = await client.get(`/api/v1/audit?sort=seq&pageSize=500${query}`);
  expect(res.status).toBe(200);
  return res.body.items;
}

describe('verifying against a head noted earlier', () => {
  it('answers contains: true with its position while the trail still holds the noted head, however much was appended since', async () => {
    const { app, admin, auditor } = await appWithTrail();
    try {
      const noted = (await auditor.get('/api/v1/audit/verify')).body;
      expect(noted.ok).toBe(true);
      expect((await admin.post('/api/v1/users', { username: 'desk-later', password: 'long-enough-pass', role: 'analyst' })).status).toBe(
        201,
      );
      const res = await auditor.get(`/api/v1/audit/verify?head=${noted.head.toUpperCase()}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ok: true, contains: true, containsAt: noted.entries });
      expect(res.body.entries).toBeGreaterThan(noted.entries);
    } finally {
      await app.close();
    }
  });

  it('answers contains: false when an earlier entry was changed and the whole chain after it re-hashed, though the chain itself checks out', async () => {
    const { app, auditor } = await appWithTrail();
    try {
      const noted = (await auditor.get('/api/v1/audit/verify')).body;
      await sql`drop trigger audit_log_no_update`.execute(app.ctx.db);
      // The forger rewrites desk-a's role and every hash from there to the head.
      const trail = await entries(auditor);
      const from = trail.findIndex((e) => e.target === 'user:desk-a');
      let prevHash = trail[from - 1].hash;
      for (const entry of trail.slice(from)) {
        const forged = {
          ...entry,
          prevHash,
          details: entry.target === 'user:desk-a' ? { ...entry.details, role: 'auditor' } : entry.details,
        };
        const hash = auditHash(forged as Parameters<typeof auditHash>[0]);
        await sql`update audit_log set details = ${JSON.stringify(forged.details)}, prev_hash = ${prevHash}, hash = ${hash} where seq = ${entry.seq}`.execute(
          app.ctx.db,
        );
        prevHash = hash;
      }
      const res = await auditor.get(`/api/v1/audit/verify?head=${noted.head}`);
      expect(res.body).toMatchObject({ ok: true, contains: false });
      expect(res.body).not.toHaveProperty('containsAt');
    } finally {
      await app.close();
    }
  });

  it('answers 422 for a head that is not a SHA-256, and leaves contains out without one', async () => {
    const { app, auditor } = await appWithTrail();
    try {
      const bad = await auditor.get('/api/v1/audit/verify?head=abc');
      expect(bad.status).toBe(422);
      expect(bad.body.errors[0].path).toBe('$.head');
      expect((await auditor.get('/api/v1/audit/verify')).body).not.toHaveProperty('contains');
    } finally {
      await app.close();
    }
  });

  it('issues a certificate file whose SHA-256 is in its header and in the trail, stating time, entries, head and contains', async () => {
    const { app, auditor } = await appWithTrail();
    try {
      const noted = (await auditor.get('/api/v1/audit/verify')).body;
      const res = await auditor.download(`/api/v1/audit/verify/certificate?head=${noted.head}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="interop-audit-verification_.*\.json"$/);
      expect(res.headers.get('x-content-sha256')).toBe(sha256(res.bytes));
      const certificate = JSON.parse(res.bytes.toString('utf8'));
      expect(certificate).toMatchObject({
        kind: 'interop-monitor.audit-verification',
        issuedBy: 'auditor',
        checkedHead: noted.head,
        result: { ok: true, entries: noted.entries, head: noted.head, contains: true },
      });
      const [recorded] = await entries(auditor, '&action=audit.certificate');
      expect(recorded).toMatchObject({ actor: 'auditor', details: { sha256: sha256(res.bytes), contains: true, head: noted.head } });
    } finally {
      await app.close();
    }
  });
});

describe('exporting the audit trail', () => {
  let app: TestApp;
  let auditor: ApiClient;

  beforeAll(async () => {
    ({ app, auditor } = await appWithTrail());
    await (await app.as()).post('/api/v1/auth/login', { username: 'nobody', password: 'wrong-password' });
  });
  afterAll(() => app.close());

  it('writes CSV with the hash header, every entry in order with its hashes, and records it', async () => {
    const res = await auditor.download('/api/v1/audit/export?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-sha256')).toBe(sha256(res.bytes));
    const rows = parse<Record<string, string>>(res.bytes.toString('utf8').slice(1), { columns: true });
    const trail = await entries(auditor);
    const exported = trail.filter((e) => e.action !== 'export.audit');
    expect(rows.map((r) => [Number(r.seq), r.action, r.hash, r.prev_hash])).toEqual(
      exported.slice(0, rows.length).map((e) => [e.seq, e.action, e.hash, e.prevHash]),
    );
    expect(rows.find((r) => r.action === 'auth.login_failed')!.target).toBe('user:nobody');
    const recorded = trail.at(-1)!;
    expect(recorded).toMatchObject({
      action: 'export.audit',
      actor: 'auditor',
      details: { format: 'csv', rows: rows.length, sha256: sha256(res.bytes) },
    });
  });

  it('writes JSON lines of the filtered entries: logins can be left out', async () => {
    const res = await auditor.download('/api/v1/audit/export?format=jsonl&excludeAction=auth.login,auth.login_failed');
    expect(res.headers.get('x-content-sha256')).toBe(sha256(res.bytes));
    const lines = res.bytes
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditEntry);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.some((e) => e.action.startsWith('auth.login'))).toBe(false);
    expect(lines.some((e) => e.action === 'user.create')).toBe(true);
  });

  it('hides login entries from the list with excludeAction', async () => {
    const all = await entries(auditor);
    const withoutLogins = await entries(auditor, '&excludeAction=auth.login,auth.login_failed,auth.logout');
    expect(all.some((e) => e.action === 'auth.login')).toBe(true);
    expect(withoutLogins.map((e) => e.seq)).toEqual(all.filter((e) => !e.action.startsWith('auth.')).map((e) => e.seq));
  });

  it('refuses an analyst and an institution, and an unknown format', async () => {
    expect((await (await app.as('analyst')).get('/api/v1/audit/export?format=csv')).status).toBe(403);
    expect((await (await app.as('alipay')).get('/api/v1/audit/export?format=csv')).status).toBe(403);
    expect((await (await app.as('alipay')).get('/api/v1/audit/verify/certificate')).status).toBe(403);
    const bad = await auditor.get('/api/v1/audit/export?format=xml');
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].code).toBe('BAD_FORMAT');
  });
});
