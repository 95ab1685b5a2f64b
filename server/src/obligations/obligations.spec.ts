import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../test/api-client.js';
import { aLink } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

// Alipay reports 2021-01 on time; skips 2021-02; reports 2021-03 five days late and corrects it five
// days after that. UnionPay reports 2021-03, so LATE-001 raises Alipay's missing 2021-02. ICBC
// reports 2021-03 and is later made inactive. The questions are asked on 2021-06-10.
let app: TestApp;
let clock: Date;
let analyst: ApiClient;
let alipay: ApiClient;

async function submitOn(day: string, institution: string, period: string): Promise<number> {
  clock = new Date(`${day}T09:00:00Z`);
  const res = await (
    await app.as(institution)
  ).post('/api/v1/reports', { institution, period, links: [aLink({ scanner: institution, issuer: institution })] });
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

let march: number;
let january: number;

beforeAll(async () => {
  app = await startTestApp();
  app.ctx.now = () => clock;
  january = await submitOn('2021-02-10', 'alipay', '2021-01');
  await submitOn('2021-04-20', 'alipay', '2021-03');
  await submitOn('2021-04-21', 'unionpay', '2021-03');
  await submitOn('2021-04-22', 'icbc', '2021-03');
  march = await submitOn('2021-04-25', 'alipay', '2021-03');
  clock = new Date('2021-06-10T09:00:00Z');
  analyst = await app.as('analyst');
  alipay = await app.as('alipay');
});
afterAll(() => app.close());

const obligations = (client: ApiClient, id: string, query = '') => client.get(`/api/v1/institutions/${id}/obligations${query}`);

describe('an institution’s reporting obligations', () => {
  it('lists every period from its first report to the current month, newest first, with due dates and statuses', async () => {
    const res = await obligations(alipay, 'alipay');
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      institution: 'alipay',
      active: true,
      dueDay: 15,
      today: '2021-06-10',
      nextDue: { period: '2021-05', dueDate: '2021-06-15' },
    });
    const [june, may, april, marchItem, february, januaryItem] = res.body.items;
    expect(res.body.items).toHaveLength(6);
    expect(june).toEqual({ period: '2021-06', dueDate: '2021-07-15', status: 'due', report: null, finding: null });
    expect(may).toEqual({ period: '2021-05', dueDate: '2021-06-15', status: 'due', report: null, finding: null });
    // Late by the calendar; no finding yet, as nobody has reported for 2021-04.
    expect(april).toEqual({ period: '2021-04', dueDate: '2021-05-15', status: 'late', report: null, finding: null });
    expect(marchItem).toEqual({
      period: '2021-03',
      dueDate: '2021-04-15',
      status: 'submitted',
      report: { id: march, version: 2, receivedAt: '2021-04-25T09:00:00.000Z', firstReceivedAt: '2021-04-20T09:00:00.000Z', onTime: false },
      finding: null,
    });
    expect(february).toMatchObject({
      period: '2021-02',
      dueDate: '2021-03-15',
      status: 'late',
      report: null,
      finding: { id: expect.any(Number), status: 'open' },
    });
    expect(januaryItem).toEqual({
      period: '2021-01',
      dueDate: '2021-02-15',
      status: 'submitted',
      report: {
        id: january,
        version: 1,
        receivedAt: '2021-02-10T09:00:00.000Z',
        firstReceivedAt: '2021-02-10T09:00:00.000Z',
        onTime: true,
      },
      finding: null,
    });
    const finding = await alipay.get(`/api/v1/findings/${february.finding.id}`);
    expect(finding.body).toMatchObject({ ruleId: 'LATE-001', firstPeriod: '2021-02', subjects: ['alipay'] });
  });

  it('shows a late report as submitted once it comes, with its finding resolved', async () => {
    await submitOn('2021-06-10', 'alipay', '2021-02');
    const february = (await obligations(alipay, 'alipay')).body.items.find((i: { period: string }) => i.period === '2021-02');
    expect(february).toMatchObject({ status: 'submitted', report: { version: 1, onTime: false }, finding: { status: 'resolved' } });
  });

  it('owes the current month only when the institution has never reported', async () => {
    const res = await obligations(analyst, 'cmb');
    expect(res.body).toMatchObject({ institution: 'cmb', active: true, nextDue: { period: '2021-06', dueDate: '2021-07-15' } });
    expect(res.body.items).toEqual([{ period: '2021-06', dueDate: '2021-07-15', status: 'due', report: null, finding: null }]);
  });

  it('follows LATE-001’s due day', async () => {
    const admin = await app.as('admin');
    expect((await admin.put('/api/v1/rules/LATE-001', { settings: { dueDay: 5 } })).status).toBe(200);
    try {
      const res = await obligations(alipay, 'alipay');
      expect(res.body.dueDay).toBe(5);
      expect(res.body.nextDue).toEqual({ period: '2021-06', dueDate: '2021-07-05' });
      expect(res.body.items.slice(0, 3).map((i: { period: string; status: string }) => [i.period, i.status])).toEqual([
        ['2021-06', 'due'],
        ['2021-05', 'late'],
        ['2021-04', 'late'],
      ]);
    } finally {
      expect((await admin.put('/api/v1/rules/LATE-001', { settings: { dueDay: 15 } })).status).toBe(200);
    }
  });

  it('lists only the periods an inactive institution reported', async () => {
    const admin = await app.as('admin');
    expect((await admin.patch('/api/v1/institutions/icbc', { active: false })).status).toBe(200);
    const res = await obligations(analyst, 'icbc');
    expect(res.body).toMatchObject({ active: false, nextDue: null });
    expect(res.body.items.map((i: { period: string; status: string }) => [i.period, i.status])).toEqual([['2021-03', 'submitted']]);
  });
});

describe('who may read an institution’s obligations', () => {
  it('lets the analyst, the auditor and the admin read them', async () => {
    for (const role of ['analyst', 'auditor', 'admin']) expect((await obligations(await app.as(role), 'alipay')).status).toBe(200);
  });

  it('answers another institution 404 as for an unknown id, and nobody 401', async () => {
    const unionpay = await app.as('unionpay');
    const theirs = await obligations(unionpay, 'alipay');
    expect(theirs.status).toBe(404);
    expect(theirs.body.code).toBe('UNKNOWN_INSTITUTION');
    expect((await obligations(unionpay, 'nobody')).body.code).toBe('UNKNOWN_INSTITUTION');
    expect((await obligations(analyst, 'nobody')).status).toBe(404);
    expect((await obligations(await app.as(), 'alipay')).status).toBe(401);
  });

  it('answers 422 UNKNOWN_FIELD to a parameter, as it takes none', async () => {
    const res = await obligations(alipay, 'alipay', '?period=2021-03');
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { code: string }) => e.code)).toEqual(['UNKNOWN_FIELD']);
  });
});

describe('the OpenAPI document', () => {
  it('documents the three institution views with their 404', async () => {
    const paths = (await analyst.get('/api/v1/openapi.json')).body.paths;
    for (const view of ['agreements', 'obligations', 'links']) {
      const op = paths[`/api/v1/institutions/{id}/${view}`].get;
      expect(Object.keys(op.responses)).toEqual(['200', '401', '404', '422']);
    }
    expect(paths['/api/v1/institutions/{id}/links'].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      'id',
      'period',
      'mode',
      'channel',
      'Accept-Language',
    ]);
  });
});
