import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FindingSummary } from '../contract/findings.js';
import type { ApiClient } from '../test/api-client.js';
import { aLink, anAgreement, aReport, submitted } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

// Early March 2021: February's reports are not due yet, so LATE-001 stays quiet.
const NOW = new Date('2021-03-10T08:00:00Z');

const RULE_IDS = ['EXCL-001', 'EXCL-002', 'DISC-001', 'DISC-002', 'RECIP-001', 'SUSP-001', 'CONS-001', 'LATE-001'];
const DISC_TENPAY = 'DISC-001|alipay|AG-TEN|tenpay';
const DISC_ICBC = 'DISC-001|alipay|AG-ICBC|icbc';
const DISC_CMB = 'DISC-001|alipay|AG-CMB|cmb';

/** Alipay's clearing fees in February: 10 bps to UnionPay, 12 to CMB, 25 to WeChat Pay, 40 to ICBC. */
const clearing = (ref: string, counterparty: string, feeBps: number) => anAgreement({ ref, counterparty, kind: 'clearing', feeBps });
const ALIPAY_FEES = [
  clearing('AG-UP', 'unionpay', 10),
  clearing('AG-CMB', 'cmb', 12),
  clearing('AG-TEN', 'tenpay', 25),
  clearing('AG-ICBC', 'icbc', 40),
];

/**
 * With the default feeSpreadBps of 10, WeChat Pay (15 bps above UnionPay) and ICBC (30 above) are
 * charged discriminatory fees; Alipay's acceptance agreement with UnionPay is exclusive (EXCL-001);
 * ICBC stops declaring its live link to CMB's codes in Guangzhou in February (SUSP-001).
 */
async function reportFees(app: TestApp): Promise<void> {
  const exclusive = anAgreement({ ref: 'AG-EX', counterparty: 'unionpay', kind: 'acceptance', exclusive: true, feeBps: null });
  await submitted(
    await app.as('alipay'),
    aReport({ institution: 'alipay', period: '2021-02', links: [], agreements: [...ALIPAY_FEES, exclusive] }),
  );
  const icbc = await app.as('icbc');
  await submitted(
    icbc,
    aReport({ institution: 'icbc', period: '2021-01', links: [aLink({ scanner: 'icbc', issuer: 'cmb', city: '440100' })] }),
  );
  await submitted(icbc, aReport({ institution: 'icbc', period: '2021-02', links: [] }));
}

type RuleView = { id: string; enabled: boolean; settings: Record<string, number>; counts: Record<string, number>; [key: string]: unknown };

async function rules(client: ApiClient): Promise<RuleView[]> {
  const res = await client.get<{ items: RuleView[] }>('/api/v1/rules');
  expect(res.status, res.text).toBe(200);
  return res.body.items;
}

async function ruleView(client: ApiClient, id: string): Promise<RuleView> {
  return (await rules(client)).find((r) => r.id === id)!;
}

async function allFindings(client: ApiClient): Promise<FindingSummary[]> {
  const res = await client.get<{ items: FindingSummary[]; total: number }>('/api/v1/findings?sort=id&pageSize=500');
  expect(res.status, res.text).toBe(200);
  return res.body.items;
}

const statusOf = (findings: FindingSummary[], fingerprint: string) => findings.find((f) => f.fingerprint === fingerprint)?.status;

/** What happened between two listings, counted as the preview counts it. */
function transitions(before: FindingSummary[], after: FindingSummary[]) {
  const was = new Map(before.map((f) => [f.id, f.status]));
  const active = new Set(['open', 'acknowledged', 'confirmed']);
  return {
    wouldOpen: after.filter((f) => f.status === 'open' && was.get(f.id) !== 'open').length,
    wouldResolve: after.filter((f) => f.status === 'resolved' && active.has(was.get(f.id) ?? '')).length,
  };
}

describe('listing the rules', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ now: NOW });
    await reportFees(app);
  });
  afterAll(() => app.close());

  it('lists the eight rules of the design in order, titled and described in English and Chinese, with their default settings', async () => {
    const items = await rules(await app.as('analyst'));
    expect(items.map((r) => r.id)).toEqual(RULE_IDS);
    expect(items.map((r) => r.severity)).toEqual(['high', 'high', 'medium', 'medium', 'medium', 'medium', 'low', 'low']);
    for (const rule of items) {
      const { title, description } = rule as unknown as { title: { en: string; zh: string }; description: { en: string; zh: string } };
      expect(title.en, rule.id).toMatch(/^[A-Z][\w ’-]+$/);
      expect(title.zh, rule.id).toMatch(/\p{Script=Han}/u);
      expect(description.en.length, rule.id).toBeGreaterThan(40);
      expect(description.zh, rule.id).toMatch(/\p{Script=Han}/u);
      expect(rule).toMatchObject({ enabled: true, settings: rule.defaults, updatedBy: 'system' });
    }
    expect(items.find((r) => r.id === 'EXCL-001')).toMatchObject({ title: { en: 'Exclusive agreement', zh: '排他性协议' } });
    expect(Object.fromEntries(items.map((r) => [r.id, r.settings]))).toEqual({
      'EXCL-001': {},
      'EXCL-002': { minOtherScanners: 2, minOtherIssuers: 2 },
      'DISC-001': { feeSpreadBps: 10, highRatio: 2 },
      'DISC-002': {},
      'RECIP-001': {},
      'SUSP-001': {},
      'CONS-001': {},
      'LATE-001': { dueDay: 15 },
    });
  });

  it('counts each rule’s findings by status for analysts, auditors and admins', async () => {
    for (const username of ['analyst', 'auditor', 'admin']) {
      const counts = Object.fromEntries((await rules(await app.as(username))).map((r) => [r.id, r.counts]));
      expect(counts, username).toEqual({
        'EXCL-001': { open: 1 },
        'EXCL-002': {},
        'DISC-001': { open: 2 },
        'DISC-002': {},
        'RECIP-001': {},
        'SUSP-001': { open: 1 },
        'CONS-001': {},
        'LATE-001': {},
      });
    }
  });

  it('shows institutions the rules without any counts, even of findings that name them', async () => {
    const items = await rules(await app.as('alipay'));
    expect(items.map((r) => r.id)).toEqual(RULE_IDS);
    expect(items.map((r) => r.counts)).toEqual(RULE_IDS.map(() => ({})));
  });

  it('answers 401 to a caller who is not logged in', async () => {
    expect((await (await app.as()).get('/api/v1/rules')).status).toBe(401);
  });
});

describe('changing a rule', () => {
  let app: TestApp;
  let admin: ApiClient;
  beforeEach(async () => {
    app = await startTestApp({ now: NOW });
    await reportFees(app);
    admin = await app.as('admin');
  });
  afterEach(() => app.close());

  it('lets only admins change a rule: 403 to analysts, auditors and institutions, 401 to nobody, and nothing changes', async () => {
    const before = await rules(admin);
    for (const username of ['analyst', 'auditor', 'alipay']) {
      const res = await (await app.as(username)).put('/api/v1/rules/DISC-001', { settings: { feeSpreadBps: 50 } });
      expect(res.status, username).toBe(403);
    }
    expect((await (await app.as()).put('/api/v1/rules/DISC-001', { enabled: false })).status).toBe(401);
    expect(await rules(admin)).toEqual(before);
  });

  it('answers 422 UNKNOWN_SETTING for a setting the rule does not have, and keeps the settings', async () => {
    const unknown = await admin.put('/api/v1/rules/DISC-001', { settings: { feeSpreadBps: 20, feeSpread: 20 } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ code: 'UNKNOWN_SETTING', path: '$.settings.feeSpread' })]);
    const settingless = await admin.put('/api/v1/rules/EXCL-001', { settings: { threshold: 1 } });
    expect(settingless.body.errors).toEqual([expect.objectContaining({ code: 'UNKNOWN_SETTING', path: '$.settings.threshold' })]);
    expect((await ruleView(admin, 'DISC-001')).settings).toEqual({ feeSpreadBps: 10, highRatio: 2 });
    expect(statusOf(await allFindings(admin), DISC_TENPAY)).toBe('open');
  });

  it('answers 422 for a value out of range, not whole, or not a number, naming the setting', async () => {
    const cases: [unknown, string, string][] = [
      [{ feeSpreadBps: -1 }, 'TOO_SMALL', '$.settings.feeSpreadBps'],
      [{ feeSpreadBps: 2.5 }, 'WRONG_TYPE', '$.settings.feeSpreadBps'],
      [{ highRatio: 0.5 }, 'TOO_SMALL', '$.settings.highRatio'],
      [{ feeSpreadBps: 'ten' }, 'WRONG_TYPE', '$.settings.feeSpreadBps'],
    ];
    for (const [settings, code, path] of cases) {
      const res = await admin.put('/api/v1/rules/DISC-001', { settings });
      expect(res.status, JSON.stringify(settings)).toBe(422);
      expect(res.body.errors, JSON.stringify(settings)).toEqual([expect.objectContaining({ code, path })]);
    }
    const late = await admin.put('/api/v1/rules/LATE-001', { settings: { dueDay: 31 } });
    expect(late.body.errors).toEqual([expect.objectContaining({ code: 'TOO_BIG', path: '$.settings.dueDay' })]);
    const unknownField = await admin.put('/api/v1/rules/DISC-001', { severity: 'low' });
    expect(unknownField.body.errors).toEqual([expect.objectContaining({ code: 'UNKNOWN_FIELD', path: '$.severity' })]);
    expect((await ruleView(admin, 'DISC-001')).settings).toEqual({ feeSpreadBps: 10, highRatio: 2 });
  });

  it('answers 404 for a rule that does not exist', async () => {
    const res = await admin.put('/api/v1/rules/NOPE-001', { enabled: false });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('resolves the findings a wider feeSpreadBps no longer covers, and reopens them when it narrows again', async () => {
    const wider = await admin.put('/api/v1/rules/DISC-001', { settings: { feeSpreadBps: 20 } });
    expect(wider.status).toBe(200);
    expect(wider.body).toMatchObject({
      id: 'DISC-001',
      settings: { feeSpreadBps: 20, highRatio: 2 },
      counts: { open: 1, resolved: 1 },
      updatedBy: 'admin',
      updatedAt: NOW.toISOString(),
    });
    const afterWider = await allFindings(admin);
    expect(statusOf(afterWider, DISC_TENPAY)).toBe('resolved');
    expect(statusOf(afterWider, DISC_ICBC)).toBe('open');
    const tenpay = (await admin.get(`/api/v1/findings/${afterWider.find((f) => f.fingerprint === DISC_TENPAY)!.id}`)).body;
    expect(tenpay.history.at(-1)).toMatchObject({ actor: 'system', from: 'open', to: 'resolved', note: 'no longer holds in any period' });

    const narrower = await admin.put('/api/v1/rules/DISC-001', { settings: { feeSpreadBps: 1 } });
    expect(narrower.body).toMatchObject({ settings: { feeSpreadBps: 1, highRatio: 2 }, counts: { open: 3 } });
    const afterNarrower = await allFindings(admin);
    expect(afterNarrower.filter((f) => f.ruleId === 'DISC-001').map((f) => [f.fingerprint, f.status])).toEqual([
      [DISC_TENPAY, 'open'],
      [DISC_ICBC, 'open'],
      [DISC_CMB, 'open'],
    ]);
    const reopened = (await admin.get(`/api/v1/findings/${afterWider.find((f) => f.fingerprint === DISC_TENPAY)!.id}`)).body;
    expect(reopened.history.at(-1)).toMatchObject({ actor: 'system', from: 'resolved', to: 'open' });
    // Other rules' findings are not touched.
    expect(afterNarrower.filter((f) => f.ruleId !== 'DISC-001')).toEqual(afterWider.filter((f) => f.ruleId !== 'DISC-001'));
  });

  it('grades a fee high or medium by highRatio', async () => {
    const severityOf = async (fingerprint: string) => (await allFindings(admin)).find((f) => f.fingerprint === fingerprint)!.severity;
    expect(await severityOf(DISC_TENPAY)).toBe('high');
    await admin.put('/api/v1/rules/DISC-001', { settings: { highRatio: 3 } });
    expect(await severityOf(DISC_TENPAY)).toBe('medium');
    expect(await severityOf(DISC_ICBC)).toBe('high');
  });

  it('keeps a disabled rule’s findings as they are and stops running it until it is enabled again', async () => {
    const before = await allFindings(admin);
    const disabled = await admin.put('/api/v1/rules/DISC-001', { enabled: false });
    expect(disabled.body).toMatchObject({ enabled: false, settings: { feeSpreadBps: 10, highRatio: 2 }, counts: { open: 2 } });
    expect(await allFindings(admin)).toEqual(before);

    // A corrected February report drops the ICBC agreement: the disabled rule does not notice.
    await submitted(
      await app.as('alipay'),
      aReport({ institution: 'alipay', period: '2021-02', links: [], agreements: ALIPAY_FEES.slice(0, 3) }),
    );
    expect(statusOf(await allFindings(admin), DISC_ICBC)).toBe('open');

    const enabled = await admin.put('/api/v1/rules/DISC-001', { enabled: true });
    expect(enabled.body).toMatchObject({ enabled: true, counts: { open: 1, resolved: 1 } });
    const after = await allFindings(admin);
    expect(statusOf(after, DISC_ICBC)).toBe('resolved');
    expect(statusOf(after, DISC_TENPAY)).toBe('open');
  });
});

describe('previewing a rule change', () => {
  let app: TestApp;
  let analyst: ApiClient;
  beforeEach(async () => {
    app = await startTestApp({ now: NOW });
    await reportFees(app);
    analyst = await app.as('analyst');
  });
  afterEach(() => app.close());

  const preview = (client: ApiClient, id: string, settings: Record<string, unknown>) =>
    client.post(`/api/v1/rules/${id}/preview`, { settings });

  it('answers 403 to institutions and auditors, 401 to nobody, 404 for an unknown rule and 422 for an unknown setting', async () => {
    expect((await preview(await app.as('alipay'), 'DISC-001', {})).status).toBe(403);
    expect((await preview(await app.as('auditor'), 'DISC-001', {})).status).toBe(403);
    expect((await preview(await app.as(), 'DISC-001', {})).status).toBe(401);
    expect((await preview(analyst, 'NOPE-001', {})).status).toBe(404);
    const unknown = await preview(analyst, 'DISC-001', { spread: 3 });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ code: 'UNKNOWN_SETTING', path: '$.settings.spread' })]);
    expect((await preview(analyst, 'DISC-001', { feeSpreadBps: -5 })).status).toBe(422);
  });

  it('predicts no change for every rule with its current settings, a finding resolved by hand while it holds included', async () => {
    const exclusive = (await allFindings(analyst)).find((f) => f.ruleId === 'EXCL-001')!;
    for (const status of ['acknowledged', 'confirmed', 'resolved']) {
      expect((await analyst.patch(`/api/v1/findings/${exclusive.id}`, { status, note: 'Alipay undertook to end it.' })).status).toBe(200);
    }
    for (const id of RULE_IDS) {
      const res = await preview(analyst, id, {});
      expect(res.status, id).toBe(200);
      expect(res.body, id).toMatchObject({ ruleId: id, period: '2021-02', wouldOpen: 0, wouldResolve: 0 });
    }
    expect((await preview(analyst, 'SUSP-001', {})).body.unchanged).toBe(1);
    expect((await preview(analyst, 'DISC-001', {})).body.unchanged).toBe(2);
  });

  it('counts what a wider spread would resolve without changing anything, and the change then does just that', async () => {
    const admin = await app.as('admin');
    const findingsBefore = await allFindings(analyst);
    const rulesBefore = await rules(analyst);

    const res = await preview(analyst, 'DISC-001', { feeSpreadBps: 20 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ruleId: 'DISC-001',
      period: '2021-02',
      settings: { feeSpreadBps: 20, highRatio: 2 },
      wouldOpen: 0,
      wouldResolve: 1,
      unchanged: 1,
    });
    expect(await allFindings(analyst)).toEqual(findingsBefore);
    expect(await rules(analyst)).toEqual(rulesBefore);

    expect((await admin.put('/api/v1/rules/DISC-001', { settings: { feeSpreadBps: 20 } })).status).toBe(200);
    expect(transitions(findingsBefore, await allFindings(analyst))).toEqual({ wouldOpen: 0, wouldResolve: 1 });
  });

  it('counts what a narrower spread would open, new findings and resolved ones that hold again, and the change then does just that', async () => {
    const admin = await app.as('admin');
    await admin.put('/api/v1/rules/DISC-001', { settings: { feeSpreadBps: 20 } });
    const findingsBefore = await allFindings(admin);
    const rulesBefore = await rules(admin);

    const res = await preview(admin, 'DISC-001', { feeSpreadBps: 1 });
    expect(res.body).toEqual({
      ruleId: 'DISC-001',
      period: '2021-02',
      settings: { feeSpreadBps: 1, highRatio: 2 },
      wouldOpen: 2,
      wouldResolve: 0,
      unchanged: 1,
    });
    expect(await allFindings(admin)).toEqual(findingsBefore);
    expect(await rules(admin)).toEqual(rulesBefore);

    await admin.put('/api/v1/rules/DISC-001', { settings: { feeSpreadBps: 1 } });
    expect(transitions(findingsBefore, await allFindings(admin))).toEqual({ wouldOpen: 2, wouldResolve: 0 });
  });

  it('predicts no change for a disputed declaration when only a third institution has reported a later month, as the run then did', async () => {
    // UnionPay declares Alipay's app scans its codes in Beijing; Alipay's February report leaves it out.
    await submitted(
      await app.as('unionpay'),
      aReport({ institution: 'unionpay', period: '2021-02', links: [aLink({ scanner: 'alipay', issuer: 'unionpay', city: '110000' })] }),
    );
    await submitted(await app.as('tenpay'), aReport({ institution: 'tenpay', period: '2021-03', links: [] }));
    expect(statusOf(await allFindings(analyst), 'CONS-001|alipay|unionpay|110000|mpm|offline')).toBe('open');
    const res = await preview(analyst, 'CONS-001', {});
    expect(res.body).toMatchObject({ ruleId: 'CONS-001', period: '2021-03', wouldOpen: 0, wouldResolve: 0, unchanged: 1 });
  });

  it('counts a finding resolved by hand that holds in a later month as one to reopen, and the run then reopens it', async () => {
    const admin = await app.as('admin');
    const exclusive = (await allFindings(analyst)).find((f) => f.ruleId === 'EXCL-001')!;
    for (const status of ['acknowledged', 'confirmed', 'resolved']) {
      expect((await analyst.patch(`/api/v1/findings/${exclusive.id}`, { status, note: 'Alipay undertook to end it.' })).status).toBe(200);
    }
    // With the rule disabled, March's report, which still carries the agreement, changes nothing yet.
    await admin.put('/api/v1/rules/EXCL-001', { enabled: false });
    const agreements = [
      ...ALIPAY_FEES,
      anAgreement({ ref: 'AG-EX', counterparty: 'unionpay', kind: 'acceptance', exclusive: true, feeBps: null }),
    ];
    await submitted(await app.as('alipay'), aReport({ institution: 'alipay', period: '2021-03', links: [], agreements }));
    const findingsBefore = await allFindings(analyst);
    expect(statusOf(findingsBefore, 'EXCL-001|alipay|AG-EX|unionpay')).toBe('resolved');

    const res = await preview(analyst, 'EXCL-001', {});
    expect(res.body).toMatchObject({ ruleId: 'EXCL-001', period: '2021-03', wouldOpen: 1, wouldResolve: 0, unchanged: 0 });

    await admin.put('/api/v1/rules/EXCL-001', { enabled: true });
    expect(transitions(findingsBefore, await allFindings(analyst))).toEqual({ wouldOpen: 1, wouldResolve: 0 });
  });
});
