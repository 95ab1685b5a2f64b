import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../auth/tokens.js';
import type { AuditEntry } from '../contract/audit.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { ApiClient } from '../test/api-client.js';
import { aLink, aReport, anAgreement } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { auditHash, GENESIS_HASH } from './audit-hash.js';
import { verifyAuditTrail } from './service.js';

let app: TestApp;
let auditor: ApiClient;
let clock = new Date('2021-12-20T08:00:00.000Z');
/** Moves the app's clock on, so that entries carry distinct times to filter by. */
const tick = (ms = 60_000) => (clock = new Date(clock.getTime() + ms));

beforeAll(async () => {
  app = await startTestApp();
  app.ctx.now = () => clock;
  auditor = await app.as('auditor');
});
afterAll(() => app.close());

/** The whole trail, oldest first. */
async function trail(query = ''): Promise<AuditEntry[]> {
  const res = await auditor.get(`/api/v1/audit?sort=seq&pageSize=500${query ? `&${query}` : ''}`);
  expect(res.status).toBe(200);
  return res.body.items;
}

async function headSeq(): Promise<number> {
  return (await auditor.get('/api/v1/audit?pageSize=1')).body.items[0]?.seq ?? 0;
}

/** The entries appended after `seq`, oldest first. */
async function since(seq: number): Promise<AuditEntry[]> {
  return (await trail()).filter((e) => e.seq > seq);
}

async function exclusiveFinding(institution: string, period: string): Promise<number> {
  const client = await app.as(institution);
  const res = await client.post(
    '/api/v1/reports',
    aReport({
      institution,
      period,
      links: [aLink({ scanner: institution })],
      agreements: [anAgreement({ ref: `X-${period}`, exclusive: true })],
    }),
  );
  expect(res.status).toBe(201);
  const analyst = await app.as('analyst');
  const list = await analyst.get(`/api/v1/findings?rule=EXCL-001&institution=${institution}&period=${period}`);
  return list.body.items[0].id;
}

describe('every write leaves an entry with its actor, action and target', () => {
  it('records logins, failed logins as anonymous against the username tried (never the password), and logouts', async () => {
    const before = await headSeq();
    const cmb = await app.as('cmb');
    const anonymous = await app.as();
    expect((await anonymous.post('/api/v1/auth/login', { username: 'cmb', password: 'not-the-password-42' })).status).toBe(401);
    expect((await anonymous.post('/api/v1/auth/login', { username: 'nobody-here', password: 'guess-1234' })).status).toBe(401);
    expect((await cmb.post('/api/v1/auth/logout')).status).toBe(204);
    const added = await since(before);
    expect(added.map((e) => e.action)).toEqual(['auth.login', 'auth.login_failed', 'auth.login_failed', 'auth.logout']);
    expect(added[0]).toMatchObject({ actor: 'cmb', target: 'user:cmb', details: { role: 'institution' } });
    expect(added[1]).toMatchObject({ actor: 'anonymous', target: 'user:cmb', details: { reason: 'bad-password' } });
    expect(added[2]).toMatchObject({ actor: 'anonymous', target: 'user:nobody-here', details: { reason: 'unknown-user' } });
    expect(added[3]).toMatchObject({ actor: 'cmb', target: 'user:cmb' });
    const text = JSON.stringify(added);
    expect(text).not.toContain('not-the-password-42');
    expect(text).not.toContain('guess-1234');
    expect(text).not.toContain('"demo"');
  });

  it('records an accepted report and the rule run it caused, in that order', async () => {
    const before = await headSeq();
    const alipay = await app.as('alipay');
    const res = await alipay.post('/api/v1/reports', aReport({ period: '2021-06', agreements: [anAgreement({ exclusive: true })] }));
    expect(res.status).toBe(201);
    const added = (await since(before)).filter((e) => e.action !== 'auth.login');
    expect(added.map((e) => e.action)).toEqual(['report.accepted', 'rules.run']);
    expect(added[0]).toMatchObject({
      actor: 'alipay',
      target: `report:${res.body.id}`,
      details: {
        institution: 'alipay',
        period: '2021-06',
        version: 1,
        sha256: res.body.sha256,
        counts: { links: 1, agreements: 1 },
        warnings: 0,
      },
    });
    // One entry for the whole run, however many findings it touched.
    expect(added[1]).toMatchObject({ actor: 'system', target: 'findings', details: { reportIds: [res.body.id] } });
    expect(added[1].details.opened).toBeGreaterThanOrEqual(1);
    expect(added[1].details.rules).toContain('EXCL-001');
  });

  it('records a report rejected with 422 as report.rejected, with exactly that entry and no report', async () => {
    const alipay = await app.as('alipay');
    const before = await headSeq();
    const res = await alipay.post(
      '/api/v1/reports',
      aReport({ period: '2021-07', links: [aLink({ city: '000001' }), aLink({ scanner: 'tenpay', issuer: 'cmb' })] }),
    );
    expect(res.status).toBe(422);
    const added = await since(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      actor: 'alipay',
      action: 'report.rejected',
      target: 'institution:alipay',
      details: { institution: 'alipay', period: '2021-07', errors: 2 },
    });
    expect(added[0].details.codes).toEqual(expect.arrayContaining(['UNKNOWN_CITY']));
    expect((await alipay.get('/api/v1/reports?period=2021-07')).body.total).toBe(0);
  });

  it('records a report refused with 403 for another institution as report.rejected', async () => {
    const alipay = await app.as('alipay');
    const before = await headSeq();
    const res = await alipay.post('/api/v1/reports', aReport({ institution: 'unionpay', period: '2021-07', links: [aLink()] }));
    expect(res.status).toBe(403);
    const added = await since(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      actor: 'alipay',
      action: 'report.rejected',
      target: 'institution:unionpay',
      details: { institution: 'unionpay', errors: 1, codes: ['NOT_YOUR_INSTITUTION'] },
    });
  });

  it('writes no entry for a dry run, accepted or rejected: nothing is stored', async () => {
    const alipay = await app.as('alipay');
    const before = await headSeq();
    expect((await alipay.post('/api/v1/reports?dryRun=true', aReport({ period: '2021-08' }))).status).toBe(200);
    expect(
      (await alipay.post('/api/v1/reports?dryRun=true', aReport({ period: '2021-08', links: [aLink({ city: '000001' })] }))).status,
    ).toBe(422);
    expect(await headSeq()).toBe(before);
  });

  it('records a finding’s status change and a subject institution’s comment', async () => {
    const id = await exclusiveFinding('tenpay', '2021-06');
    const analyst = await app.as('analyst');
    const unionpay = await app.as('unionpay');
    const before = await headSeq();
    expect((await analyst.patch(`/api/v1/findings/${id}`, { status: 'acknowledged', note: 'looking into it' })).status).toBe(200);
    const comment = await unionpay.post(`/api/v1/findings/${id}/comments`, { text: 'The clause lapsed in May.' });
    expect(comment.status).toBe(201);
    const added = await since(before);
    expect(added.map((e) => e.action)).toEqual(['finding.status', 'finding.comment']);
    expect(added[0]).toMatchObject({
      actor: 'analyst',
      target: `finding:${id}`,
      details: { from: 'open', to: 'acknowledged', note: 'looking into it' },
    });
    expect(added[1]).toMatchObject({
      actor: 'unionpay',
      target: `finding:${id}`,
      details: { commentId: comment.body.id, text: 'The clause lapsed in May.' },
    });
  });

  it('writes nothing for a refused status change', async () => {
    const id = await exclusiveFinding('icbc', '2021-06');
    const before = await headSeq();
    expect((await (await app.as('analyst')).patch(`/api/v1/findings/${id}`, { status: 'resolved', note: 'no' })).status).toBe(409);
    expect((await since(before)).filter((e) => e.action !== 'auth.login')).toEqual([]);
  });

  it('records a rule’s settings change with the settings before and after', async () => {
    const admin = await app.as('admin');
    const before = await headSeq();
    expect((await admin.put('/api/v1/rules/DISC-001', { settings: { feeSpreadBps: 25 } })).status).toBe(200);
    const [entry] = await since(before);
    expect(entry).toMatchObject({
      actor: 'admin',
      action: 'rule.update',
      target: 'rule:DISC-001',
      details: { enabled: { from: true, to: true }, settings: { from: { feeSpreadBps: 10 }, to: { feeSpreadBps: 25 } } },
    });
  });

  it('records users created and changed, never their passwords', async () => {
    const admin = await app.as('admin');
    const before = await headSeq();
    expect((await admin.post('/api/v1/users', { username: 'audited', password: 'first-secret-pass', role: 'analyst' })).status).toBe(201);
    expect((await admin.patch('/api/v1/users/audited', { role: 'auditor', password: 'second-secret-pass' })).status).toBe(200);
    expect((await admin.patch('/api/v1/users/audited', { disabled: true })).status).toBe(200);
    const added = await since(before);
    expect(added.map((e) => e.action)).toEqual(['user.create', 'user.update', 'user.update']);
    expect(added[0]).toMatchObject({ actor: 'admin', target: 'user:audited', details: { role: 'analyst', institution: null } });
    expect(added[1].details).toEqual({ role: { from: 'analyst', to: 'auditor' }, passwordChanged: true, sessionsEnded: true });
    expect(added[2].details).toEqual({ disabled: { from: false, to: true }, sessionsEnded: true });
    const text = JSON.stringify(added);
    expect(text).not.toMatch(/secret-pass|password_hash|scrypt/);
  });

  it('records API keys created and revoked, never the key or its hash', async () => {
    const cmb = await app.as('cmb');
    const before = await headSeq();
    const created = await cmb.post('/api/v1/institutions/cmb/api-keys', { name: 'ERP upload' });
    expect(created.status).toBe(201);
    expect((await cmb.delete(`/api/v1/institutions/cmb/api-keys/${created.body.id}`)).status).toBe(204);
    expect((await cmb.delete(`/api/v1/institutions/cmb/api-keys/${created.body.id}`)).status).toBe(404);
    const added = await since(before);
    expect(added.map((e) => e.action)).toEqual(['apikey.create', 'apikey.revoke']);
    expect(added[0]).toMatchObject({
      actor: 'cmb',
      target: `apikey:${created.body.id}`,
      details: { institution: 'cmb', name: 'ERP upload' },
    });
    expect(added[1]).toMatchObject({ actor: 'cmb', target: `apikey:${created.body.id}`, details: { institution: 'cmb' } });
    const text = JSON.stringify(added);
    expect(text).not.toContain(created.body.key);
    expect(text).not.toContain(hashSecret(created.body.key));
  });

  it('records reports sent with an API key under the key', async () => {
    const icbc = await app.as('icbc');
    const { body: key } = await icbc.post('/api/v1/institutions/icbc/api-keys', { name: 'batch' });
    const system = await app.as();
    system.headers.authorization = `Bearer ${key.key}`;
    const before = await headSeq();
    const res = await system.post(
      '/api/v1/reports',
      aReport({ institution: 'icbc', period: '2021-05', links: [aLink({ scanner: 'icbc' })] }),
    );
    expect(res.status).toBe(201);
    const [accepted] = (await since(before)).filter((e) => e.action === 'report.accepted');
    expect(accepted).toMatchObject({ actor: `key:${key.id}`, target: `report:${res.body.id}` });
  });

  it('records institutions added and changed', async () => {
    const admin = await app.as('admin');
    const before = await headSeq();
    const institution = { id: 'mipay', name: 'Mi Pay', nameZh: '小米支付', kind: 'wallet', group: 'xiaomi', systemic: false };
    expect((await admin.post('/api/v1/institutions', institution)).status).toBe(201);
    expect((await admin.patch('/api/v1/institutions/mipay', { systemic: true })).status).toBe(200);
    const added = await since(before);
    expect(added.map((e) => e.action)).toEqual(['institution.create', 'institution.update']);
    expect(added[0]).toMatchObject({ actor: 'admin', target: 'institution:mipay', details: { ...institution, active: true } });
    expect(added[1]).toMatchObject({
      actor: 'admin',
      target: 'institution:mipay',
      details: { from: { systemic: false }, to: { systemic: true } },
    });
  });
});

describe('the chain', () => {
  it('numbers entries 1, 2, 3, … and links each to the hash of the one before', async () => {
    const entries = await trail();
    expect(entries.length).toBeGreaterThan(20);
    entries.forEach((entry, i) => {
      expect(entry.seq).toBe(i + 1);
      expect(entry.prevHash).toBe(i === 0 ? GENESIS_HASH : entries[i - 1].hash);
      expect(auditHash(entry as Parameters<typeof auditHash>[0])).toBe(entry.hash);
    });
  });

  it('verifies a long trail, naming its head, and the same page by page', async () => {
    const entries = await trail();
    const res = await auditor.get('/api/v1/audit/verify');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, entries: entries.length, head: entries.at(-1)!.hash });
    expect(await verifyAuditTrail(app.ctx.db, 3)).toEqual(res.body);
  });

  it('lets an auditor prove later that nothing up to a noted head changed', async () => {
    const noted = (await auditor.get('/api/v1/audit/verify')).body;
    tick();
    await (await app.as('admin')).put('/api/v1/rules/DISC-001', { settings: { feeSpreadBps: 10 } });
    const later = (await auditor.get('/api/v1/audit/verify')).body;
    expect(later.ok).toBe(true);
    expect(later.entries).toBeGreaterThan(noted.entries);
    expect((await auditor.get(`/api/v1/audit/${noted.entries}`)).body.hash).toBe(noted.head);
  });

  it('verifies a fresh trail (the demo users) and an empty one', async () => {
    const fresh = await startTestApp();
    try {
      const res = await (await fresh.as('admin')).get('/api/v1/audit/verify');
      expect(res.body).toMatchObject({ ok: true });
      expect(res.body.entries).toBeGreaterThanOrEqual(8);
    } finally {
      await fresh.close();
    }
    const empty = openDatabase(':memory:');
    try {
      await migrateToLatest(empty.db);
      expect(await verifyAuditTrail(empty.db)).toEqual({ ok: true, entries: 0, head: GENESIS_HASH });
    } finally {
      await empty.close();
    }
  });

  it('keeps seq and links whole under concurrent writes', async () => {
    const before = await headSeq();
    const clients = await Promise.all(['analyst', 'auditor', 'admin', 'alipay', 'tenpay'].map(() => app.as()));
    await Promise.all(
      clients.flatMap((c, i) => [
        c.post('/api/v1/auth/login', { username: 'analyst', password: 'demo' }),
        c.post('/api/v1/auth/login', { username: `ghost-${i}`, password: 'x' }),
      ]),
    );
    expect((await since(before)).length).toBe(10);
    expect((await auditor.get('/api/v1/audit/verify')).body.ok).toBe(true);
  });

  it('is refused by the database itself: no update, no delete, no entry off the head', async () => {
    const { db } = app.ctx;
    await expect(sql`update audit_log set actor = 'someone' where seq = 1`.execute(db)).rejects.toThrow(/cannot be changed/);
    await expect(sql`delete from audit_log where seq = 1`.execute(db)).rejects.toThrow(/cannot be deleted/);
    const head = (await trail()).at(-1)!;
    const offHead = (seq: number, prevHash: string) =>
      sql`insert into audit_log (seq, at, actor, action, target, details, prev_hash, hash) values (${seq}, ${clock.toISOString()}, 'x', 'auth.logout', 'user:x', '{}', ${prevHash}, ${'f'.repeat(64)})`.execute(
        db,
      );
    // Two writers that read the same head: the second's entry n is refused.
    await expect(offHead(head.seq, head.prevHash)).rejects.toThrow();
    await expect(offHead(head.seq + 1, head.prevHash)).rejects.toThrow(/extend the chain/);
    await expect(offHead(head.seq + 2, head.hash)).rejects.toThrow(/extend the chain/);
    expect((await auditor.get('/api/v1/audit/verify')).body.ok).toBe(true);
  });
});

describe('tampering', () => {
  // The triggers stop the application and casual SQL; someone with the database file can drop them,
  // as these tests do, and that is what verify catches. Each test works on a trail of its own.
  async function tamperedApp(): Promise<{ app: TestApp; entries: AuditEntry[]; verify: () => Promise<unknown> }> {
    const own = await startTestApp();
    const admin = await own.as('admin');
    for (const username of ['tamper-a', 'tamper-b', 'tamper-c'])
      await admin.post('/api/v1/users', { username, password: 'long-enough-pass', role: 'analyst' });
    await sql`drop trigger audit_log_no_update`.execute(own.ctx.db);
    await sql`drop trigger audit_log_no_delete`.execute(own.ctx.db);
    const entries = (await admin.get('/api/v1/audit?sort=seq&pageSize=500')).body.items as AuditEntry[];
    return { app: own, entries, verify: async () => (await admin.get('/api/v1/audit/verify')).body };
  }

  it('names the entry whose details were changed in the database', async () => {
    const { app: own, entries, verify } = await tamperedApp();
    try {
      const target = entries.find((e) => e.target === 'user:tamper-b')!;
      await sql`update audit_log set details = ${JSON.stringify({ ...target.details, role: 'admin' })} where seq = ${target.seq}`.execute(
        own.ctx.db,
      );
      expect(await verify()).toEqual({ ok: false, brokenAt: target.seq, reason: 'hash' });
    } finally {
      await own.close();
    }
  });

  it('names the next entry when a changed entry was re-hashed to cover it up', async () => {
    const { app: own, entries, verify } = await tamperedApp();
    try {
      const target = entries.find((e) => e.target === 'user:tamper-a')!;
      const forged = { ...target, actor: 'someone-else' };
      await sql`update audit_log set actor = ${forged.actor}, hash = ${auditHash(forged as Parameters<typeof auditHash>[0])} where seq = ${target.seq}`.execute(
        own.ctx.db,
      );
      expect(await verify()).toEqual({ ok: false, brokenAt: target.seq + 1, reason: 'link' });
    } finally {
      await own.close();
    }
  });

  it('names the entry after one that was deleted', async () => {
    const { app: own, entries, verify } = await tamperedApp();
    try {
      const target = entries.find((e) => e.target === 'user:tamper-b')!;
      await sql`delete from audit_log where seq = ${target.seq}`.execute(own.ctx.db);
      expect(await verify()).toEqual({ ok: false, brokenAt: target.seq + 1, reason: 'sequence' });
    } finally {
      await own.close();
    }
  });
});

describe('filters and paging', () => {
  let window: { from: string; to: string };

  // Days pass here, and sessions last 12 hours: each day logs in afresh.
  beforeAll(async () => {
    tick(24 * 60 * 60 * 1000);
    const from = clock.toISOString();
    const admin = await app.as('admin');
    for (const username of ['filter-a', 'filter-b', 'filter-c']) {
      tick();
      expect((await admin.post('/api/v1/users', { username, password: 'long-enough-pass', role: 'analyst' })).status).toBe(201);
    }
    window = { from, to: clock.toISOString() };
    tick(24 * 60 * 60 * 1000);
    expect((await (await app.as('admin')).patch('/api/v1/users/filter-a', { disabled: true })).status).toBe(200);
    auditor = await app.as('auditor');
  });

  it('filters by actor, by one or more actions and by target', async () => {
    const byActor = await trail('actor=anonymous');
    expect(byActor.length).toBeGreaterThan(0);
    expect(new Set(byActor.map((e) => e.action))).toEqual(new Set(['auth.login_failed']));
    const byActions = await trail('action=user.create,user.update');
    expect(new Set(byActions.map((e) => e.action))).toEqual(new Set(['user.create', 'user.update']));
    const byTarget = await trail('target=user:filter-a');
    expect(byTarget.map((e) => e.action)).toEqual(['user.create', 'user.update']);
  });

  it('filters by time, from and to inclusive, as instants or whole days', async () => {
    const inWindow = await trail(`from=${encodeURIComponent(window.from)}&to=${encodeURIComponent(window.to)}&action=user.create`);
    expect(inWindow.map((e) => e.target)).toEqual(['user:filter-a', 'user:filter-b', 'user:filter-c']);
    const day = window.to.slice(0, 10);
    const wholeDay = await trail(`from=${day}&to=${day}&actor=admin`);
    expect(wholeDay.length).toBeGreaterThanOrEqual(3);
    expect(wholeDay.every((e) => e.at.startsWith(day))).toBe(true);
  });

  it('pages newest first with an exact total', async () => {
    const all = await trail('action=user.create');
    const first = await auditor.get('/api/v1/audit?action=user.create&pageSize=2');
    const second = await auditor.get('/api/v1/audit?action=user.create&pageSize=2&page=2');
    expect(first.body.total).toBe(all.length);
    expect(second.body.total).toBe(all.length);
    expect([...first.body.items, ...second.body.items].map((e: AuditEntry) => e.seq)).toEqual(
      all
        .map((e) => e.seq)
        .reverse()
        .slice(0, 4),
    );
  });

  it('answers 422 naming bad filters', async () => {
    const res = await auditor.get('/api/v1/audit?action=user.delete&from=yesterday&colour=red');
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { code: string }) => e.code).sort()).toEqual(['BAD_DATE', 'UNKNOWN_ACTION', 'UNKNOWN_FIELD']);
  });

  it('reads one entry by its seq, and 404 for one that does not exist', async () => {
    const [first] = await trail();
    expect((await auditor.get('/api/v1/audit/1')).body).toEqual(first);
    expect((await auditor.get('/api/v1/audit/999999')).status).toBe(404);
    expect((await auditor.get('/api/v1/audit/abc')).status).toBe(404);
  });
});

describe('who may read the trail', () => {
  const paths = ['/api/v1/audit', '/api/v1/audit/verify', '/api/v1/audit/1'];

  it.each(['auditor', 'admin'])('answers 200 to %s', async (username) => {
    const client = await app.as(username);
    for (const path of paths) expect((await client.get(path)).status).toBe(200);
  });

  it.each(['analyst', 'alipay'])('answers 403 to %s', async (username) => {
    const client = await app.as(username);
    for (const path of paths) expect((await client.get(path)).status).toBe(403);
  });

  it('answers 401 without a login', async () => {
    const client = await app.as();
    for (const path of paths) expect((await client.get(path)).status).toBe(401);
  });
});
