import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../test/api-client.js';
import {
  NOW,
  RECIP_BEIJING,
  CONS_GUANGZHOU,
  list,
  fingerprints,
  findingBy,
  detail,
  setStatus,
  readNextAsStale,
  latestRulesRun,
} from '../test/findings-kit.js';
import { aLink, anAgreement, aReport, submitted } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

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
    const { id } = await findingBy(analyst, 'EXCL-001|alipay|A-EX|unionpay');
    await setStatus(analyst, id, 'acknowledged');

    await submitted(alipay, alipayReport('2021-02', []));

    const finding = await detail(analyst, id);
    expect(finding).toMatchObject({
      status: 'resolved',
      holds: false,
      firstPeriod: '2021-01',
      lastPeriod: '2021-01',
      periods: [['2021-01', '2021-01']],
    });
    expect(finding.history.at(-1)).toEqual({
      at: NOW.toISOString(),
      actor: 'system',
      from: 'acknowledged',
      to: 'resolved',
      note: 'no longer holds in 2021-02; last held in 2021-01',
      noteZh: '在2021年2月已不再成立；最后成立于2021年1月',
    });
    expect(await list(analyst, 'status=open,acknowledged,confirmed')).toEqual({ items: [], total: 0 });
  });

  it('keeps a confirmed finding confirmed when the next month withdraws the agreement, noting it, and notes it again when a later report brings the agreement back', async () => {
    const alipay = await app.as('alipay');
    await submitted(alipay, alipayReport('2021-01', [exclusive('A-EX', 'unionpay')]));
    const { id } = await findingBy(analyst, 'EXCL-001|alipay|A-EX|unionpay');
    await setStatus(analyst, id, 'acknowledged');
    await setStatus(analyst, id, 'confirmed');
    await submitted(alipay, alipayReport('2021-02', []));
    const withdrawn = await detail(analyst, id);
    expect(withdrawn).toMatchObject({ status: 'confirmed', holds: false, allowedTransitions: ['resolved'] });
    expect(withdrawn.history.at(-1)).toEqual({
      at: NOW.toISOString(),
      actor: 'system',
      from: 'confirmed',
      to: 'confirmed',
      note: 'condition no longer holds as of 2021-02; last held in 2021-01',
      noteZh: '自2021年2月起条件不再成立；最后成立于2021年1月',
    });
    expect((await latestRulesRun(app)).details).toMatchObject({ resolved: 0, statusChanges: [] });

    const march = await submitted(alipay, alipayReport('2021-03', [exclusive('A-EX', 'unionpay')]));

    const finding = await detail(analyst, id);
    expect(finding).toMatchObject({
      status: 'confirmed',
      holds: true,
      firstPeriod: '2021-01',
      lastPeriod: '2021-03',
      periods: [
        ['2021-01', '2021-01'],
        ['2021-03', '2021-03'],
      ],
    });
    expect(finding.evidence).toEqual([{ reportId: march.id, version: 1, institution: 'alipay', period: '2021-03', agreementRef: 'A-EX' }]);
    expect(finding.history.map(({ actor, from, to, note }) => [actor, from, to, note])).toEqual([
      ['system', null, 'open', 'EXCL-001 holds in 2021-01'],
      ['analyst', 'open', 'acknowledged', null],
      ['analyst', 'acknowledged', 'confirmed', null],
      ['system', 'confirmed', 'confirmed', 'condition no longer holds as of 2021-02; last held in 2021-01'],
      ['system', 'confirmed', 'confirmed', 'condition holds again in 2021-03'],
    ]);
    expect((await list(analyst)).total).toBe(1);
  });

  it('reopens a finding resolved by hand while the agreement was still reported once a later month still carries it', async () => {
    const alipay = await app.as('alipay');
    await submitted(alipay, alipayReport('2021-01', [exclusive('A-EX', 'unionpay')]));
    const { id } = await findingBy(analyst, 'EXCL-001|alipay|A-EX|unionpay');
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
    const { id } = await findingBy(analyst, 'EXCL-001|alipay|A-EX|unionpay');
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
    const { id } = await findingBy(analyst, 'EXCL-001|alipay|A-EX|unionpay');
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
    expect(fingerprints(await list(analyst, 'period=2021-01'))).toEqual(['EXCL-001|alipay|A-EX|unionpay']);
    expect(await list(analyst, 'period=2021-02')).toEqual({ items: [], total: 0 });
    expect(fingerprints(await list(analyst, 'period=2021-03'))).toEqual(['EXCL-001|alipay|A-EX|unionpay']);
  });

  it('keeps a dismissed finding dismissed when the condition holds again in a later report, appending the new evidence', async () => {
    const tenpay = await app.as('tenpay');
    const january = await submitted(
      tenpay,
      aReport({ institution: 'tenpay', period: '2021-01', links: [], agreements: [exclusive('T-EX', 'cmb')] }),
    );
    const { id } = await findingBy(analyst, 'EXCL-001|tenpay|T-EX|cmb');
    await setStatus(analyst, id, 'acknowledged');
    await setStatus(analyst, id, 'dismissed', 'A pilot clause, never applied.');

    await submitted(tenpay, aReport({ institution: 'tenpay', period: '2021-02', links: [], agreements: [] }));
    expect(await detail(analyst, id)).toMatchObject({ status: 'dismissed', holds: false });
    const march = await submitted(
      tenpay,
      aReport({ institution: 'tenpay', period: '2021-03', links: [], agreements: [exclusive('T-EX', 'cmb')] }),
    );

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
      noteZh: `已排除期间出现新证据：报告 ${march.id} 第 1 版（tenpay 2021年3月）协议 T-EX`,
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
    const first = await submitted(alipay, report);
    // UnionPay reports the month: its not scanning Alipay's codes is its own declaration (RECIP-001).
    await submitted(
      await app.as('unionpay'),
      aReport({ institution: 'unionpay', period: '2021-01', links: [aLink({ scanner: 'alipay', issuer: 'unionpay', city: '110000' })] }),
    );
    const before = await list(analyst, 'sort=id');
    expect(fingerprints(before)).toEqual(['EXCL-001|alipay|A-EX|unionpay', RECIP_BEIJING]);

    const second = await submitted(alipay, report);
    expect(second.version).toBe(2);
    const third = await submitted(alipay, report);

    const after = await list(analyst, 'sort=id');
    expect(after.total).toBe(2);
    expect(after.items.map((f) => [f.id, f.fingerprint, f.status])).toEqual(before.items.map((f) => [f.id, f.fingerprint, 'open']));
    const exclusiveFinding = await detail(analyst, after.items[0].id);
    // The versions it replaced stay, marked superseded: a correction never erases what was declared.
    expect(exclusiveFinding.evidence).toEqual([
      { reportId: third.id, version: 3, institution: 'alipay', period: '2021-01', agreementRef: 'A-EX' },
      { reportId: second.id, version: 2, institution: 'alipay', period: '2021-01', agreementRef: 'A-EX', superseded: true },
      { reportId: first.id, version: 1, institution: 'alipay', period: '2021-01', agreementRef: 'A-EX', superseded: true },
    ]);
    expect(exclusiveFinding.history.filter((h) => h.to === 'open' && h.from === null)).toHaveLength(1);
  });

  it('points the evidence at the next month’s report when it repeats the links of the month before', async () => {
    const alipay = await app.as('alipay');
    const links = [
      aLink({ scanner: 'alipay', issuer: 'tenpay', city: '440100' }),
      aLink({ scanner: 'alipay', issuer: 'unionpay', city: '110000' }),
    ];
    await submitted(await app.as('unionpay'), aReport({ institution: 'unionpay', period: '2021-01', links: [] }));
    const january = await submitted(alipay, aReport({ institution: 'alipay', period: '2021-01', links }));
    expect((await findingBy(analyst, RECIP_BEIJING)).evidence).toEqual([
      { reportId: january.id, version: 1, institution: 'alipay', period: '2021-01', row: 1 },
    ]);

    const february = await submitted(alipay, aReport({ institution: 'alipay', period: '2021-02', links }));
    const inFebruary = [{ reportId: february.id, version: 1, institution: 'alipay', period: '2021-02', row: 1 }];
    expect((await findingBy(analyst, RECIP_BEIJING)).evidence).toEqual(inFebruary);
    // A run over every period walks January's state before February's, which takes January's links.
    expect((await (await app.as('admin')).put('/api/v1/rules/RECIP-001', { enabled: true })).status).toBe(200);
    const finding = await findingBy(analyst, RECIP_BEIJING);
    expect(finding.evidence).toEqual(inFebruary);
    expect(finding.lastPeriod).toBe('2021-02');
  });

  it('opens SUSP-001 for scanner and issuer when the next month’s report no longer declares a live link', async () => {
    const icbc = await app.as('icbc');
    const january = await submitted(
      icbc,
      aReport({ institution: 'icbc', period: '2021-01', links: [aLink({ scanner: 'icbc', issuer: 'cmb', city: '440100' })] }),
    );
    expect((await list(analyst, 'rule=SUSP-001')).total).toBe(0);
    await submitted(icbc, aReport({ institution: 'icbc', period: '2021-02', links: [] }));

    const [withdrawn, ...others] = (await list(analyst, 'rule=SUSP-001')).items;
    expect(others).toEqual([]);
    expect(withdrawn).toMatchObject({
      fingerprint: 'SUSP-001|icbc|cmb|440100|mpm|offline',
      subjects: ['icbc', 'cmb'],
      city: '440100',
      severity: 'medium',
      status: 'open',
      firstPeriod: '2021-02',
    });
    expect(withdrawn.explanation).toBe(
      'In Guangzhou (440100), ICBC’s recognition of China Merchants Bank’s merchant-presented codes (mpm, offline) was live in 2021-01 and is no longer declared in 2021-02.',
    );
    expect(withdrawn.evidence).toEqual([{ reportId: january.id, version: 1, institution: 'icbc', period: '2021-01', row: 0 }]);
    expect((await list(await app.as('cmb'), 'rule=SUSP-001')).total).toBe(1);
  });

  it('opens SUSP-001 when the next month’s report declares the link suspended, with both rows as evidence', async () => {
    const icbc = await app.as('icbc');
    const january = await submitted(
      icbc,
      aReport({ institution: 'icbc', period: '2021-01', links: [aLink({ scanner: 'icbc', issuer: 'cmb', city: '440100' })] }),
    );
    const february = await submitted(
      icbc,
      aReport({
        institution: 'icbc',
        period: '2021-02',
        links: [
          aLink({ scanner: 'icbc', issuer: 'alipay', city: '440100' }),
          aLink({ scanner: 'icbc', issuer: 'cmb', city: '440100', status: 'suspended', since: '2021-02-03' }),
        ],
      }),
    );
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
  const ACKNOWLEDGED = [
    ['system', null, 'open'],
    ['analyst', 'open', 'acknowledged'],
  ];

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
    expect(finding.history.at(-1)).toEqual({
      at: NOW.toISOString(),
      actor: 'system',
      from: 'acknowledged',
      to: 'resolved',
      note: 'no longer holds in 2021-03; last held in 2021-02',
      noteZh: '在2021年3月已不再成立；最后成立于2021年2月',
    });
  });

  it('stays acknowledged, one month longer, when both parties report the next month still disputing', async () => {
    await submitted(await app.as('alipay'), report('alipay', '2021-03'));
    await submitted(await app.as('icbc'), report('icbc', '2021-03', [icbcScansAlipay]));
    expect(await detail(analyst, id)).toMatchObject({
      status: 'acknowledged',
      holds: true,
      lastPeriod: '2021-03',
      periods: [['2021-02', '2021-03']],
    });
    expect(await triage()).toEqual(ACKNOWLEDGED);
  });
});
