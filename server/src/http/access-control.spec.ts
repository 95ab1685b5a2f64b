// Walks every operation of the OpenAPI document with each role — anonymous, an institution, the
// central bank's roles — always on another institution's resources, and checks who gets in:
// 401 without credentials, 403 for a role the operation is not for, 403 or 404 (never the data)
// for an institution reaching for another's. A new operation fails this spec until it is listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../contract/operations.js';
import type { ApiClient, ApiResponse } from '../test/api-client.js';
import { EXCL_TENPAY, findingBy, NOW, reportFebruary } from '../test/findings-kit.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

type Caller = 'anonymous' | 'alipay' | 'alipayKey' | 'analyst' | 'auditor' | 'admin';
const CENTRAL_BANK = ['analyst', 'auditor', 'admin'] as const;
const LOGGED_IN: Caller[] = ['alipay', 'alipayKey', 'analyst', 'auditor', 'admin'];

/** Who may call each operation on another institution's resources; everyone else is refused. */
const ACCESS: Record<string, { allowed: readonly Caller[] | 'anyone'; body?: unknown; query?: string }> = {
  'GET /health': { allowed: 'anyone' },
  'GET /openapi.json': { allowed: 'anyone' },
  'POST /auth/login': { allowed: 'anyone', body: { username: 'auditor', password: 'demo' } },
  'POST /auth/logout': { allowed: LOGGED_IN },
  'GET /auth/me': { allowed: LOGGED_IN },
  'GET /auth/session': { allowed: 'anyone' },
  'GET /users': { allowed: ['admin'] },
  'POST /users': { allowed: ['admin'], body: {} },
  'PATCH /users/:username': { allowed: ['admin'], body: {} },
  'GET /institutions': { allowed: LOGGED_IN },
  'GET /institutions/:id': { allowed: LOGGED_IN },
  'POST /institutions': { allowed: ['admin'], body: {} },
  'PATCH /institutions/:id': { allowed: ['admin'], body: { nothing: true } },
  'GET /cities': { allowed: LOGGED_IN },
  'POST /institutions/:id/api-keys': { allowed: ['admin'], body: { name: 'walk' } },
  'GET /institutions/:id/api-keys': { allowed: ['admin'] },
  'DELETE /institutions/:id/api-keys/:keyId': { allowed: ['admin'] },
  'POST /reports': {
    allowed: ['admin'],
    query: '?dryRun=true',
    body: { institution: 'tenpay', period: '2021-03', links: [], agreements: [] },
  },
  'GET /reports': { allowed: LOGGED_IN },
  'GET /reports/:id': { allowed: CENTRAL_BANK },
  'GET /reports/:id/receipt': { allowed: CENTRAL_BANK },
  'GET /periods': { allowed: LOGGED_IN },
  'GET /matrix': { allowed: CENTRAL_BANK, query: '?city=110000&period=2021-02&mode=mpm&channel=offline' },
  'GET /coverage': { allowed: CENTRAL_BANK, query: '?by=period' },
  'GET /coverage/lines': { allowed: CENTRAL_BANK, query: '?to=2021-02' },
  'GET /institutions/:id/openness': { allowed: CENTRAL_BANK, query: '?period=2021-02' },
  'GET /institutions/:id/openness/history': { allowed: CENTRAL_BANK, query: '?from=2021-01&to=2021-02' },
  'GET /overview': { allowed: CENTRAL_BANK, query: '?period=2021-02' },
  'GET /institutions/:id/agreements': { allowed: CENTRAL_BANK, query: '?period=2021-02' },
  'GET /institutions/:id/obligations': { allowed: CENTRAL_BANK },
  'GET /institutions/:id/links': { allowed: CENTRAL_BANK, query: '?period=2021-02' },
  'GET /findings': { allowed: LOGGED_IN },
  'GET /findings/:id': { allowed: CENTRAL_BANK },
  'PATCH /findings/:id': { allowed: ['analyst', 'admin'], body: {} },
  'POST /findings/:id/comments': { allowed: ['analyst', 'admin'], body: {} },
  'GET /cases': { allowed: LOGGED_IN },
  'GET /cases/:id': { allowed: CENTRAL_BANK },
  'PATCH /cases/:id': { allowed: ['analyst', 'admin'], body: {} },
  'POST /cases/:id/comments': { allowed: ['analyst', 'admin'], body: {} },
  'GET /rules': { allowed: LOGGED_IN },
  'PUT /rules/:id': { allowed: ['admin'], body: { nothing: true } },
  'POST /rules/:id/preview': { allowed: ['analyst', 'admin'], body: { settings: { dueDay: 15 } } },
  'GET /audit': { allowed: ['auditor', 'admin'] },
  'GET /audit/verify': { allowed: ['auditor', 'admin'] },
  'GET /audit/verify/certificate': { allowed: ['auditor', 'admin'] },
  'GET /audit/export': { allowed: ['auditor', 'admin'], query: '?format=csv' },
  'GET /audit/:seq': { allowed: ['auditor', 'admin'] },
  'GET /exports/findings': { allowed: CENTRAL_BANK, query: '?format=json' },
  'GET /exports': { allowed: CENTRAL_BANK },
  'GET /exports/:id/file': { allowed: CENTRAL_BANK },
  'POST /exports/check': { allowed: CENTRAL_BANK },
};

let app: TestApp;
const clients = new Map<Caller, ApiClient>();
const params: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp({ now: NOW });
  const { tenpay } = await reportFebruary(app);
  for (const caller of ['anonymous', 'alipay', 'analyst', 'auditor', 'admin'] as const)
    clients.set(caller, await app.as(caller === 'anonymous' ? undefined : caller));
  const key = (await clients.get('alipay')!.post<{ key: string }>('/api/v1/institutions/alipay/api-keys', { name: 'walk' })).body.key;
  const keyClient = await app.as();
  keyClient.headers.authorization = `Bearer ${key}`;
  clients.set('alipayKey', keyClient);
  const tenpayKey = (await (await app.as('tenpay')).post<{ id: string }>('/api/v1/institutions/tenpay/api-keys', { name: 'tenpay system' }))
    .body.id;
  // Every parameter names something of WeChat Pay's (tenpay), never Alipay's.
  Object.assign(params, {
    id: 'tenpay',
    keyId: tenpayKey,
    username: 'auditor',
    seq: '1',
    reportId: String(tenpay.id),
    findingId: String((await findingBy(clients.get('analyst')!, EXCL_TENPAY)).id),
    caseId: (await clients.get('analyst')!.get<{ items: { id: string }[] }>('/api/v1/cases?institution=tenpay')).body.items[0].id,
    ruleId: 'LATE-001',
  });
});
afterAll(() => app.close());

function urlOf(path: string, query = ''): string {
  const filled = path
    .replace(/^\/reports\/:id/, `/reports/${params.reportId}`)
    .replace(/^\/findings\/:id/, `/findings/${params.findingId}`)
    .replace(/^\/cases\/:id/, `/cases/${params.caseId}`)
    .replace(/^\/rules\/:id/, `/rules/${params.ruleId}`)
    .replace(/:(\w+)/g, (_, name: string) => params[name]);
  return `/api/v1${filled}${query}`;
}

async function call(caller: Caller, method: string, path: string, access: (typeof ACCESS)[string]): Promise<ApiResponse> {
  // Logging in and out change the session: they get a client (and session) of their own.
  const own = method === 'POST' && path.startsWith('/auth/');
  const client = own ? await app.as(caller === 'anonymous' || caller === 'alipayKey' ? undefined : caller) : clients.get(caller)!;
  if (own && caller === 'alipayKey') Object.assign(client.headers, clients.get('alipayKey')!.headers);
  const url = urlOf(path, access.query);
  const body = access.body ?? (['POST', 'PUT', 'PATCH'].includes(method) ? {} : undefined);
  return client.request(
    method,
    url,
    body === undefined ? undefined : JSON.stringify(body),
    body === undefined ? {} : { 'content-type': 'application/json' },
  );
}

describe('every operation, every role, on another institution’s resources', () => {
  it('lists every operation of the OpenAPI document', () => {
    const documented = operations.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort();
    expect(Object.keys(ACCESS).sort()).toEqual(documented);
  });

  const ORDER: Caller[] = ['anonymous', 'alipay', 'alipayKey', 'analyst', 'auditor', 'admin'];
  it.each(operations.map((o) => [`${o.method.toUpperCase()} ${o.path}`] as const))('%s', async (name) => {
    const [method, path] = name.split(' ');
    const access = ACCESS[name];
    for (const caller of ORDER) {
      const res = await call(caller, method, path, access);
      const where = `${caller}: ${name} → ${res.status} ${res.text.slice(0, 160)}`;
      expect(res.status, where).toBeLessThan(500);
      if (access.allowed === 'anyone' || access.allowed.includes(caller)) {
        expect([401, 403], where).not.toContain(res.status);
      } else if (caller === 'anonymous') {
        expect(res.status, where).toBe(401);
      } else {
        expect([403, 404], where).toContain(res.status);
        // A refusal carries a problem, never the data asked for.
        expect(res.headers.get('content-type'), where).toContain('application/problem+json');
      }
    }
  });

  it('shows an institution only its own reports and findings in lists', async () => {
    const reports = await clients.get('alipay')!.get<{ items: { institution: string }[] }>('/api/v1/reports');
    expect(reports.body.items.length).toBeGreaterThan(0);
    expect(reports.body.items.every((r) => r.institution === 'alipay')).toBe(true);
    const findings = await clients.get('alipayKey')!.get<{ items: { subjects: string[] }[] }>('/api/v1/findings');
    expect(findings.body.items.every((f) => f.subjects.includes('alipay'))).toBe(true);
    const cases = await clients.get('alipayKey')!.get<{ items: { subjects: string[] }[] }>('/api/v1/cases');
    expect(cases.body.items.length).toBeGreaterThan(0);
    expect(cases.body.items.every((c) => c.subjects.includes('alipay'))).toBe(true);
    const enumerated = await Promise.all(Array.from({ length: 30 }, (_, i) => clients.get('alipay')!.get(`/api/v1/findings/${i + 1}`)));
    for (const res of enumerated) {
      if (res.status === 200) expect(res.body.subjects).toContain('alipay');
      else expect(res.status).toBe(404);
    }
  });
});
