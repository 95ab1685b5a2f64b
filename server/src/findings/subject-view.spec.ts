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
// Alipay, whose evidence includes UnionPay's agreement with ICBC.
beforeAll(async () => {
  app = await startTestApp({ now: new Date('2021-06-10T08:00:00Z') });
  analyst = await app.as('analyst');
  unionpay = await app.as('unionpay');
  alipay = await app.as('alipay');
  await submitted(unionpay, aReport({
    institution: 'unionpay',
    period: '2021-05',
    links: [],
    agreements: [anAgreement({ ref: 'UP-ALI', counterparty: 'alipay', feeBps: 30 }), anAgreement({ ref: 'UP-ICBC-SECRET', counterparty: 'icbc', feeBps: 5 })],
  }));
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
