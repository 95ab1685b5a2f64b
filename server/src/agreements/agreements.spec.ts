import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../test/api-client.js';
import { aLink, anAgreement } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

// Alipay reports three agreements for 2021-03 (then sends the report again), and nothing after;
// UnionPay reports for 2022-03, the latest period. Alipay's 2021-03 report is carried forward.
const clearing = anAgreement({ ref: 'CLR-1', counterparty: 'unionpay', effective: '2021-01-01', expires: null });
const expired = anAgreement({
  ref: 'ACC-2',
  counterparty: 'tenpay',
  kind: 'acceptance',
  feeBps: null,
  effective: '2020-06-01',
  expires: '2021-12-31',
  text: '仅限本集团',
});
const later = anAgreement({
  ref: 'EXC-3',
  counterparty: 'icbc',
  exclusive: true,
  restrictions: ['no-competitor-codes'],
  effective: '2021-06-01',
  scope: { cities: ['110000'], modes: ['mpm', 'cpm'], channels: ['offline'] },
});

let app: TestApp;
let analyst: ApiClient;
let alipay: ApiClient;
let version2: number;

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2022-04-20T08:00:00Z') });
  analyst = await app.as('analyst');
  alipay = await app.as('alipay');
  const report = { institution: 'alipay', period: '2021-03', links: [aLink()], agreements: [clearing, expired, later] };
  expect((await alipay.post('/api/v1/reports', report)).status).toBe(201);
  const second = await alipay.post('/api/v1/reports', report);
  expect(second.status).toBe(201);
  version2 = second.body.id;
  const unionpay = await app.as('unionpay');
  expect(
    (
      await unionpay.post('/api/v1/reports', {
        institution: 'unionpay',
        period: '2022-03',
        links: [aLink({ scanner: 'unionpay', issuer: 'alipay' })],
      })
    ).status,
  ).toBe(201);
});
afterAll(() => app.close());

const agreements = (client: ApiClient, id: string, query = '') => client.get(`/api/v1/institutions/${id}/agreements${query}`);

describe('an institution’s agreements', () => {
  it('lists the agreements of its as-of report at the latest period, carried forward, each with its report and whether it is in force', async () => {
    const res = await agreements(analyst, 'alipay');
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      institution: 'alipay',
      period: '2022-03',
      report: { id: version2, version: 2, period: '2021-03', receivedAt: '2022-04-20T08:00:00.000Z' },
    });
    const from = { reportId: version2, version: 2, reportPeriod: '2021-03' };
    expect(res.body.items).toEqual([
      { ...clearing, row: 0, ...from, inForce: true },
      { ...expired, row: 1, ...from, inForce: false },
      { ...later, row: 2, ...from, inForce: true },
    ]);
  });

  it('tells what is in force in the period asked for', async () => {
    const res = await agreements(analyst, 'alipay', '?period=2021-03');
    expect(res.body.period).toBe('2021-03');
    expect(res.body.items.map((a: { ref: string; inForce: boolean }) => [a.ref, a.inForce])).toEqual([
      ['CLR-1', true],
      ['ACC-2', true],
      ['EXC-3', false],
    ]);
  });

  it('has no report and no agreements before the institution’s first report, nor for one that declared none', async () => {
    expect((await agreements(analyst, 'alipay', '?period=2021-02')).body).toEqual({
      institution: 'alipay',
      period: '2021-02',
      report: null,
      items: [],
    });
    const unionpay = (await agreements(analyst, 'unionpay')).body;
    expect(unionpay).toMatchObject({ period: '2022-03', report: { period: '2022-03', version: 1 }, items: [] });
  });
});

describe('who may read an institution’s agreements', () => {
  it('lets the institution itself, the analyst, the auditor and the admin read them', async () => {
    expect((await agreements(alipay, 'alipay')).body.items).toHaveLength(3);
    for (const role of ['auditor', 'admin']) expect((await agreements(await app.as(role), 'alipay')).status).toBe(200);
  });

  it('answers another institution 404, as for an id that does not exist', async () => {
    const tenpay = await app.as('tenpay');
    const theirs = await agreements(tenpay, 'alipay');
    const nobody = await agreements(tenpay, 'nobody');
    expect(theirs.status).toBe(404);
    expect(nobody.status).toBe(404);
    expect(theirs.body.code).toBe('UNKNOWN_INSTITUTION');
    expect(nobody.body.code).toBe(theirs.body.code);
    expect((await agreements(analyst, 'nobody')).status).toBe(404);
  });

  it('answers 401 to nobody', async () => {
    expect((await agreements(await app.as(), 'alipay')).status).toBe(401);
  });
});

describe('bad questions about agreements', () => {
  it('answers 422 with a stable code', async () => {
    const bad = await agreements(analyst, 'alipay', '?period=2021-3');
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { code: string }) => e.code)).toEqual(['BAD_PERIOD']);
    const unknown = await agreements(analyst, 'alipay', '?city=110000');
    expect(unknown.body.errors.map((e: { code: string }) => e.code)).toEqual(['UNKNOWN_FIELD']);
  });
});
