import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../contract/findings.js';
import type { ApiClient } from '../test/api-client.js';
import { anAgreement, aReport, submitted } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

let app: TestApp;
let analyst: ApiClient;
let unionpay: ApiClient;
let alipay: ApiClient;
let id: number;

// UnionPay charges Alipay 30 bps and ICBC 5 bps for clearing: a DISC-001 finding on UnionPay and
// Alipay, whose evidence includes UnionPay's agreement with ICBC. Its acceptance agreement with
// Alipay alone allows steering, which its two others (ICBC, CMB) do not: DISC-002.
beforeAll(async () => {
  app = await startTestApp({ now: new Date('2021-06-10T08:00:00Z') });
  analyst = await app.as('analyst');
  unionpay = await app.as('unionpay');
  alipay = await app.as('alipay');
  await submitted(
    unionpay,
    aReport({
      institution: 'unionpay',
      period: '2021-05',
      links: [],
      agreements: [
        anAgreement({ ref: 'UP-ALI', counterparty: 'alipay', feeBps: 30 }),
        anAgreement({ ref: 'UP-ICBC-SECRET', counterparty: 'icbc', feeBps: 5 }),
        anAgreement({ ref: 'UP-ALI-ACC', counterparty: 'alipay', kind: 'acceptance', restrictions: ['steering'] }),
        anAgreement({ ref: 'UP-ICBC-ACC', counterparty: 'icbc', kind: 'acceptance' }),
        anAgreement({ ref: 'UP-CMB-ACC', counterparty: 'cmb', kind: 'acceptance' }),
      ],
    }),
  );
  id = (await analyst.get('/api/v1/findings?rule=DISC-001')).body.items[0].id;
  await analyst.post(`/api/v1/findings/${id}/comments`, { text: 'Please explain the 30 bps.' });
  await alipay.post(`/api/v1/findings/${id}/comments`, { text: 'Alipay: we were never offered 5 bps.' });
  await unionpay.post(`/api/v1/findings/${id}/comments`, { text: 'UnionPay: volumes differ.' });
});
afterAll(() => app.close());

const detail = async (client: ApiClient) => (await client.get<Finding>(`/api/v1/findings/${id}`)).body;

describe('what a subject institution sees of a finding', () => {
  it('shows the charged institution neither the other counterparty nor its agreement', async () => {
    const seen = await detail(alipay);
    expect(seen.subjects).toEqual(['unionpay', 'alipay']);
    expect(JSON.stringify(seen)).not.toMatch(/UP-ICBC-SECRET|ICBC|工商银行/);
    expect(seen.evidence).toEqual([]);
    const listed = (await alipay.get('/api/v1/findings?rule=DISC-001')).body.items[0];
    expect(JSON.stringify(listed)).not.toContain('UP-ICBC-SECRET');
  });

  it('shows the reporting institution and the central bank all the evidence', async () => {
    expect((await detail(unionpay)).evidence.map((e) => e.agreementRef)).toEqual(['UP-ALI', 'UP-ICBC-SECRET']);
    expect((await detail(analyst)).evidence.map((e) => e.agreementRef)).toEqual(['UP-ALI', 'UP-ICBC-SECRET']);
  });

  it('keeps each institution’s reply to the regulator from the other subject', async () => {
    expect((await detail(alipay)).comments.map((c) => c.author)).toEqual(['analyst', 'alipay']);
    expect((await detail(unionpay)).comments.map((c) => c.author)).toEqual(['analyst', 'unionpay']);
    expect((await detail(analyst)).comments.map((c) => c.author)).toEqual(['analyst', 'alipay', 'unionpay']);
  });
});

describe('the explanation a subject institution reads', () => {
  const discriminatoryTerms = async () => (await analyst.get('/api/v1/findings?rule=DISC-002')).body.items[0].id as number;
  const explained = async (client: ApiClient, findingId: number) => {
    const res = await client.get<Finding>(`/api/v1/findings/${findingId}`);
    expect(res.status, res.text).toBe(200);
    return `${res.body.explanation} ${res.body.explanationZh}`;
  };

  it('tells the charged institution of DISC-001 its own fee but not the lowest fee charged to someone else, which the analyst and the reporter read', async () => {
    const seen = await explained(alipay, id);
    expect(seen).toContain('charges Alipay 30 bps under clearing agreement "UP-ALI"');
    expect(seen).not.toMatch(/\b5 bps|（5 个基点）|25 bps|25 个基点/);
    expect(await explained(analyst, id)).toContain('the lowest fee (5 bps)');
    expect(await explained(unionpay, id)).toContain('the lowest fee (5 bps)');
    const listed = (await alipay.get<{ items: Finding[] }>('/api/v1/findings?rule=DISC-001')).body.items[0];
    expect(`${listed.explanation} ${listed.explanationZh}`).not.toMatch(/\b5 bps|5 个基点/);
  });

  it('does not let the charged institution find the lowest fee by searching the explanation', async () => {
    expect((await alipay.get('/api/v1/findings?q=(5 bps)')).body.total).toBe(0);
    expect((await alipay.get('/api/v1/findings?q=charges Alipay 30 bps')).body.total).toBe(1);
    expect((await analyst.get('/api/v1/findings?q=(5 bps)')).body.total).toBe(1);
  });

  it('tells the counterparty of DISC-002 the restriction it bears but not how many other agreements the reporter has', async () => {
    const termsId = await discriminatoryTerms();
    const seen = await explained(alipay, termsId);
    expect(seen).toContain('acceptance agreement "UP-ALI-ACC" with Alipay imposes steering');
    expect(seen).not.toMatch(/\b2 acceptance|2 项/);
    expect(await explained(analyst, termsId)).toContain('none of its 2 acceptance agreements');
    expect(await explained(unionpay, termsId)).toContain('none of its 2 acceptance agreements');
    expect((await alipay.get('/api/v1/findings?q=its 2 acceptance')).body.total).toBe(0);
  });
});
