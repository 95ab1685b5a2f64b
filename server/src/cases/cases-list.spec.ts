import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../test/api-client.js';
import { BEIJING, GUANGZHOU, NOW, SHENZHEN, caseDetail, caseOf, cases, reportCases } from '../test/cases-kit.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

describe('listing cases', () => {
  let app: TestApp;
  let analyst: ApiClient;
  beforeAll(async () => {
    app = await startTestApp({ now: NOW });
    await reportCases(app);
    analyst = await app.as('analyst');
  });
  afterAll(() => app.close());

  it('groups a rule holding on the same subjects in three cities into one case with its cities and status counts', async () => {
    const all = await cases(analyst);
    expect(all.total).toBe(4);
    expect(all.items.map((c) => [c.ruleId, c.subjects.join('+'), c.findingCount]).sort()).toEqual([
      ['CONS-001', 'icbc+alipay', 3],
      ['EXCL-001', 'alipay+unionpay', 1],
      ['EXCL-001', 'tenpay+cmb', 1],
      ['RECIP-001', 'unionpay+alipay', 1],
    ]);
    const disputed = await caseOf(analyst, 'CONS-001');
    expect(disputed).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      ruleId: 'CONS-001',
      subjects: ['icbc', 'alipay'],
      mode: 'mpm',
      channel: 'offline',
      severity: 'low',
      cities: [BEIJING, GUANGZHOU, SHENZHEN],
      statuses: { open: 3, acknowledged: 0, confirmed: 0, dismissed: 0, resolved: 0 },
      findingCount: 3,
      firstPeriod: '2021-02',
      lastPeriod: '2021-02',
      explanation: expect.stringContaining('ICBC'),
      explanationZh: expect.any(String),
      updatedAt: expect.any(String),
    });
  });

  it('gives an agreement’s finding a case of its own, without cities', async () => {
    expect(await caseOf(analyst, 'EXCL-001', 'institution=cmb')).toMatchObject({
      subjects: ['tenpay', 'cmb'],
      cities: [],
      mode: null,
      channel: null,
      findingCount: 1,
      severity: 'high',
    });
  });

  it('keeps a case’s id stable, and lists its findings one click away', async () => {
    const { id } = await caseOf(analyst, 'CONS-001');
    expect((await caseOf(analyst, 'CONS-001', 'city=440300')).id).toBe(id);
    const detail = await caseDetail(analyst, id);
    expect(detail.findings.total).toBe(3);
    expect(detail.findings.items.map((f) => [f.ruleId, f.city])).toEqual([
      ['CONS-001', BEIJING],
      ['CONS-001', GUANGZHOU],
      ['CONS-001', SHENZHEN],
    ]);
    expect(detail.comments).toEqual([]);
    expect(detail.allowedTransitions).toEqual(['acknowledged']);
    expect((await caseDetail(analyst, id, 'pageSize=2&page=2')).findings).toMatchObject({ total: 3, items: [{ city: SHENZHEN }] });
  });

  it('lists a case when one of its findings matches the filters, and describes all its findings', async () => {
    const inShenzhen = await cases(analyst, `city=${SHENZHEN}`);
    expect(inShenzhen.total).toBe(1);
    expect(inShenzhen.items[0]).toMatchObject({ ruleId: 'CONS-001', cities: [BEIJING, GUANGZHOU, SHENZHEN], findingCount: 3 });
    expect((await cases(analyst, `city=${BEIJING}`)).items.map((c) => c.ruleId).sort()).toEqual(['CONS-001', 'RECIP-001']);
    expect((await cases(analyst, 'institution=icbc')).items.map((c) => c.ruleId)).toEqual(['CONS-001']);
    expect((await cases(analyst, 'severity=high')).total).toBe(2);
    expect((await cases(analyst, 'status=resolved')).total).toBe(0);
    expect((await cases(analyst, 'period=2021-01')).total).toBe(0);
    expect((await cases(analyst, 'q=Guangzhou')).items.map((c) => c.ruleId)).toEqual(['CONS-001']);
  });

  it('sorts by the number of cities and by rule, and pages with the total of all cases', async () => {
    expect((await cases(analyst, 'sort=-cities')).items[0].ruleId).toBe('CONS-001');
    expect((await cases(analyst, 'sort=cities')).items.at(-1)!.ruleId).toBe('CONS-001');
    expect((await cases(analyst, 'sort=ruleId')).items.map((c) => c.ruleId)).toEqual(['CONS-001', 'EXCL-001', 'EXCL-001', 'RECIP-001']);
    expect((await cases(analyst, 'sort=-severity')).items.map((c) => c.severity)).toEqual(['high', 'high', 'medium', 'low']);
    const all = (await cases(analyst, 'sort=ruleId')).items.map((c) => c.id);
    const first = await cases(analyst, 'sort=ruleId&pageSize=3');
    const second = await cases(analyst, 'sort=ruleId&pageSize=3&page=2');
    expect([first.total, second.total]).toEqual([4, 4]);
    expect([...first.items, ...second.items].map((c) => c.id)).toEqual(all);
  });

  it('answers 422 with a stable code for a bad sort, filter or page size, as GET /findings does', async () => {
    for (const [query, code] of [
      ['sort=city', 'BAD_SORT'],
      ['status=closed', 'BAD_VALUE'],
      ['pageSize=201', 'TOO_BIG'],
      ['period=2021-13', 'BAD_PERIOD'],
      ['color=red', 'UNKNOWN_FIELD'],
    ]) {
      const res = await analyst.get(`/api/v1/cases?${query}`);
      expect(res.status, query).toBe(422);
      expect(res.body.errors[0].code, query).toBe(code);
    }
  });
});
