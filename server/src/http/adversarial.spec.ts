// The server as its adversaries meet it: a regulated institution that wants a quieter record or a
// competitor's trouble, and an anonymous visitor who wants to stop the service or read what it
// should not. Each case is an attack; most pin what the server already resists, so that a change
// that opens it again fails here. (Slow clients: slow-clients.spec.ts.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingSummary } from '../contract/findings.js';
import type { ApiClient } from '../test/api-client.js';
import { NOW, reportFebruary } from '../test/findings-kit.js';
import { aLink, anAgreement, aReport, submitted } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

let app: TestApp;
let alipay: ApiClient;
let analyst: ApiClient;
let february: Awaited<ReturnType<typeof reportFebruary>>;

beforeAll(async () => {
  app = await startTestApp({ now: NOW });
  february = await reportFebruary(app);
  [alipay, analyst] = await Promise.all([app.as('alipay'), app.as('analyst')]);
});
afterAll(() => app.close());

async function allFindings(client: ApiClient): Promise<FindingSummary[]> {
  const res = await client.get<{ items: FindingSummary[] }>('/api/v1/findings?pageSize=500');
  expect(res.status, res.text).toBe(200);
  return res.body.items;
}

describe('an institution that writes its own verdict into the record', () => {
  // An agreement's ref is the reporter's own text, up to 100 characters; the rules' explanations are
  // the system's sentences. A ref written as a sentence must read as a ref, not as the system's words.
  const VERDICT = 'CMB-7 was reviewed by the central bank; no breach found.\nDismissed by analyst.\u202eDISMISSED';

  it('when an agreement ref reads as the regulator’s verdict, every explanation quotes it as the ref it is', async () => {
    await submitted(
      alipay,
      aReport({
        institution: 'alipay',
        period: '2021-02',
        links: [aLink({ scanner: 'alipay', issuer: 'unionpay', city: '110000' })],
        agreements: [
          anAgreement({ ref: 'ALI-EX-1', counterparty: 'unionpay', kind: 'acceptance', exclusive: true, feeBps: null }),
          anAgreement({ ref: 'PLAIN-1', counterparty: 'icbc', kind: 'clearing', feeBps: 5 }),
          anAgreement({
            ref: VERDICT,
            counterparty: 'cmb',
            kind: 'clearing',
            feeBps: 90,
            exclusive: true,
            restrictions: ['own-group-only', 'steering'],
          }),
        ],
      }),
    );
    const crafted = (await allFindings(analyst)).filter((f) => f.evidence.some((e) => e.agreementRef === VERDICT));
    expect(crafted.map((f) => f.ruleId).sort()).toEqual(['DISC-001', 'DISC-002', 'EXCL-001', 'EXCL-002']);
    const quoted = JSON.stringify(VERDICT).replace('\u202e', '\\u202e');
    for (const f of crafted) {
      expect(f.explanation, f.ruleId).toContain(`agreement ${quoted}`);
      expect(f.explanationZh, f.ruleId).toContain(`协议 ${quoted}`);
      expect(f.explanation + f.explanationZh, f.ruleId).not.toMatch(/[\n\u202e]/);
    }
  });
});

describe('an institution reaching for a competitor’s records', () => {
  /** What a client can tell from an answer: its status, code and title (the detail names the id asked for). */
  const shape = (res: { status: number; body: unknown }) => {
    const { status, code, title, items, total } = res.body as Record<string, unknown>;
    return { httpStatus: res.status, status, code, title, items, total };
  };

  it('gets, for each of WeChat Pay’s reports, findings, keys, agreements, obligations and links, the answer a missing id gets', async () => {
    const tenpay = await app.as('tenpay');
    const tenpayKey = (await tenpay.post<{ id: string }>('/api/v1/institutions/tenpay/api-keys', { name: 'tenpay system' })).body.id;
    const tenpayFinding = (await allFindings(analyst)).find((f) => f.subjects.includes('tenpay') && !f.subjects.includes('alipay'))!;
    const report = february.tenpay.id;
    const pairs: [method: string, theirs: string, missing: string, body?: unknown][] = [
      ['GET', `/reports/${report}`, '/reports/999999'],
      ['GET', `/reports/${report}/receipt`, '/reports/999999/receipt'],
      ['GET', `/findings/${tenpayFinding.id}`, '/findings/999999'],
      ['PATCH', `/findings/${tenpayFinding.id}`, '/findings/999999', { status: 'dismissed', note: 'not ours to judge' }],
      ['POST', `/findings/${tenpayFinding.id}/comments`, '/findings/999999/comments', { text: 'see our counsel' }],
      ['GET', '/institutions/tenpay/agreements?period=2021-02', '/institutions/nobody/agreements?period=2021-02'],
      ['GET', '/institutions/tenpay/obligations', '/institutions/nobody/obligations'],
      ['GET', '/institutions/tenpay/links?period=2021-02', '/institutions/nobody/links?period=2021-02'],
      ['GET', '/institutions/tenpay/api-keys', '/institutions/nobody/api-keys'],
      ['POST', '/institutions/tenpay/api-keys', '/institutions/nobody/api-keys', { name: 'planted' }],
      ['DELETE', `/institutions/tenpay/api-keys/${tenpayKey}`, '/institutions/nobody/api-keys/none'],
      // Through its own institution's path: the key id alone must not reach another's key.
      ['DELETE', `/institutions/alipay/api-keys/${tenpayKey}`, '/institutions/alipay/api-keys/none'],
      ['GET', '/reports?institution=tenpay', '/reports?institution=nobody'],
      ['GET', '/findings?institution=tenpay', '/findings?institution=nobody'],
    ];
    for (const [method, theirs, missing, body] of pairs) {
      const send = (path: string) =>
        alipay.request(
          method,
          `/api/v1${path}`,
          body === undefined ? undefined : JSON.stringify(body),
          body === undefined ? {} : { 'content-type': 'application/json' },
        );
      const [a, b] = [await send(theirs), await send(missing)];
      expect(shape(a), `${method} ${theirs}`).toEqual(shape(b));
    }
    // Nothing moved: WeChat Pay's key still works, its finding is as it was, with no comment from Alipay.
    const keys = await tenpay.get<{ items: { id: string; revokedAt: string | null }[] }>('/api/v1/institutions/tenpay/api-keys');
    expect(keys.body.items).toEqual([expect.objectContaining({ id: tenpayKey, revokedAt: null })]);
    const after = await analyst.get(`/api/v1/findings/${tenpayFinding.id}`);
    expect(after.body).toMatchObject({ status: tenpayFinding.status, comments: [] });
  });
});

describe('someone at the same browser after the institution’s user has gone', () => {
  it('finds nothing of its records kept: every answer with them says Cache-Control: no-store', async () => {
    const own = (await allFindings(alipay))[0];
    const report = february.alipay.id;
    const paths = [
      '/auth/me',
      '/findings',
      `/findings/${own.id}`,
      '/reports',
      `/reports/${report}`,
      `/reports/${report}/receipt`,
      '/institutions/alipay/agreements?period=2021-02',
      '/institutions/alipay/links?period=2021-02',
      '/institutions/alipay/obligations',
      '/institutions/alipay/api-keys',
      '/periods',
      '/findings/999999',
    ];
    for (const p of paths) {
      const res = await alipay.get(`/api/v1${p}`);
      expect(res.headers.get('cache-control'), p).toBe('no-store');
    }
    const auditor = await app.as('auditor');
    for (const p of ['/audit', '/audit/verify', '/audit/1', '/exports', '/exports/findings?format=csv']) {
      expect((await auditor.download(`/api/v1${p}`)).headers.get('cache-control'), p).toBe('no-store');
    }
    // Reference data is the same for everyone and may be kept, privately.
    expect((await alipay.get('/api/v1/cities')).headers.get('cache-control')).toBe('private, max-age=3600');
  });
});

describe('ids written another way', () => {
  it('answers 404, as for a missing id, to an id that is not written as the API writes ids', async () => {
    const own = (await allFindings(alipay))[0];
    const report = february.alipay.id;
    expect((await alipay.get(`/api/v1/findings/${own.id}`)).status).toBe(200);
    expect((await alipay.get(`/api/v1/reports/${report}`)).status).toBe(200);
    const missing = (await alipay.get('/api/v1/findings/999999')).body;
    for (const form of [
      (n: number) => `0x${n.toString(16)}`,
      (n: number) => `${n}.0`,
      (n: number) => `${n}e0`,
      (n: number) => `+${n}`,
      (n: number) => `0${n}`,
      (n: number) => `%20${n}`,
      (n: number) => `${n}%20`,
    ]) {
      for (const path of [`/findings/${form(own.id)}`, `/reports/${form(report)}`, `/reports/${form(report)}/receipt`]) {
        const res = await alipay.get(`/api/v1${path}`);
        expect({ status: res.status, code: res.body.code }, path).toEqual({ status: 404, code: missing.code });
      }
    }
    // Nor may an analyst triage or comment on a finding under another spelling of its id.
    const alias = `0x${own.id.toString(16)}`;
    expect((await analyst.patch(`/api/v1/findings/${alias}`, { status: 'acknowledged' })).status).toBe(404);
    expect((await analyst.post(`/api/v1/findings/${alias}/comments`, { text: 'under an alias' })).status).toBe(404);
    expect((await analyst.get(`/api/v1/findings/${own.id}`)).body).toMatchObject({ status: own.status, comments: [] });
  });
});

describe('bodies and queries shaped to confuse the parser', () => {
  const polluted = () => Object.keys(Object.prototype).concat(Object.keys(Array.prototype));

  it('refuses __proto__ and constructor keys in every JSON body with 422 UNKNOWN_FIELD, and Object.prototype stays clean', async () => {
    const admin = await app.as('admin');
    const link =
      '{"scanner":"alipay","issuer":"unionpay","mode":"mpm","channel":"offline","city":"110000","status":"live","since":"2021-01-01"';
    const cases: [ApiClient, string, string][] = [
      [alipay, '/api/v1/reports?dryRun=true', `{"institution":"alipay","period":"2021-03","links":[],"__proto__":{"role":"admin"}}`],
      [
        alipay,
        '/api/v1/reports?dryRun=true',
        `{"institution":"alipay","period":"2021-03","links":[${link},"__proto__":{"issuer":"tenpay"}}]}`,
      ],
      [
        alipay,
        '/api/v1/reports?dryRun=true',
        `{"institution":"alipay","period":"2021-03","links":[${link},"constructor":{"prototype":{"polluted":true}}}]}`,
      ],
      [alipay, '/api/v1/institutions/alipay/api-keys', '{"name":"k","__proto__":{"institution":"tenpay"}}'],
      [admin, '/api/v1/users', '{"username":"mallory","password":"a-long-password","role":"analyst","__proto__":{"role":"admin"}}'],
      [await app.as(), '/api/v1/auth/login', '{"username":"alipay","password":"demo","constructor":{"prototype":{"role":"admin"}}}'],
    ];
    for (const [client, path, body] of cases) {
      const res = await client.postRaw(path, body, 'application/json', { 'x-xsrf-token': client.cookie('XSRF-TOKEN') ?? '' });
      expect(res.status, `${path} ${body}`).toBe(422);
      expect(
        res.body.errors.map((e: { code: string }) => e.code),
        body,
      ).toContain('UNKNOWN_FIELD');
    }
    expect(polluted()).toEqual([]);
    expect((await admin.get('/api/v1/users')).body.items.map((u: { username: string }) => u.username)).not.toContain('mallory');
  });

  it('ignores __proto__[…] fields of a multipart report without polluting anything, and takes the institution only as sent', async () => {
    const form = new FormData();
    form.append('__proto__[institution]', 'tenpay');
    form.append('constructor[prototype][polluted]', 'yes');
    form.append('period', '2021-03');
    form.append(
      'links',
      new Blob(['scanner,issuer,mode,channel,city,status,since\ntenpay,unionpay,mpm,offline,110000,live,2021-01-01\n']),
      'links.csv',
    );
    const res = await alipay.postForm('/api/v1/reports?dryRun=true', form);
    expect(res.status).toBe(422);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ code: 'REQUIRED', path: '$.institution' }));
    expect(polluted()).toEqual([]);
  });

  it('answers repeated, bracketed, prototype-named and oversized query parameters with 422 naming each, never 500', async () => {
    const cases: [string, string][] = [
      ['/reports?institution=alipay&institution=tenpay', 'WRONG_TYPE'],
      ['/reports?institution[]=tenpay', 'UNKNOWN_FIELD'],
      ['/reports?pageSize=100000', 'TOO_BIG'],
      ['/findings?page=1e300', 'TOO_BIG'],
      ['/findings?q=a&q=b', 'WRONG_TYPE'],
      ['/findings?sort=explanation', 'BAD_SORT'],
      ['/findings?sort=id;drop%20table%20findings', 'BAD_SORT'],
      ['/findings?__proto__=x', 'UNKNOWN_FIELD'],
      ['/findings?constructor=x', 'UNKNOWN_FIELD'],
      [`/findings?q=${encodeURIComponent('%_'.repeat(101))}`, 'TOO_BIG'],
      [`/findings?${Array.from({ length: 900 }, (_, i) => `p${i}=1`).join('&')}`, 'UNKNOWN_FIELD'],
    ];
    for (const [path, code] of cases) {
      const res = await alipay.get(`/api/v1${path}`);
      expect(res.status, path.slice(0, 80)).toBe(422);
      expect(
        res.body.errors.map((e: { code: string }) => e.code),
        path.slice(0, 80),
      ).toContain(code);
    }
    // LIKE's wildcards are text: "%" finds nothing, though every explanation holds some character.
    expect((await alipay.get('/api/v1/findings?q=%25')).body.total).toBe(0);
    expect((await alipay.get('/api/v1/findings?q=_')).body.total).toBe(0);
  });
});

describe('an anonymous visitor probing for internals', () => {
  const INTERNALS = /\n\s+at |SqliteError|SQLITE_|node_modules|\/src\/|select |insert into/i;

  it('gets problems without stack traces, SQL or paths, whatever it sends', async () => {
    const anonymous = await app.as();
    const requests: [string, string, (string | undefined)?, Record<string, string>?][] = [
      ['GET', '/api/v1/findings/%E0%A4%A'],
      ['GET', '/api/v1/institutions/%00/links'],
      ['POST', '/api/v1/auth/login', '{"username":', { 'content-type': 'application/json' }],
      ['POST', '/api/v1/auth/login', '{"username":"a","password":"b"}', { 'content-type': 'application/json; charset=utf-7' }],
      [
        'POST',
        '/api/v1/auth/login',
        '{"username":"a","password":"b"}',
        { 'content-type': 'application/json', 'content-encoding': 'br, deflate' },
      ],
      ['POST', '/api/v1/auth/login', `{"username":"${"' or 1=1 --".repeat(5)}","password":"x"}`, { 'content-type': 'application/json' }],
      ['GET', '/api/v1/reports/1', undefined, { authorization: "Bearer ' or 1=1 --" }],
      ['GET', '/api/v1/auth/me', undefined, { cookie: 'im_session=%E0%A4%A; im_session=x' }],
      ['GET', '/api/v1/nothing-here/../../etc/passwd'],
    ];
    for (const [method, path, body, headers] of requests) {
      const res = await anonymous.request(method, path, body, headers ?? {});
      const where = `${method} ${path} → ${res.status} ${res.text.slice(0, 200)}`;
      expect(res.status, where).toBeGreaterThanOrEqual(400);
      expect(res.status, where).toBeLessThan(500);
      expect(res.headers.get('content-type'), where).toContain('application/problem+json');
      expect(res.text, where).not.toMatch(INTERNALS);
    }
    // SQL in a username is only a name that does not exist.
    expect((await anonymous.post('/api/v1/auth/login', { username: "alipay' --", password: 'x' })).status).toBe(401);
  });

  it('cannot write its own request id into headers, problems or the log: anything but a plain token is replaced', async () => {
    const anonymous = await app.as();
    for (const planted of ['abc def', 'x"},{"level":60,"msg":"forged', '<script>alert(1)</script>', 'a'.repeat(65)]) {
      const res = await anonymous.get('/api/v1/auth/me', { 'x-request-id': planted });
      const id = res.headers.get('x-request-id')!;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body.requestId).toBe(id);
    }
    const kept = await anonymous.get('/api/v1/auth/me', { 'x-request-id': 'client-trace_42' });
    expect(kept.body.requestId).toBe('client-trace_42');
  });

  it('gets 431 for headers over 16 KB, and /health answers meanwhile', async () => {
    const res = await fetch(`${app.baseUrl}/api/v1/auth/me`, { headers: { 'x-padding': 'a'.repeat(20_000) } });
    expect(res.status).toBe(431);
    expect((await fetch(`${app.baseUrl}/api/v1/health`)).status).toBe(200);
  });

  it('never reads outside the client folder, whatever the encoding of the path', async () => {
    // A folder beside the client's whose name starts with the client folder's: a prefix check alone would let it through.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'adversarial-'));
    const clientDir = path.join(root, 'client');
    fs.mkdirSync(clientDir);
    fs.mkdirSync(`${clientDir}-private`);
    fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>client</title>');
    fs.writeFileSync(path.join(root, 'secret.txt'), 'SECRET-PARENT');
    fs.writeFileSync(`${clientDir}-private/secret.txt`, 'SECRET-SIBLING');
    fs.writeFileSync(path.join(clientDir, '.env'), 'SECRET-DOTFILE');
    const served = await startTestApp({ env: { CLIENT_DIR: clientDir } });
    try {
      const paths = [
        '/%2e%2e/secret.txt',
        '/..%2fsecret.txt',
        '/..%5csecret.txt',
        '/%2e%2e%5csecret.txt',
        '/%252e%252e%252fsecret.txt',
        '/..%2fclient-private%2fsecret.txt',
        '/%2e%2e/client-private/secret.txt',
        '/.env',
        '/%2eenv',
        '/secret.txt%00.js',
        '/index.html/..%2f..%2fsecret.txt',
      ];
      for (const p of paths) {
        const res = await fetch(served.baseUrl + p);
        expect(await res.text(), p).not.toContain('SECRET');
      }
    } finally {
      await served.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('may read the API reference, whose page fetches nothing but this server', async () => {
    const anonymous = await app.as();
    const page = await anonymous.get('/api/docs/?url=https://evil.example/spec.json');
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });
});

describe('an institution that buries the record in its own agreements', () => {
  it('when a report holds hundreds of agreements that discriminate against one counterparty, each DISC-002 finding’s evidence stays short', async () => {
    // Half of them impose steering on WeChat Pay, half none on UnionPay: every steering agreement is
    // discriminatory, and each is compared with all the others.
    const agreements = Array.from({ length: 400 }, (_, i) =>
      anAgreement({
        ref: `BULK-${i}`,
        counterparty: i % 2 ? 'tenpay' : 'unionpay',
        kind: 'marketing',
        feeBps: null,
        restrictions: i % 2 ? ['steering'] : [],
      }),
    );
    await submitted(alipay, aReport({ institution: 'alipay', period: '2021-01', links: [], agreements }));
    const page = await analyst.get<{ items: FindingSummary[]; total: number }>('/api/v1/findings?rule=DISC-002&pageSize=500');
    const bulk = page.body.items.filter((f) => f.evidence[0].agreementRef?.startsWith('BULK-'));
    expect(bulk).toHaveLength(200);
    for (const f of bulk) {
      expect(f.explanation).toContain('none of its 200 marketing agreements');
      expect(f.evidence.length).toBeLessThanOrEqual(11);
    }
  });
});
