import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../test/api-client.js';
import { aLink } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

// For 2021-03: Alipay scans UnionPay's codes everywhere and declares UnionPay scanning its codes in
// Beijing only, plus a WeChat Pay pilot in Shanghai; UnionPay declares both directions everywhere.
// ICBC scans Alipay's codes in Guangzhou. WeChat Pay's latest report (2021-02) has a Chengdu row of
// its own that does not concern Alipay.
const BEIJING = '110000';
const SHANGHAI = '310000';
const GUANGZHOU = '440100';
const CHENGDU = '510100';

let app: TestApp;
let analyst: ApiClient;
let alipay: ApiClient;
let n: number;

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2021-04-20T08:00:00Z') });
  analyst = await app.as('analyst');
  alipay = await app.as('alipay');
  n = (await analyst.get('/api/v1/cities')).body.items.length;
  const submit = async (institution: string, period: string, links: unknown[]) => {
    const res = await (await app.as(institution)).post('/api/v1/reports', { institution, period, links });
    expect(res.status, res.text).toBe(201);
  };
  await submit('tenpay', '2021-02', [
    aLink({ scanner: 'tenpay', issuer: 'unionpay', city: '*' }),
    aLink({ scanner: 'tenpay', issuer: 'tenpay', city: CHENGDU }),
  ]);
  await submit('alipay', '2021-03', [
    aLink({ scanner: 'alipay', issuer: 'unionpay', city: '*' }),
    aLink({ scanner: 'unionpay', issuer: 'alipay', city: BEIJING }),
    aLink({ scanner: 'alipay', issuer: 'tenpay', city: SHANGHAI, status: 'pilot', since: '2021-03-01' }),
  ]);
  await submit('unionpay', '2021-03', [
    aLink({ scanner: 'unionpay', issuer: 'alipay', city: '*' }),
    aLink({ scanner: 'alipay', issuer: 'unionpay', city: '*' }),
  ]);
  await submit('icbc', '2021-03', [aLink({ scanner: 'icbc', issuer: 'alipay', city: GUANGZHOU })]);
});
afterAll(() => app.close());

const links = (client: ApiClient, id: string, query = '') => client.get(`/api/v1/institutions/${id}/links${query}`);
const cell = (scanner: string, issuer: string, reconciliation: string, status = 'live', since = '2021-01-01') => ({
  scanner,
  issuer,
  status,
  since,
  reconciliation,
});

describe('an institution’s links by city', () => {
  it('groups the cities in which it has the same links, largest group first, at the latest period by default', async () => {
    const res = await links(analyst, 'alipay');
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      institution: 'alipay',
      period: '2021-03',
      mode: 'mpm',
      channel: 'offline',
      report: { period: '2021-03', version: 1 },
      cityCount: n,
    });
    const [everywhere, beijing, shanghai, guangzhou] = res.body.groups;
    expect(res.body.groups).toHaveLength(4);
    // Both reported for 2021-03, and Alipay left UnionPay's scanning of its codes out outside Beijing.
    // Chengdu has a link set of its own in the state, but Alipay's links there are the same as elsewhere.
    expect(everywhere.cities).toHaveLength(n - 3);
    expect(everywhere.cities).toContain(CHENGDU);
    expect(everywhere.cities).toEqual([...everywhere.cities].sort());
    expect(everywhere.links).toEqual([cell('alipay', 'unionpay', 'confirmed'), cell('unionpay', 'alipay', 'disputed')]);
    expect(beijing).toEqual({
      cities: [BEIJING],
      links: [cell('alipay', 'unionpay', 'confirmed'), cell('unionpay', 'alipay', 'confirmed')],
    });
    // WeChat Pay's latest report is for 2021-02: the pilot is unconfirmed, not disputed.
    expect(shanghai).toEqual({
      cities: [SHANGHAI],
      links: [
        cell('alipay', 'tenpay', 'unconfirmed', 'pilot', '2021-03-01'),
        cell('alipay', 'unionpay', 'confirmed'),
        cell('unionpay', 'alipay', 'disputed'),
      ],
    });
    expect(guangzhou).toEqual({
      cities: [GUANGZHOU],
      links: [cell('alipay', 'unionpay', 'confirmed'), cell('icbc', 'alipay', 'disputed'), cell('unionpay', 'alipay', 'disputed')],
    });
  });

  it('shows links the other parties declared, even without a report of its own', async () => {
    const res = await links(analyst, 'cmb');
    expect(res.body).toMatchObject({ report: null, cityCount: 0, groups: [] });
    const icbc = (await links(analyst, 'icbc')).body;
    expect(icbc.groups).toEqual([{ cities: [GUANGZHOU], links: [cell('icbc', 'alipay', 'disputed')] }]);
    expect(icbc.cityCount).toBe(1);
  });

  it('reads the period, mode and channel asked for', async () => {
    const before = (await links(analyst, 'alipay', '?period=2021-02')).body;
    expect(before).toMatchObject({ period: '2021-02', report: null, cityCount: 0, groups: [] });
    // In 2021-02 only WeChat Pay had reported: UnionPay's codes are scanned, by WeChat Pay, everywhere.
    const unionpay = (await links(analyst, 'unionpay', '?period=2021-02')).body;
    expect(unionpay.groups).toEqual([{ cities: expect.any(Array), links: [cell('tenpay', 'unionpay', 'unconfirmed')] }]);
    expect(unionpay.cityCount).toBe(n);
    const cpm = (await links(analyst, 'alipay', '?mode=cpm&channel=online')).body;
    expect(cpm).toMatchObject({ mode: 'cpm', channel: 'online', cityCount: 0, groups: [] });
  });
});

describe('who may read an institution’s links', () => {
  it('lets the institution itself, the auditor and the admin read them', async () => {
    expect((await links(alipay, 'alipay')).body.groups).toHaveLength(4);
    for (const role of ['auditor', 'admin']) expect((await links(await app.as(role), 'alipay')).status).toBe(200);
  });

  it('answers another institution 404 as for an unknown id, and nobody 401', async () => {
    const icbc = await app.as('icbc');
    const theirs = await links(icbc, 'alipay');
    expect(theirs.status).toBe(404);
    expect(theirs.body.code).toBe('UNKNOWN_INSTITUTION');
    expect((await links(icbc, 'nobody')).body.code).toBe('UNKNOWN_INSTITUTION');
    expect((await links(analyst, 'nobody')).status).toBe(404);
    expect((await links(await app.as(), 'alipay')).status).toBe(401);
  });
});

describe('bad questions about links', () => {
  it('answers 422 with a stable code for each bad parameter', async () => {
    const res = await links(analyst, 'alipay', '?period=21-03&mode=qr&channel=post&city=110000');
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { code: string }) => e.code)).toEqual(['BAD_PERIOD', 'BAD_VALUE', 'BAD_VALUE', 'UNKNOWN_FIELD']);
  });
});
