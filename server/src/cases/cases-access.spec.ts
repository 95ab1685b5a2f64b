import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingSummary } from '../contract/findings.js';
import type { ApiClient } from '../test/api-client.js';
import { NOW, caseDetail, caseOf, cases, reportCases } from '../test/cases-kit.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

describe('who may see and act on a case', () => {
  let app: TestApp;
  let analyst: ApiClient;
  let disputed: string;
  let exclusive: string;
  beforeAll(async () => {
    app = await startTestApp({ now: NOW });
    await reportCases(app);
    analyst = await app.as('analyst');
    disputed = (await caseOf(analyst, 'CONS-001')).id;
    exclusive = (await caseOf(analyst, 'EXCL-001', 'institution=cmb')).id;
  });
  afterAll(() => app.close());

  it('shows an institution only the cases naming it, with counts and cities of those alone, whatever it filters by', async () => {
    const icbc = await app.as('icbc');
    expect((await cases(icbc)).items.map((c) => [c.ruleId, c.findingCount, c.cities.length])).toEqual([['CONS-001', 3, 3]]);
    expect((await cases(icbc, 'institution=tenpay')).total).toBe(0);
    expect((await cases(icbc, 'rule=EXCL-001')).total).toBe(0);
    expect((await cases(icbc, 'q=exclusive')).total).toBe(0);
    const cmb = await app.as('cmb');
    expect((await cases(cmb)).items.map((c) => c.id)).toEqual([exclusive]);
    expect((await cases(cmb, 'city=110000')).total).toBe(0);
  });

  it('answers 404 NOT_FOUND alike for a case not naming the institution and for an unknown id', async () => {
    const cmb = await app.as('cmb');
    const hidden = await cmb.get(`/api/v1/cases/${disputed}`);
    const unknown = await cmb.get('/api/v1/cases/0123456789abcdef');
    expect([hidden.status, unknown.status]).toEqual([404, 404]);
    expect([hidden.body.code, unknown.body.code]).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    expect(hidden.body.detail.replace(disputed, 'ID')).toBe(unknown.body.detail.replace('0123456789abcdef', 'ID'));
    // Nor may it act on one or comment on it: the same 404, before its body is read.
    expect((await cmb.patch(`/api/v1/cases/${disputed}`, { status: 'acknowledged' })).status).toBe(404);
    expect((await cmb.post(`/api/v1/cases/${disputed}/comments`, { text: 'Not ours' })).status).toBe(404);
    expect((await cmb.post(`/api/v1/cases/${disputed}/comments`, { nonsense: true })).status).toBe(404);
    expect((await caseDetail(analyst, disputed)).comments).toEqual([]);
  });

  it('answers 404 with a clear detail to an id that is not 16 lowercase hexadecimal characters', async () => {
    for (const id of [disputed.toUpperCase(), `${disputed}0`, disputed.slice(1), '1', '%20' + disputed.slice(1), 'zzzzzzzzzzzzzzzz']) {
      const res = await analyst.get(`/api/v1/cases/${id}`);
      expect(res.status, id).toBe(404);
      expect(res.body.detail, id).toMatch(/16 lowercase hexadecimal/);
    }
  });

  it('shows a subject institution the case, without the actions of the central bank', async () => {
    const icbc = await app.as('icbc');
    const seen = await caseDetail(icbc, disputed);
    expect(seen).toMatchObject({ findingCount: 3, allowedTransitions: [] });
    expect(seen.findings.total).toBe(3);
    expect((await caseDetail(await app.as('auditor'), disputed)).allowedTransitions).toEqual([]);
  });

  it('names its case on each finding, listed or opened, so a subject institution reaches the case from a finding', async () => {
    const listed = await analyst.get<{ items: FindingSummary[] }>('/api/v1/findings?rule=CONS-001');
    expect(listed.body.items.map((f) => f.caseId)).toEqual([disputed, disputed, disputed]);
    const icbc = await app.as('icbc');
    const opened = await icbc.get<FindingSummary>(`/api/v1/findings/${listed.body.items[0].id}`);
    expect(opened.body.caseId).toBe(disputed);
    expect((await caseDetail(icbc, opened.body.caseId)).findings.items.map((f) => f.caseId)).toEqual([disputed, disputed, disputed]);
    const exclusiveFindings = await (await app.as('cmb')).get<{ items: FindingSummary[] }>('/api/v1/findings?rule=EXCL-001');
    expect(exclusiveFindings.body.items.map((f) => f.caseId)).toEqual([exclusive]);
  });

  it('answers 403 to a subject institution and to an auditor changing a case’s status, changing nothing', async () => {
    for (const user of ['icbc', 'alipay', 'auditor']) {
      const res = await (await app.as(user)).patch(`/api/v1/cases/${disputed}`, { status: 'acknowledged' });
      expect(res.status, user).toBe(403);
    }
    expect((await caseOf(analyst, 'CONS-001')).statuses.open).toBe(3);
  });

  it('answers 401 to an anonymous caller', async () => {
    const anonymous = await app.as();
    expect((await anonymous.get('/api/v1/cases')).status).toBe(401);
    expect((await anonymous.get(`/api/v1/cases/${disputed}`)).status).toBe(401);
  });
});
