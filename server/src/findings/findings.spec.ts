import type { KyselyPlugin, UnknownRow } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../contract/audit.js';
import type { Finding, FindingSummary } from '../contract/findings.js';
import type { ApiClient } from '../test/api-client.js';
import { aLink, anAgreement, aReport, submitted } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

// Early March 2021: February's reports are not due yet, so LATE-001 stays quiet.
const NOW = new Date('2021-03-10T08:00:00Z');

const EXCL_ALIPAY = 'EXCL-001|alipay|ALI-EX-1';
const EXCL_TENPAY = 'EXCL-001|tenpay|TEN-1';
const RECIP_BEIJING = 'RECIP-001|unionpay|alipay|110000|mpm|offline';
const CONS_GUANGZHOU = 'CONS-001|icbc|alipay|440100|mpm|offline';

/**
 * February 2021: Alipay signs an exclusive acceptance agreement with UnionPay and scans UnionPay's
 * codes in Beijing, which UnionPay confirms without scanning Alipay's (RECIP-001); WeChat Pay bars
 * competitors' codes in its agreement with CMB (EXCL-001); ICBC declares it scans Alipay's codes in
 * Guangzhou, which Alipay's report leaves out (CONS-001).
 */
async function reportFebruary(app: TestApp) {
  const alipay = await submitted(await app.as('alipay'), aReport({
    institution: 'alipay',
    period: '2021-02',
    links: [aLink({ scanner: 'alipay', issuer: 'unionpay', city: '110000' })],
    agreements: [anAgreement({ ref: 'ALI-EX-1', counterparty: 'unionpay', kind: 'acceptance', exclusive: true, feeBps: null })],
  }));
  const unionpay = await submitted(await app.as('unionpay'), aReport({
    institution: 'unionpay',
    period: '2021-02',
    links: [aLink({ scanner: 'unionpay', issuer: 'unionpay', city: '110000' }), aLink({ scanner: 'alipay', issuer: 'unionpay', city: '110000' })],
  }));
  const tenpay = await submitted(await app.as('tenpay'), aReport({
    institution: 'tenpay',
    period: '2021-02',
    links: [],
    agreements: [anAgreement({ ref: 'TEN-1', counterparty: 'cmb', kind: 'acceptance', restrictions: ['no-competitor-codes'] })],
  }));
  const icbc = await submitted(await app.as('icbc'), aReport({
    institution: 'icbc',
    period: '2021-02',
    links: [aLink({ scanner: 'icbc', issuer: 'alipay', city: '440100' })],
  }));
  return { alipay, unionpay, tenpay, icbc };
}

type List = { items: FindingSummary[]; total: number };

async function list(client: ApiClient, query = ''): Promise<List> {
  const res = await client.get<List>(`/api/v1/findings${query ? `?${query}` : ''}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

const fingerprints = (l: List) => l.items.map((f) => f.fingerprint);

/** The finding with this fingerprint, as the client sees it in the list. */
async function findingBy(client: ApiClient, fingerprint: string): Promise<FindingSummary> {
  const found = (await list(client, `q=${encodeURIComponent(fingerprint)}`)).items.find((f) => f.fingerprint === fingerprint);
  if (!found) throw new Error(`no finding ${fingerprint}`);
  return found;
}

async function detail(client: ApiClient, id: number): Promise<Finding> {
  const res = await client.get<Finding>(`/api/v1/findings/${id}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

async function setStatus(client: ApiClient, id: number, status: string, note?: string): Promise<Finding> {
  const res = await client.patch<Finding>(`/api/v1/findings/${id}`, note === undefined ? { status } : { status, note });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

/**
 * Makes the next read of finding `id` (by the findings service or a rule run) see it as `status`,
 * as it was before someone else changed it: the write that follows then meets a change made between
 * its read and its write.
 */
function readNextAsStale(app: TestApp, id: number, status: string): void {
  let pending = true;
  const staleRead: KyselyPlugin = {
    transformQuery: ({ node }) => node,
    async transformResult({ result }) {
      const rows = result.rows.map((row: UnknownRow) => {
        if (!pending || row.id !== id || !('fingerprint' in row) || !('status' in row)) return row;
        pending = false;
        return { ...row, status };
      });
      return { ...result, rows };
    },
  };
  app.ctx.db = app.ctx.db.withPlugin(staleRead);
}

/** The latest rules.run entry of the audit trail, as an auditor reads it. */
async function latestRulesRun(app: TestApp): Promise<AuditEntry> {
  const res = await (await app.as('auditor')).get<{ items: AuditEntry[] }>('/api/v1/audit?action=rules.run&pageSize=1');
  expect(res.status, res.text).toBe(200);
  return res.body.items[0];
}

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
      expect(await findingBy(analyst, EXCL_ALIPAY)).toMatchObject({ ruleId: 'EXCL-001', subjects: ['alipay', 'unionpay'], city: null, mode: null, channel: null });
      expect(await findingBy(analyst, EXCL_TENPAY)).toMatchObject({ subjects: ['tenpay', 'cmb'] });
    });

    it('names the institution that does not reciprocate first, for the city, mode and channel', async () => {
      expect(await findingBy(analyst, RECIP_BEIJING)).toMatchObject({ ruleId: 'RECIP-001', severity: 'medium', subjects: ['unionpay', 'alipay'], city: '110000', mode: 'mpm', channel: 'offline' });
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
        [['BAD_SORT', '$.sort'], ['BAD_VALUE', '$.status[0]'], ['UNKNOWN_RULE', '$.rule[0]'], ['TOO_BIG', '$.pageSize'], ['UNKNOWN_FIELD', '$.colour']].sort(),
      );
    });
  });

  describe('a finding in detail', () => {
    it('explains the exclusive agreement in English and Chinese, with the report and agreement behind it', async () => {
      const { id } = await findingBy(analyst, EXCL_ALIPAY);
      const finding = await detail(analyst, id);
      expect(finding.explanation).toBe('Alipay’s acceptance agreement ALI-EX-1 with China UnionPay (effective since 2021-01-01) is exclusive; it is in force in 2021-02.');
      expect(finding.explanationZh).toBe('支付宝与中国银联的受理协议 ALI-EX-1（自 2021-01-01 起生效）具有排他性，在 2021-02 仍然有效。');
      expect(finding.evidence).toEqual([{ reportId: receipts.alipay.id, version: 1, institution: 'alipay', period: '2021-02', agreementRef: 'ALI-EX-1' }]);
      const report = await analyst.get(`/api/v1/reports/${finding.evidence[0].reportId}`);
      expect(report.body.agreements.find((a: { ref: string }) => a.ref === 'ALI-EX-1')).toMatchObject({ counterparty: 'unionpay', exclusive: true });
    });

    it('points the evidence of a non-reciprocal link at the rows of both parties’ reports', async () => {
      const { id } = await findingBy(analyst, RECIP_BEIJING);
      const finding = await detail(analyst, id);
      expect(finding.explanation).toBe('In Beijing (110000), China UnionPay’s app does not scan Alipay’s merchant-presented codes (mpm, offline) although Alipay’s app scans China UnionPay’s since 2021-01-01.');
      expect(finding.evidence).toEqual([
        { reportId: receipts.alipay.id, version: 1, institution: 'alipay', period: '2021-02', row: 0 },
        { reportId: receipts.unionpay.id, version: 1, institution: 'unionpay', period: '2021-02', row: 1 },
      ]);
      for (const e of finding.evidence) {
        const report = await analyst.get(`/api/v1/reports/${e.reportId}`);
        expect(report.body).toMatchObject({ institution: e.institution, period: e.period, version: e.version });
        expect(report.body.links[e.row!]).toMatchObject({ scanner: 'alipay', issuer: 'unionpay', city: '110000', mode: 'mpm', channel: 'offline', status: 'live' });
      }
    });

    it('shows the history from the system’s opening on, the comments and what the analyst may do next', async () => {
      const { id } = await findingBy(analyst, EXCL_TENPAY);
      const finding = await detail(analyst, id);
      expect(finding.history).toEqual([{ at: NOW.toISOString(), actor: 'system', from: null, to: 'open', note: 'EXCL-001 holds in 2021-02' }]);
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
      const problem = (res: { status: number; body: { code: string; title: string } }) => ({ status: res.status, code: res.body.code, title: res.body.title });
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

describe('changing a finding’s status', () => {
  let app: TestApp;
  let analyst: ApiClient;
  let id: number;
  beforeEach(async () => {
    app = await startTestApp({ now: NOW });
    await reportFebruary(app);
    analyst = await app.as('analyst');
    ({ id } = await findingBy(analyst, EXCL_ALIPAY));
  });
  afterEach(() => app.close());

  it('moves a finding from open to acknowledged, confirmed and, with a note, resolved, recording who did each', async () => {
    expect(await setStatus(analyst, id, 'acknowledged')).toMatchObject({ status: 'acknowledged', allowedTransitions: ['confirmed', 'dismissed'] });
    const admin = await app.as('admin');
    expect(await setStatus(admin, id, 'confirmed', 'The agreement text bars other acquirers.')).toMatchObject({ status: 'confirmed', allowedTransitions: ['resolved'] });
    const resolved = await setStatus(analyst, id, 'resolved', 'Alipay ended the agreement in writing.');
    expect(resolved).toMatchObject({ status: 'resolved', allowedTransitions: [] });
    expect(resolved.history.map(({ actor, from, to, note }) => ({ actor, from, to, note }))).toEqual([
      { actor: 'system', from: null, to: 'open', note: 'EXCL-001 holds in 2021-02' },
      { actor: 'analyst', from: 'open', to: 'acknowledged', note: null },
      { actor: 'admin', from: 'acknowledged', to: 'confirmed', note: 'The agreement text bars other acquirers.' },
      { actor: 'analyst', from: 'confirmed', to: 'resolved', note: 'Alipay ended the agreement in writing.' },
    ]);
    expect(fingerprints(await list(analyst, 'status=resolved'))).toEqual([EXCL_ALIPAY]);
  });

  it('answers 422 NOTE_REQUIRED to a resolution without a note, and leaves the finding confirmed', async () => {
    await setStatus(analyst, id, 'acknowledged');
    await setStatus(analyst, id, 'confirmed');
    const res = await analyst.patch(`/api/v1/findings/${id}`, { status: 'resolved' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ code: 'NOTE_REQUIRED', path: '$.note' })]);
    const blank = await analyst.patch(`/api/v1/findings/${id}`, { status: 'resolved', note: '   ' });
    expect(blank.status).toBe(422);
    expect(blank.body.errors[0].code).toBe('NOTE_REQUIRED');
    const after = await detail(analyst, id);
    expect(after.status).toBe('confirmed');
    expect(after.history).toHaveLength(3);
  });

  it('dismisses an acknowledged finding only with a note, and lets a dismissed finding be opened again', async () => {
    await setStatus(analyst, id, 'acknowledged');
    const bare = await analyst.patch(`/api/v1/findings/${id}`, { status: 'dismissed' });
    expect(bare.status).toBe(422);
    expect(bare.body.errors[0].code).toBe('NOTE_REQUIRED');
    expect((await detail(analyst, id)).status).toBe('acknowledged');
    const dismissed = await setStatus(analyst, id, 'dismissed', 'The clause was never applied.');
    expect(dismissed).toMatchObject({ status: 'dismissed', allowedTransitions: ['open'] });
    expect(dismissed.history.at(-1)).toMatchObject({ actor: 'analyst', from: 'acknowledged', to: 'dismissed', note: 'The clause was never applied.' });
    expect((await setStatus(analyst, id, 'open')).status).toBe('open');
  });

  it('answers 409 ILLEGAL_TRANSITION to a move the status machine does not allow, changing nothing', async () => {
    for (const status of ['confirmed', 'dismissed', 'resolved', 'open']) {
      const res = await analyst.patch(`/api/v1/findings/${id}`, { status, note: 'Trying.' });
      expect(res.status, status).toBe(409);
      expect(res.body.code).toBe('ILLEGAL_TRANSITION');
    }
    await setStatus(analyst, id, 'acknowledged');
    await setStatus(analyst, id, 'confirmed');
    await setStatus(analyst, id, 'resolved', 'Fixed.');
    const reopen = await analyst.patch(`/api/v1/findings/${id}`, { status: 'open' });
    expect(reopen.status).toBe(409);
    expect(reopen.body.detail).toBe('A finding that is resolved cannot become open.');
    const after = await detail(analyst, id);
    expect(after.status).toBe('resolved');
    expect(after.history).toHaveLength(4);
  });

  it('answers 409 STATUS_CHANGED, changing nothing, when another analyst changed the status after the finding was read', async () => {
    await setStatus(analyst, id, 'acknowledged');
    await setStatus(await app.as('admin'), id, 'dismissed', 'The clause was never applied.');
    // This request read the finding while it was still acknowledged, before the dismissal.
    readNextAsStale(app, id, 'acknowledged');
    const res = await analyst.patch(`/api/v1/findings/${id}`, { status: 'confirmed' });
    expect(res.status, res.text).toBe(409);
    expect(res.body.code).toBe('STATUS_CHANGED');
    const after = await detail(analyst, id);
    expect(after.status).toBe('dismissed');
    expect(after.history.map(({ actor, from, to }) => [actor, from, to])).toEqual([
      ['system', null, 'open'],
      ['analyst', 'open', 'acknowledged'],
      ['admin', 'acknowledged', 'dismissed'],
    ]);
  });

  it('answers 403 to auditors and to institutions that are subjects of the finding, changing nothing', async () => {
    for (const username of ['auditor', 'alipay', 'unionpay']) {
      const res = await (await app.as(username)).patch(`/api/v1/findings/${id}`, { status: 'acknowledged' });
      expect(res.status, username).toBe(403);
    }
    const after = await detail(analyst, id);
    expect(after.status).toBe('open');
    expect(after.history).toHaveLength(1);
  });

  it('answers 422 to an unknown status or an unknown field, and 404 to a missing finding', async () => {
    const unknownStatus = await analyst.patch(`/api/v1/findings/${id}`, { status: 'closed' });
    expect(unknownStatus.status).toBe(422);
    expect(unknownStatus.body.errors[0]).toMatchObject({ code: 'BAD_VALUE', path: '$.status' });
    const unknownField = await analyst.patch(`/api/v1/findings/${id}`, { status: 'acknowledged', severity: 'low' });
    expect(unknownField.status).toBe(422);
    expect(unknownField.body.errors[0]).toMatchObject({ code: 'UNKNOWN_FIELD', path: '$.severity' });
    expect((await analyst.patch('/api/v1/findings/999999', { status: 'acknowledged' })).status).toBe(404);
    expect((await detail(analyst, id)).status).toBe('open');
  });
});

describe('commenting on a finding', () => {
  let app: TestApp;
  let analyst: ApiClient;
  let id: number;
  beforeAll(async () => {
    app = await startTestApp({ now: NOW });
    await reportFebruary(app);
    analyst = await app.as('analyst');
    ({ id } = await findingBy(analyst, RECIP_BEIJING));
  });
  afterAll(() => app.close());

  it('lets analysts, admins and a subject institution comment, and shows the comments in order', async () => {
    const byAnalyst = await analyst.post(`/api/v1/findings/${id}/comments`, { text: 'Please explain why Alipay’s codes are not scanned.' });
    expect(byAnalyst.status).toBe(201);
    expect(byAnalyst.body).toEqual({ id: expect.any(Number), at: NOW.toISOString(), author: 'analyst', role: 'analyst', institution: null, text: 'Please explain why Alipay’s codes are not scanned.' });
    const byUnionpay = await (await app.as('unionpay')).post(`/api/v1/findings/${id}/comments`, { text: '  Roll-out planned for April.  ' });
    expect(byUnionpay.status).toBe(201);
    expect(byUnionpay.body).toMatchObject({ author: 'unionpay', role: 'institution', institution: 'unionpay', text: 'Roll-out planned for April.' });
    expect((await (await app.as('admin')).post(`/api/v1/findings/${id}/comments`, { text: '跟进中' })).status).toBe(201);
    expect((await detail(analyst, id)).comments.map((c) => [c.author, c.text])).toEqual([
      ['analyst', 'Please explain why Alipay’s codes are not scanned.'],
      ['unionpay', 'Roll-out planned for April.'],
      ['admin', '跟进中'],
    ]);
    // UnionPay's reply is to the regulator: the other subject sees only the central bank's comments.
    expect((await detail(await app.as('alipay'), id)).comments.map((c) => c.author)).toEqual(['analyst', 'admin']);
  });

  it('answers 404 to an institution that is not a subject, and 403 to an auditor', async () => {
    expect((await (await app.as('tenpay')).post(`/api/v1/findings/${id}/comments`, { text: 'Hello' })).status).toBe(404);
    expect((await (await app.as('auditor')).post(`/api/v1/findings/${id}/comments`, { text: 'Hello' })).status).toBe(403);
    expect((await detail(analyst, id)).comments.map((c) => c.author)).not.toContain('auditor');
  });

  it('answers 422 EMPTY_COMMENT to a comment without text, and 404 for a missing finding', async () => {
    const before = (await detail(analyst, id)).comments.length;
    for (const text of ['', '   ']) {
      const res = await analyst.post(`/api/v1/findings/${id}/comments`, { text });
      expect(res.status).toBe(422);
      expect(res.body.errors[0]).toMatchObject({ code: 'EMPTY_COMMENT', path: '$.text' });
    }
    expect((await analyst.post(`/api/v1/findings/${id}/comments`, {})).status).toBe(422);
    expect((await analyst.post('/api/v1/findings/999999/comments', { text: 'Hello' })).status).toBe(404);
    expect((await detail(analyst, id)).comments).toHaveLength(before);
  });
});

describe('a finding’s life through later reports', () => {
  let app: TestApp;
  let analyst: ApiClient;
  beforeEach(async () => {
    app = await startTestApp({ now: NOW });
    analyst = await app.as('analyst');
  });
  afterEach(() => app.close());

  const exclusive = (ref: string, counterparty: string) => anAgreement({ ref, counterparty, kind: 'acceptance', exclusive: true });
  const alipayReport = (period: string, agreements: unknown[]) => aReport({ institution: 'alipay', period, links: [], agreements });

  it('resolves the finding when the next month’s report withdraws the exclusive agreement', async () => {
    const alipay = await app.as('alipay');
    await submitted(alipay, alipayReport('2021-01', [exclusive('A-EX', 'unionpay')]));
    const { id } = await findingBy(analyst, 'EXCL-001|alipay|A-EX');
    await setStatus(analyst, id, 'acknowledged');

    await submitted(alipay, alipayReport('2021-02', []));

    const finding = await detail(analyst, id);
    expect(finding).toMatchObject({ status: 'resolved', holds: false, firstPeriod: '2021-01', lastPeriod: '2021-01', periods: [['2021-01', '2021-01']] });
    expect(finding.history.at(-1)).toEqual({ at: NOW.toISOString(), actor: 'system', from: 'acknowledged', to: 'resolved', note: 'no longer holds in 2021-02; last held in 2021-01' });
    expect(await list(analyst, 'status=open,acknowledged,confirmed')).toEqual({ items: [], total: 0 });
  });

  it('resolves confirmed findings too, and reopens a resolved finding when a later report brings the agreement back', async () => {
    const alipay = await app.as('alipay');
    await submitted(alipay, alipayReport('2021-01', [exclusive('A-EX', 'unionpay')]));
    const { id } = await findingBy(analyst, 'EXCL-001|alipay|A-EX');
    await setStatus(analyst, id, 'acknowledged');
    await setStatus(analyst, id, 'confirmed');
    await submitted(alipay, alipayReport('2021-02', []));
    expect((await detail(analyst, id)).status).toBe('resolved');

    const march = await submitted(alipay, alipayReport('2021-03', [exclusive('A-EX', 'unionpay')]));

    const finding = await detail(analyst, id);
    expect(finding).toMatchObject({ status: 'open', holds: true, firstPeriod: '2021-01', lastPeriod: '2021-03', periods: [['2021-01', '2021-01'], ['2021-03', '2021-03']] });
    expect(finding.evidence).toEqual([{ reportId: march.id, version: 1, institution: 'alipay', period: '2021-03', agreementRef: 'A-EX' }]);
    expect(finding.history.map(({ actor, from, to }) => [actor, from, to])).toEqual([
      ['system', null, 'open'],
      ['analyst', 'open', 'acknowledged'],
      ['analyst', 'acknowledged', 'confirmed'],
      ['system', 'confirmed', 'resolved'],
      ['system', 'resolved', 'open'],
    ]);
    expect((await list(analyst)).total).toBe(1);
  });

  it('reopens a finding resolved by hand while the agreement was still reported once a later month still carries it', async () => {
    const alipay = await app.as('alipay');
    await submitted(alipay, alipayReport('2021-01', [exclusive('A-EX', 'unionpay')]));
    const { id } = await findingBy(analyst, 'EXCL-001|alipay|A-EX');
    await setStatus(analyst, id, 'acknowledged');
    await setStatus(analyst, id, 'confirmed');
    await setStatus(analyst, id, 'resolved', 'Alipay undertook to end the agreement.');
    // A new version of the same month's report changes nothing about that.
    await submitted(alipay, alipayReport('2021-01', [exclusive('A-EX', 'unionpay')]));
    expect(await detail(analyst, id)).toMatchObject({ status: 'resolved', holds: true });

    await submitted(alipay, alipayReport('2021-02', [exclusive('A-EX', 'unionpay')]));

    const finding = await detail(analyst, id);
    expect(finding).toMatchObject({ status: 'open', holds: true, lastPeriod: '2021-02' });
    expect(finding.history.filter((h) => h.from !== h.to).map(({ actor, from, to }) => [actor, from, to])).toEqual([
      ['system', null, 'open'],
      ['analyst', 'open', 'acknowledged'],
      ['analyst', 'acknowledged', 'confirmed'],
      ['analyst', 'confirmed', 'resolved'],
      ['system', 'resolved', 'open'],
    ]);
    expect(finding.history.at(-1)!.note).toBe('holds again in 2021-02 after being resolved');
  });

  it('lists in the rule run’s audit entry every status change it made', async () => {
    const alipay = await app.as('alipay');
    await submitted(alipay, alipayReport('2021-01', [exclusive('A-EX', 'unionpay')]));
    const { id } = await findingBy(analyst, 'EXCL-001|alipay|A-EX');
    expect((await latestRulesRun(app)).details.statusChanges).toEqual([[id, null, 'open']]);

    await submitted(alipay, alipayReport('2021-02', []));

    const run = await latestRulesRun(app);
    expect(run).toMatchObject({ actor: 'system', target: 'findings', details: { resolved: 1 } });
    expect(run.details.statusChanges).toEqual([[id, 'open', 'resolved']]);
    expect((await (await app.as('auditor')).get('/api/v1/audit/verify')).body).toMatchObject({ ok: true });
  });

  it('does not overwrite a dismissal made while a rule run worked from the status before it, and keeps the finding’s data up to date', async () => {
    const alipay = await app.as('alipay');
    await submitted(alipay, alipayReport('2021-01', [exclusive('A-EX', 'unionpay')]));
    const { id } = await findingBy(analyst, 'EXCL-001|alipay|A-EX');
    await setStatus(analyst, id, 'acknowledged');
    await setStatus(analyst, id, 'dismissed', 'A pilot clause, never applied.');
    // The run read the finding while it was still acknowledged, before the dismissal.
    readNextAsStale(app, id, 'acknowledged');

    await submitted(alipay, alipayReport('2021-02', []));

    const finding = await detail(analyst, id);
    expect(finding).toMatchObject({ status: 'dismissed', holds: false, lastPeriod: '2021-01' });
    expect(finding.history.map(({ actor, from, to }) => [actor, from, to])).toEqual([
      ['system', null, 'open'],
      ['analyst', 'open', 'acknowledged'],
      ['analyst', 'acknowledged', 'dismissed'],
    ]);
    expect((await latestRulesRun(app)).details).toMatchObject({ resolved: 0, statusChanges: [] });
  });

  it('lists under a period only the findings that held in it, not those with a gap there', async () => {
    const alipay = await app.as('alipay');
    await submitted(alipay, alipayReport('2021-01', [exclusive('A-EX', 'unionpay')]));
    await submitted(alipay, alipayReport('2021-02', []));
    await submitted(alipay, alipayReport('2021-03', [exclusive('A-EX', 'unionpay')]));
    expect(fingerprints(await list(analyst, 'period=2021-01'))).toEqual(['EXCL-001|alipay|A-EX']);
    expect(await list(analyst, 'period=2021-02')).toEqual({ items: [], total: 0 });
    expect(fingerprints(await list(analyst, 'period=2021-03'))).toEqual(['EXCL-001|alipay|A-EX']);
  });

  it('keeps a dismissed finding dismissed when the condition holds again in a later report, appending the new evidence', async () => {
    const tenpay = await app.as('tenpay');
    const january = await submitted(tenpay, aReport({ institution: 'tenpay', period: '2021-01', links: [], agreements: [exclusive('T-EX', 'cmb')] }));
    const { id } = await findingBy(analyst, 'EXCL-001|tenpay|T-EX');
    await setStatus(analyst, id, 'acknowledged');
    await setStatus(analyst, id, 'dismissed', 'A pilot clause, never applied.');

    await submitted(tenpay, aReport({ institution: 'tenpay', period: '2021-02', links: [], agreements: [] }));
    expect(await detail(analyst, id)).toMatchObject({ status: 'dismissed', holds: false });
    const march = await submitted(tenpay, aReport({ institution: 'tenpay', period: '2021-03', links: [], agreements: [exclusive('T-EX', 'cmb')] }));

    const finding = await detail(analyst, id);
    expect(finding).toMatchObject({ status: 'dismissed', holds: true, lastPeriod: '2021-03', allowedTransitions: ['open'] });
    expect(finding.evidence).toEqual([
      { reportId: january.id, version: 1, institution: 'tenpay', period: '2021-01', agreementRef: 'T-EX' },
      { reportId: march.id, version: 1, institution: 'tenpay', period: '2021-03', agreementRef: 'T-EX' },
    ]);
    expect(finding.history.at(-1)).toEqual({
      at: NOW.toISOString(),
      actor: 'system',
      from: 'dismissed',
      to: 'dismissed',
      note: `new evidence while dismissed: report ${march.id} v1 (tenpay 2021-03) agreement T-EX`,
    });
    expect(finding.history.filter((h) => h.to !== 'dismissed').map((h) => h.to)).toEqual(['open', 'acknowledged']);
    expect((await list(analyst, 'rule=EXCL-001')).total).toBe(1);
  });

  it('does not duplicate findings when the same report is submitted again, and points the evidence at the new version', async () => {
    const alipay = await app.as('alipay');
    const report = aReport({
      institution: 'alipay',
      period: '2021-01',
      links: [aLink({ scanner: 'alipay', issuer: 'unionpay', city: '110000' })],
      agreements: [exclusive('A-EX', 'unionpay')],
    });
    await submitted(alipay, report);
    const before = await list(analyst, 'sort=id');
    expect(fingerprints(before)).toEqual(['EXCL-001|alipay|A-EX', RECIP_BEIJING]);

    expect((await submitted(alipay, report)).version).toBe(2);
    const third = await submitted(alipay, report);

    const after = await list(analyst, 'sort=id');
    expect(after.total).toBe(2);
    expect(after.items.map((f) => [f.id, f.fingerprint, f.status])).toEqual(before.items.map((f) => [f.id, f.fingerprint, 'open']));
    const exclusiveFinding = await detail(analyst, after.items[0].id);
    expect(exclusiveFinding.evidence).toEqual([{ reportId: third.id, version: 3, institution: 'alipay', period: '2021-01', agreementRef: 'A-EX' }]);
    expect(exclusiveFinding.history.filter((h) => h.to === 'open' && h.from === null)).toHaveLength(1);
  });

  it('opens SUSP-001 for scanner and issuer when the next month’s report no longer declares a live link', async () => {
    const icbc = await app.as('icbc');
    const january = await submitted(icbc, aReport({ institution: 'icbc', period: '2021-01', links: [aLink({ scanner: 'icbc', issuer: 'cmb', city: '440100' })] }));
    expect((await list(analyst, 'rule=SUSP-001')).total).toBe(0);
    await submitted(icbc, aReport({ institution: 'icbc', period: '2021-02', links: [] }));

    const [withdrawn, ...others] = (await list(analyst, 'rule=SUSP-001')).items;
    expect(others).toEqual([]);
    expect(withdrawn).toMatchObject({ fingerprint: 'SUSP-001|icbc|cmb|440100|mpm|offline', subjects: ['icbc', 'cmb'], city: '440100', severity: 'medium', status: 'open', firstPeriod: '2021-02' });
    expect(withdrawn.explanation).toBe('In Guangzhou (440100), ICBC’s recognition of China Merchants Bank’s merchant-presented codes (mpm, offline) was live in 2021-01 and is no longer declared in 2021-02.');
    expect(withdrawn.evidence).toEqual([{ reportId: january.id, version: 1, institution: 'icbc', period: '2021-01', row: 0 }]);
    expect((await list(await app.as('cmb'), 'rule=SUSP-001')).total).toBe(1);
  });

  it('opens SUSP-001 when the next month’s report declares the link suspended, with both rows as evidence', async () => {
    const icbc = await app.as('icbc');
    const january = await submitted(icbc, aReport({ institution: 'icbc', period: '2021-01', links: [aLink({ scanner: 'icbc', issuer: 'cmb', city: '440100' })] }));
    const february = await submitted(icbc, aReport({ institution: 'icbc', period: '2021-02', links: [aLink({ scanner: 'icbc', issuer: 'alipay', city: '440100' }), aLink({ scanner: 'icbc', issuer: 'cmb', city: '440100', status: 'suspended', since: '2021-02-03' })] }));
    const withdrawn = await findingBy(analyst, 'SUSP-001|icbc|cmb|440100|mpm|offline');
    expect(withdrawn.explanation).toContain('is suspended since 2021-02-03 in 2021-02');
    expect(withdrawn.evidence).toEqual([
      { reportId: january.id, version: 1, institution: 'icbc', period: '2021-01', row: 0 },
      { reportId: february.id, version: 1, institution: 'icbc', period: '2021-02', row: 1 },
    ]);
  });
});

describe('a disputed declaration through the next month’s reports', () => {
  let app: TestApp;
  let analyst: ApiClient;
  let id: number;
  const icbcScansAlipay = aLink({ scanner: 'icbc', issuer: 'alipay', city: '440100' });
  const report = (institution: string, period: string, links: unknown[] = []) => aReport({ institution, period, links });

  // February: ICBC declares it scans Alipay's codes in Guangzhou, Alipay's report leaves it out, and
  // an analyst acknowledges the CONS-001 finding.
  beforeEach(async () => {
    app = await startTestApp({ now: NOW });
    analyst = await app.as('analyst');
    await submitted(await app.as('icbc'), report('icbc', '2021-02', [icbcScansAlipay]));
    await submitted(await app.as('alipay'), report('alipay', '2021-02'));
    ({ id } = await findingBy(analyst, CONS_GUANGZHOU));
    await setStatus(analyst, id, 'acknowledged');
  });
  afterEach(() => app.close());

  const triage = async () => (await detail(analyst, id)).history.map(({ actor, from, to }) => [actor, from, to]);
  const ACKNOWLEDGED = [['system', null, 'open'], ['analyst', 'open', 'acknowledged']];

  it('stays acknowledged, with nothing in its history, when a third institution reports the next month', async () => {
    await submitted(await app.as('tenpay'), report('tenpay', '2021-03'));
    expect(await detail(analyst, id)).toMatchObject({ status: 'acknowledged', holds: true, lastPeriod: '2021-02' });
    expect(await triage()).toEqual(ACKNOWLEDGED);
  });

  it('resolves when both parties report the next month without the dispute, not when the first of them does', async () => {
    await submitted(await app.as('icbc'), report('icbc', '2021-03', [icbcScansAlipay]));
    expect((await detail(analyst, id)).status).toBe('acknowledged');
    await submitted(await app.as('alipay'), report('alipay', '2021-03', [icbcScansAlipay]));
    const finding = await detail(analyst, id);
    expect(finding).toMatchObject({ status: 'resolved', holds: false, lastPeriod: '2021-02' });
    expect(finding.history.at(-1)).toEqual({ at: NOW.toISOString(), actor: 'system', from: 'acknowledged', to: 'resolved', note: 'no longer holds in 2021-03; last held in 2021-02' });
  });

  it('stays acknowledged, one month longer, when both parties report the next month still disputing', async () => {
    await submitted(await app.as('alipay'), report('alipay', '2021-03'));
    await submitted(await app.as('icbc'), report('icbc', '2021-03', [icbcScansAlipay]));
    expect(await detail(analyst, id)).toMatchObject({ status: 'acknowledged', holds: true, lastPeriod: '2021-03', periods: [['2021-02', '2021-03']] });
    expect(await triage()).toEqual(ACKNOWLEDGED);
  });
});
