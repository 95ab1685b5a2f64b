import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../test/api-client.js';
import {
  NOW,
  EXCL_ALIPAY,
  EXCL_TENPAY,
  RECIP_BEIJING,
  CONS_GUANGZHOU,
  reportFebruary,
  list,
  fingerprints,
  findingBy,
  detail,
} from '../test/findings-kit.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

describe('with February’s reports in', () => {
  let app: TestApp;
  let analyst: ApiClient;
  let receipts: Awaited<ReturnType<typeof reportFebruary>>;
  beforeAll(async () => {
    app = await startTestApp({ now: NOW });
    receipts = await reportFebruary(app);
    analyst = await app.as('analyst');
  });
  afterAll(() => app.close());

  describe('listing findings', () => {
    it('lists every finding the rules raised, once each, highest severity first', async () => {
      const all = await list(analyst);
      expect(all.total).toBe(4);
      expect(fingerprints(all)).toEqual([EXCL_TENPAY, EXCL_ALIPAY, RECIP_BEIJING, CONS_GUANGZHOU]);
      expect(all.items.map((f) => [f.severity, f.status, f.firstPeriod, f.lastPeriod, f.holds])).toEqual([
        ['high', 'open', '2021-02', '2021-02', true],
        ['high', 'open', '2021-02', '2021-02', true],
        ['medium', 'open', '2021-02', '2021-02', true],
        ['low', 'open', '2021-02', '2021-02', true],
      ]);
    });

    it('names the reporter and counterparty of an exclusive agreement as its subjects', async () => {
      expect(await findingBy(analyst, EXCL_ALIPAY)).toMatchObject({
        ruleId: 'EXCL-001',
        subjects: ['alipay', 'unionpay'],
        city: null,
        mode: null,
        channel: null,
      });
      expect(await findingBy(analyst, EXCL_TENPAY)).toMatchObject({ subjects: ['tenpay', 'cmb'] });
    });

    it('names the institution that does not reciprocate first, for the city, mode and channel', async () => {
      expect(await findingBy(analyst, RECIP_BEIJING)).toMatchObject({
        ruleId: 'RECIP-001',
        severity: 'medium',
        subjects: ['unionpay', 'alipay'],
        city: '110000',
        mode: 'mpm',
        channel: 'offline',
      });
    });

    it('filters by status, severity and rule, each taking comma-separated values', async () => {
      expect((await list(analyst, 'status=open')).total).toBe(4);
      expect(await list(analyst, 'status=resolved,dismissed')).toEqual({ items: [], total: 0 });
      expect(fingerprints(await list(analyst, 'severity=high'))).toEqual([EXCL_TENPAY, EXCL_ALIPAY]);
      expect(fingerprints(await list(analyst, 'severity=medium,low'))).toEqual([RECIP_BEIJING, CONS_GUANGZHOU]);
      expect(fingerprints(await list(analyst, 'rule=RECIP-001,CONS-001'))).toEqual([RECIP_BEIJING, CONS_GUANGZHOU]);
      expect((await list(analyst, 'rule=SUSP-001')).total).toBe(0);
    });

    it('filters by subject institution, city and period', async () => {
      expect(fingerprints(await list(analyst, 'institution=alipay'))).toEqual([EXCL_ALIPAY, RECIP_BEIJING, CONS_GUANGZHOU]);
      expect(fingerprints(await list(analyst, 'institution=cmb'))).toEqual([EXCL_TENPAY]);
      expect(fingerprints(await list(analyst, 'city=440100'))).toEqual([CONS_GUANGZHOU]);
      expect((await list(analyst, 'period=2021-02')).total).toBe(4);
      expect((await list(analyst, 'period=2021-01')).total).toBe(0);
      expect(fingerprints(await list(analyst, 'institution=alipay&severity=high'))).toEqual([EXCL_ALIPAY]);
    });

    it('searches the English and Chinese explanations and the fingerprint, taking % and _ literally', async () => {
      expect(fingerprints(await list(analyst, 'q=beijing'))).toEqual([RECIP_BEIJING]);
      expect(fingerprints(await list(analyst, `q=${encodeURIComponent('招商银行')}`))).toEqual([EXCL_TENPAY]);
      expect(fingerprints(await list(analyst, 'q=ALI-EX'))).toEqual([EXCL_ALIPAY]);
      expect(fingerprints(await list(analyst, 'q=cons-001'))).toEqual([CONS_GUANGZHOU]);
      expect((await list(analyst, 'q=%25')).total).toBe(0);
      expect((await list(analyst, 'q=_')).total).toBe(0);
    });

    it('sorts by the column asked, ascending or descending with a leading minus', async () => {
      expect(fingerprints(await list(analyst, 'sort=severity'))).toEqual([CONS_GUANGZHOU, RECIP_BEIJING, EXCL_ALIPAY, EXCL_TENPAY]);
      expect(fingerprints(await list(analyst, 'sort=city'))).toEqual([EXCL_ALIPAY, EXCL_TENPAY, RECIP_BEIJING, CONS_GUANGZHOU]);
      expect(fingerprints(await list(analyst, 'sort=-city'))).toEqual([CONS_GUANGZHOU, RECIP_BEIJING, EXCL_TENPAY, EXCL_ALIPAY]);
      expect(fingerprints(await list(analyst, 'sort=ruleId'))).toEqual([CONS_GUANGZHOU, EXCL_ALIPAY, EXCL_TENPAY, RECIP_BEIJING]);
      const byId = (await list(analyst, 'sort=id')).items.map((f) => f.id);
      expect((await list(analyst, 'sort=-id')).items.map((f) => f.id)).toEqual([...byId].reverse());
    });

    it('pages through the findings with the total of all that match', async () => {
      const all = fingerprints(await list(analyst, 'sort=id'));
      const first = await list(analyst, 'sort=id&pageSize=3&page=1');
      const second = await list(analyst, 'sort=id&pageSize=3&page=2');
      expect(first.total).toBe(4);
      expect(second.total).toBe(4);
      expect([...fingerprints(first), ...fingerprints(second)]).toEqual(all);
      expect(fingerprints(second)).toHaveLength(1);
      expect(await list(analyst, 'sort=id&pageSize=3&page=3')).toEqual({ items: [], total: 4 });
      expect((await list(analyst, 'severity=high&pageSize=1')).total).toBe(2);
    });

    it('answers 422 for an unknown sort, status, rule id, filter or page size, naming each problem', async () => {
      const res = await analyst.get('/api/v1/findings?sort=colour&status=pending&rule=excl&pageSize=501&colour=red');
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors.map((e: { code: string; path: string }) => [e.code, e.path]).sort()).toEqual(
        [
          ['BAD_SORT', '$.sort'],
          ['BAD_VALUE', '$.status[0]'],
          ['UNKNOWN_RULE', '$.rule[0]'],
          ['TOO_BIG', '$.pageSize'],
          ['UNKNOWN_FIELD', '$.colour'],
        ].sort(),
      );
    });
  });

  describe('a finding in detail', () => {
    it('explains the exclusive agreement in English and Chinese, with the report and agreement behind it', async () => {
      const { id } = await findingBy(analyst, EXCL_ALIPAY);
      const finding = await detail(analyst, id);
      expect(finding.explanation).toBe(
        'Alipay’s acceptance agreement "ALI-EX-1" with China UnionPay (effective since 2021-01-01) is exclusive; it is in force in 2021-02.',
      );
      expect(finding.explanationZh).toBe('支付宝与中国银联的受理协议 "ALI-EX-1"（自2021年1月1日起生效）具有排他性，在2021年2月仍然有效。');
      expect(finding.evidence).toEqual([
        { reportId: receipts.alipay.id, version: 1, institution: 'alipay', period: '2021-02', agreementRef: 'ALI-EX-1' },
      ]);
      const report = await analyst.get(`/api/v1/reports/${finding.evidence[0].reportId}`);
      expect(report.body.agreements.find((a: { ref: string }) => a.ref === 'ALI-EX-1')).toMatchObject({
        counterparty: 'unionpay',
        exclusive: true,
      });
    });

    it('points the evidence of a non-reciprocal link at the rows of both parties’ reports', async () => {
      const { id } = await findingBy(analyst, RECIP_BEIJING);
      const finding = await detail(analyst, id);
      expect(finding.explanation).toBe(
        'In Beijing (110000), China UnionPay’s app does not scan Alipay’s merchant-presented codes (mpm, offline) although Alipay’s app scans China UnionPay’s since 2021-01-01.',
      );
      expect(finding.evidence).toEqual([
        { reportId: receipts.alipay.id, version: 1, institution: 'alipay', period: '2021-02', row: 0 },
        { reportId: receipts.unionpay.id, version: 1, institution: 'unionpay', period: '2021-02', row: 1 },
      ]);
      for (const e of finding.evidence) {
        const report = await analyst.get(`/api/v1/reports/${e.reportId}`);
        expect(report.body).toMatchObject({ institution: e.institution, period: e.period, version: e.version });
        expect(report.body.links[e.row!]).toMatchObject({
          scanner: 'alipay',
          issuer: 'unionpay',
          city: '110000',
          mode: 'mpm',
          channel: 'offline',
          status: 'live',
        });
      }
    });

    it('shows the history from the system’s opening on, the comments and what the analyst may do next', async () => {
      const { id } = await findingBy(analyst, EXCL_TENPAY);
      const finding = await detail(analyst, id);
      expect(finding.history).toEqual([
        {
          at: NOW.toISOString(),
          actor: 'system',
          from: null,
          to: 'open',
          note: 'EXCL-001 holds in 2021-02',
          noteZh: 'EXCL-001 在2021年2月成立',
        },
      ]);
      expect(finding.comments).toEqual([]);
      expect(finding.allowedTransitions).toEqual(['acknowledged']);
      expect(finding.periods).toEqual([['2021-02', '2021-02']]);
    });

    it('shows auditors every finding to read, with no transitions to offer', async () => {
      const auditor = await app.as('auditor');
      expect((await list(auditor)).total).toBe(4);
      const { id } = await findingBy(analyst, EXCL_TENPAY);
      expect((await detail(auditor, id)).allowedTransitions).toEqual([]);
    });

    it('answers 404 for an id that does not exist or is not a number', async () => {
      expect((await analyst.get('/api/v1/findings/999999')).status).toBe(404);
      expect((await analyst.get('/api/v1/findings/abc')).status).toBe(404);
    });
  });

  describe('what an institution sees', () => {
    it('lists only the findings in which it is a subject, whatever it filters by', async () => {
      const alipay = await app.as('alipay');
      expect(fingerprints(await list(alipay, 'sort=id'))).toEqual([EXCL_ALIPAY, RECIP_BEIJING, CONS_GUANGZHOU]);
      expect((await list(alipay)).total).toBe(3);
      const cmb = await app.as('cmb');
      expect(await list(cmb)).toMatchObject({ total: 1, items: [{ fingerprint: EXCL_TENPAY }] });
      expect(await list(cmb, 'institution=alipay')).toEqual({ items: [], total: 0 });
      expect(await list(cmb, 'rule=RECIP-001')).toEqual({ items: [], total: 0 });
      expect(await list(await app.as('icbc'))).toMatchObject({ total: 1, items: [{ fingerprint: CONS_GUANGZHOU }] });
    });

    it('reads a finding in which it is a subject', async () => {
      const { id } = await findingBy(analyst, RECIP_BEIJING);
      expect((await detail(await app.as('unionpay'), id)).allowedTransitions).toEqual([]);
    });

    it('answers 404, as for a missing id, to reading, triaging or commenting on a finding in which it is not a subject', async () => {
      const { id } = await findingBy(analyst, RECIP_BEIJING);
      const cmb = await app.as('cmb');
      const problem = (res: { status: number; body: { code: string; title: string } }) => ({
        status: res.status,
        code: res.body.code,
        title: res.body.title,
      });
      const missing = problem(await cmb.get('/api/v1/findings/999999'));
      expect(missing).toEqual({ status: 404, code: 'NOT_FOUND', title: 'Not found' });
      expect(problem(await cmb.get(`/api/v1/findings/${id}`))).toEqual(missing);
      expect(problem(await cmb.patch(`/api/v1/findings/${id}`, { status: 'acknowledged' }))).toEqual(missing);
      expect(problem(await cmb.post(`/api/v1/findings/${id}/comments`, { text: 'Not ours.' }))).toEqual(missing);
      const after = await detail(analyst, id);
      expect(after.status).toBe('open');
      expect(after.comments).toEqual([]);
    });

    it('answers 401 on every findings route to a caller who is not logged in', async () => {
      const { id } = await findingBy(analyst, RECIP_BEIJING);
      const nobody = await app.as();
      expect((await nobody.get('/api/v1/findings')).status).toBe(401);
      expect((await nobody.get(`/api/v1/findings/${id}`)).status).toBe(401);
      expect((await nobody.patch(`/api/v1/findings/${id}`, { status: 'acknowledged' })).status).toBe(401);
      expect((await nobody.patch(`/api/v1/findings/${id}`, {})).status).toBe(401);
      expect((await nobody.post(`/api/v1/findings/${id}/comments`, { text: 'Hello' })).status).toBe(401);
      expect((await nobody.post(`/api/v1/findings/${id}/comments`, { text: '' })).status).toBe(401);
    });
  });
});
