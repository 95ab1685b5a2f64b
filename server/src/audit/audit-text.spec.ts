// The trail hashes exactly what it stores, whatever text an attempt carries (a lone surrogate,
// which SQLite stores as U+FFFD), and the entries written before that was so still verify.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../contract/audit.js';
import type { ApiClient } from '../test/api-client.js';
import { aReport } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { auditHash, canonicalJson, type AuditJson } from './audit-hash.js';

let app: TestApp;
let admin: ApiClient;

beforeEach(async () => {
  app = await startTestApp({ now: new Date('2021-12-20T08:00:00Z') });
  admin = await app.as('admin');
});
afterEach(() => app.close());

const verify = async () => (await admin.get('/api/v1/audit/verify')).body;
const lastEntry = async (): Promise<AuditEntry> => (await admin.get('/api/v1/audit?pageSize=1')).body.items[0];

/** Lets the test change the trail as someone with the database file could. */
const dropAuditTriggers = async () => {
  await sql`drop trigger audit_log_no_update`.execute(app.ctx.db);
  await sql`drop trigger audit_log_no_delete`.execute(app.ctx.db);
};

/** Appends an entry the way the trail did before text was made well-formed: hashed as given, stored as SQLite stores it. */
async function appendAsBefore(actor: string, target: string, details: { [key: string]: AuditJson }): Promise<number> {
  const head = await app.ctx.db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
  const entry = {
    seq: head.seq + 1,
    at: new Date().toISOString(),
    actor,
    action: 'auth.login_failed',
    target,
    details,
    prevHash: head.hash,
  };
  await app.ctx.db
    .insertInto('audit_log')
    .values({
      seq: entry.seq,
      at: entry.at,
      actor,
      action: entry.action,
      target,
      details: canonicalJson(details),
      prev_hash: entry.prevHash,
      hash: auditHash(entry),
    })
    .execute();
  return entry.seq;
}

describe('what an attempt with ill-formed text leaves in the trail', () => {
  it('when a login names "\\ud800x", answers 401, records the attempt as stored, and verify still holds and still catches tampering after it', async () => {
    const res = await (await app.as()).post('/api/v1/auth/login', { username: '\ud800x', password: 'whatever' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('BAD_CREDENTIALS');
    const attempt = await lastEntry();
    expect(attempt).toMatchObject({
      actor: 'anonymous',
      action: 'auth.login_failed',
      target: 'user:\ufffdx',
      details: { reason: 'unknown-user' },
    });
    expect(await verify()).toMatchObject({ ok: true, entries: attempt.seq, head: attempt.hash });

    expect((await admin.post('/api/v1/users', { username: 'later', password: 'long-enough-pass', role: 'analyst' })).status).toBe(201);
    const later = await lastEntry();
    await dropAuditTriggers();
    await sql`update audit_log set details = ${JSON.stringify({ ...later.details, role: 'admin' })} where seq = ${later.seq}`.execute(
      app.ctx.db,
    );
    expect(await verify()).toEqual({ ok: false, brokenAt: later.seq, reason: 'hash' });
  });

  it('when a rejected report names an institution cut inside a surrogate pair, records it cut by characters and verify holds', async () => {
    const named = `${'a'.repeat(39)}😀😀`;
    const res = await (await app.as('alipay')).post('/api/v1/reports', aReport({ institution: named }));
    expect(res.status).toBe(403);
    expect(await lastEntry()).toMatchObject({
      action: 'report.rejected',
      target: `institution:${'a'.repeat(39)}😀`,
      details: { institution: `${'a'.repeat(39)}😀` },
    });
    expect((await verify()).ok).toBe(true);
  });

  it('when a CSV upload’s form field is UTF-16 holding a lone surrogate, refuses the report and verify holds', async () => {
    const boundary = 'lone-surrogate-boundary';
    const part = (headers: string, body: Buffer) =>
      Buffer.concat([Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`), body, Buffer.from('\r\n')]);
    const links = 'scanner,issuer,mode,channel,city,status,since\r\nalipay,unionpay,mpm,offline,110000,live,2021-01-01\r\n';
    const body = Buffer.concat([
      part(
        'Content-Disposition: form-data; name="institution"\r\nContent-Type: text/plain; charset=utf-16le',
        Buffer.concat([Buffer.from('alipay', 'utf16le'), Buffer.from([0x00, 0xd8])]),
      ),
      part('Content-Disposition: form-data; name="period"', Buffer.from('2021-11')),
      part('Content-Disposition: form-data; name="links"; filename="links.csv"\r\nContent-Type: text/csv', Buffer.from(links)),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    const res = await admin.postRaw('/api/v1/reports', body, `multipart/form-data; boundary=${boundary}`);
    expect(res.status).toBe(422);
    expect(await lastEntry()).toMatchObject({ action: 'report.rejected', target: 'institution:alipay\ufffd' });
    expect((await verify()).ok).toBe(true);
    expect((await admin.get('/api/v1/reports')).body.total).toBe(0);
  });
});

describe('entries written before text was made well-formed', () => {
  it('proves one whose actor and target held lone surrogates against the bytes stored, names it in legacyText, and breaks it once changed', async () => {
    const seq = await appendAsBefore('anon\udfffymous', 'user:\udc01\ud800x\ud83d', { reason: 'unknown-user', tried: '\ud800' });
    // Read as text, each lone surrogate's three stored bytes are three U+FFFD.
    expect(await lastEntry()).toMatchObject({
      actor: 'anon\ufffd\ufffd\ufffdymous',
      target: 'user:\ufffd\ufffd\ufffd\ufffd\ufffd\ufffdx\ufffd\ufffd\ufffd',
    });
    expect(await verify()).toEqual({ ok: true, entries: seq, head: (await lastEntry()).hash, legacyText: [seq] });

    // Another lone surrogate in the same place (U+DBFE for U+D800) is a change like any other.
    await dropAuditTriggers();
    await sql`update audit_log set target = cast(${Buffer.from('user:\xed\xb0\x81\xed\xaf\xbex\xed\xa0\xbd', 'latin1')} as text) where seq = ${seq}`.execute(
      app.ctx.db,
    );
    expect(await verify()).toEqual({ ok: false, brokenAt: seq, reason: 'hash' });
  });

  it('still catches tampering after such an entry', async () => {
    await appendAsBefore('anonymous', 'user:\ud800x', { reason: 'unknown-user' });
    expect((await admin.post('/api/v1/users', { username: 'later', password: 'long-enough-pass', role: 'analyst' })).status).toBe(201);
    const later = await lastEntry();
    await dropAuditTriggers();
    await sql`update audit_log set actor = 'someone' where seq = ${later.seq}`.execute(app.ctx.db);
    expect(await verify()).toEqual({ ok: false, brokenAt: later.seq, reason: 'hash' });
  });
});
