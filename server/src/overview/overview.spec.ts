import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../test/api-client.js';
import { aLink } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

// The story, told on 2022-04-20 (reports for 2022-03 were due on 2022-04-15):
// - 2021-03: Alipay and UnionPay recognise each other in Beijing.
// - 2021-06: ICBC scans Alipay's codes in Beijing; it never reports again.
// - 2022-03: Alipay and UnionPay recognise each other everywhere; WeChat Pay scans UnionPay's codes
//   everywhere, and UnionPay WeChat Pay's in every city but Tianjin and Chongqing; in Beijing
//   Alipay and WeChat Pay recognise each other too. WeChat Pay sends its report twice.
// - Alipay then fills in its 2021-04 report, late.
const BEIJING = '110000';
const TIANJIN = '120000';
const CHONGQING = '500000';
const both = (a: string, b: string, city: string) => [aLink({ scanner: a, issuer: b, city }), aLink({ scanner: b, issuer: a, city })];

let app: TestApp;
let analyst: ApiClient;
let codes: string[];
let n: number;

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2022-04-20T08:00:00Z') });
  analyst = await app.as('analyst');
  codes = ((await analyst.get('/api/v1/cities')).body.items as { code: string }[]).map((c) => c.code).sort();
  n = codes.length;
  const submit = async (institution: string, period: string, links: unknown[]) => {
    const res = await (await app.as(institution)).post('/api/v1/reports', { institution, period, links });
    expect(res.status, res.text).toBe(201);
  };
  await submit('alipay', '2021-03', both('alipay', 'unionpay', BEIJING));
  await submit('unionpay', '2021-03', both('alipay', 'unionpay', BEIJING));
  await submit('icbc', '2021-06', [aLink({ scanner: 'icbc', issuer: 'alipay' })]);
  const tenpay2022 = [aLink({ scanner: 'tenpay', issuer: 'unionpay', city: '*' }), ...both('alipay', 'tenpay', BEIJING)];
  await submit('tenpay', '2022-03', tenpay2022);
  await submit('tenpay', '2022-03', tenpay2022);
  await submit('alipay', '2022-03', [...both('alipay', 'unionpay', '*'), ...both('alipay', 'tenpay', BEIJING)]);
  const unionpayScansTenpay = codes
    .filter((c) => c !== TIANJIN && c !== CHONGQING)
    .map((city) => aLink({ scanner: 'unionpay', issuer: 'tenpay', city }));
  await submit('unionpay', '2022-03', [
    ...both('alipay', 'unionpay', '*'),
    aLink({ scanner: 'tenpay', issuer: 'unionpay', city: '*' }),
    ...unionpayScansTenpay,
  ]);
  await submit('alipay', '2021-04', both('alipay', 'unionpay', BEIJING));
});
afterAll(() => app.close());

const overview = (query = '') => analyst.get(`/api/v1/overview${query}`);

interface FindingFacts {
  ruleId: string;
  city: string | null;
  firstPeriod: string;
  status: string;
}
async function everyFinding(): Promise<FindingFacts[]> {
  const all: FindingFacts[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = (await analyst.get(`/api/v1/findings?pageSize=500&page=${page}`)).body;
    all.push(...items);
    if (all.length >= total) return all;
  }
}

describe('coverage in the overview', () => {
  it('gives national coverage at the latest reported period and a year earlier, as /coverage does', async () => {
    const res = await overview();
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ period: '2022-03', mode: 'mpm', channel: 'offline', institutions: ['alipay', 'tenpay', 'unionpay'] });
    // Beijing has all three pairs; Tianjin and Chongqing only Alipay–UnionPay; every other city two of three.
    const now = (1 + 2 / 3 + (n - 3) * (2 / 3)) / n;
    const { current, yearEarlier, change } = res.body.coverage;
    expect(current.period).toBe('2022-03');
    expect(current.coverage).toBeCloseTo(now, 12);
    expect(current).toMatchObject({ mutualPairs: 3 + 2 + (n - 3) * 2, pairs: 3 * n });
    expect(yearEarlier).toEqual({ period: '2021-03', coverage: 1 / 3 / n, mutualPairs: 1, pairs: 3 * n });
    expect(change).toBeCloseTo(now - 1 / 3 / n, 12);
    for (const [period, figure] of [
      ['2022-03', current],
      ['2021-03', yearEarlier],
    ] as const) {
      const series = (await analyst.get(`/api/v1/coverage?by=period&from=${period}&to=${period}`)).body.series;
      expect(series[0].coverage).toBeCloseTo(figure.coverage, 12);
    }
  });

  it('counts the cities fully interconnected, and lists the ten least interconnected with names, ties by code', async () => {
    const res = await overview();
    expect(res.body.cities).toEqual({ total: n, fullyInterconnected: 1, atLowestCoverage: 2 });
    const least = res.body.leastInterconnected;
    expect(least).toHaveLength(10);
    expect(least[0]).toEqual({
      city: TIANJIN,
      name: 'Tianjin',
      nameZh: '天津市',
      provinceName: 'Tianjin',
      provinceNameZh: '天津市',
      coverage: 1 / 3,
      mutualPairs: 1,
      pairs: 3,
    });
    expect(least[1]).toMatchObject({ city: CHONGQING, coverage: 1 / 3 });
    const next = codes.filter((c) => ![BEIJING, TIANJIN, CHONGQING].includes(c)).slice(0, 8);
    expect(least.slice(2).map((c: { city: string }) => c.city)).toEqual(next);
    expect(least.slice(2).every((c: { coverage: number }) => c.coverage === 2 / 3)).toBe(true);
  });

  it('reads the period, mode and channel asked for', async () => {
    const earlier = (await overview('?period=2021-06')).body;
    expect(earlier.coverage.current).toEqual({ period: '2021-06', coverage: 1 / 3 / n, mutualPairs: 1, pairs: 3 * n });
    expect(earlier.coverage.yearEarlier).toEqual({ period: '2020-06', coverage: 0, mutualPairs: 0, pairs: 3 * n });
    expect(earlier.cities.fullyInterconnected).toBe(0);
    expect(earlier.leastInterconnected[0]).toMatchObject({ city: codes.find((c) => c !== BEIJING), coverage: 0 });
    // Every city but Beijing has no pair at all: the ten listed are the first of n − 1 that tie.
    expect(earlier.cities.atLowestCoverage).toBe(n - 1);
    const online = (await overview('?mode=cpm&channel=online')).body;
    expect(online).toMatchObject({ mode: 'cpm', channel: 'online', cities: { fullyInterconnected: 0 } });
    expect(online.coverage.current.coverage).toBe(0);
  });
});

describe('reports and lateness in the overview', () => {
  it('counts the versions and institutions received, those expected, and who is late by LATE-001', async () => {
    const res = await overview();
    // Four versions from three institutions; ICBC, which reported before, is past the 15 April deadline.
    expect(res.body.reports).toEqual({ received: 4, institutions: 3, expected: 4, dueDate: '2022-04-15', pastDue: true });
    expect(res.body.late).toEqual({ dueDay: 15, count: 1, institutions: [{ id: 'icbc', name: 'ICBC', nameZh: '中国工商银行' }] });
  });

  it('leaves out those whose first report came later, and finds the late ones of an earlier period', async () => {
    const res = await overview('?period=2021-06');
    expect(res.body.reports).toEqual({ received: 1, institutions: 1, expected: 3, dueDate: '2021-07-15', pastDue: true });
    expect(res.body.late.institutions.map((i: { id: string }) => i.id)).toEqual(['alipay', 'unionpay']);
  });

  it('finds nobody late for a period nobody has reported, before its due date', async () => {
    const res = await overview('?period=2022-04');
    expect(res.body.reports).toEqual({ received: 0, institutions: 0, expected: 4, dueDate: '2022-05-15', pastDue: false });
    expect(res.body.late).toEqual({ dueDay: 15, count: 0, institutions: [] });
  });

  it('follows LATE-001’s due day when an admin changes it', async () => {
    const admin = await app.as('admin');
    expect((await admin.put('/api/v1/rules/LATE-001', { settings: { dueDay: 25 } })).status).toBe(200);
    try {
      const res = await overview();
      expect(res.body.reports).toMatchObject({ dueDate: '2022-04-25', pastDue: false });
      expect(res.body.late).toEqual({ dueDay: 25, count: 0, institutions: [] });
    } finally {
      expect((await admin.put('/api/v1/rules/LATE-001', { settings: { dueDay: 15 } })).status).toBe(200);
    }
  });
});

describe('findings in the overview', () => {
  it('counts open, acknowledged and confirmed findings by severity, as /findings does', async () => {
    const admin = await app.as('admin');
    const open = (await analyst.get('/api/v1/findings?status=open&pageSize=1')).body.items[0];
    expect((await admin.patch(`/api/v1/findings/${open.id}`, { status: 'acknowledged' })).status).toBe(200);
    const res = await overview();
    const count = async (severity: string) =>
      (await analyst.get(`/api/v1/findings?status=open,acknowledged,confirmed&severity=${severity}&pageSize=1`)).body.total;
    const expected = { high: await count('high'), medium: await count('medium'), low: await count('low') };
    expect(res.body.openFindings).toEqual({ total: expected.high + expected.medium + expected.low, ...expected });
    expect(expected.low).toBeGreaterThan(0);
    // The figure is today's backlog, the same whatever the period.
    expect((await overview('?period=2021-06')).body.openFindings).toEqual(res.body.openFindings);
  });

  it('counts findings opened in their first period and resolved in the period whose reports resolved them', async () => {
    const months = (await overview()).body.findingsByMonth as { period: string; opened: number; resolved: number }[];
    expect(months.map((m) => m.period)).toEqual([
      '2021-03',
      '2021-04',
      '2021-05',
      '2021-06',
      '2021-07',
      '2021-08',
      '2021-09',
      '2021-10',
      '2021-11',
      '2021-12',
      '2022-01',
      '2022-02',
      '2022-03',
    ]);
    const all = await everyFinding();
    const byMonth = Object.fromEntries(months.map((m) => [m.period, m]));
    // Alipay and UnionPay miss every month from 2021-04 to 2022-02, ICBC from 2021-07: one LATE-001
    // finding each. Alipay's late 2021-04 report resolves its own, in 2021-04.
    expect(months.slice(1, -1).map((m) => m.opened)).toEqual([2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3]);
    expect(byMonth['2021-04'].resolved).toBe(1);
    // WeChat Pay's 2022-03 report came first: UnionPay did not reciprocate anywhere until its own
    // report for 2022-03 came, which resolved every city but Tianjin and Chongqing; and Alipay and
    // UnionPay were late for 2022-03 until they reported. Until each reported 2022-03, its own latest
    // report said what it scans, whatever the other declared: Alipay did not scan WeChat Pay's codes
    // in Beijing, nor UnionPay Alipay's outside Beijing. All resolved in 2022-03.
    const recip = all.filter((f) => f.ruleId === 'RECIP-001');
    expect(
      recip
        .filter((f) => f.status !== 'resolved')
        .map((f) => f.city)
        .sort(),
    ).toEqual([TIANJIN, CHONGQING]);
    expect(byMonth['2022-03'].resolved).toBe(n - 2 + 2 + 1 + (n - 1));
    expect(byMonth['2022-03'].opened).toBe(all.filter((f) => f.firstPeriod === '2022-03').length);
    expect(months.reduce((sum, m) => sum + m.opened, 0)).toBe(all.length);
    expect(months.reduce((sum, m) => sum + m.resolved, 0)).toBe(all.filter((f) => f.status === 'resolved').length);
  });

  it('stops the months at the period asked for', async () => {
    const months = (await overview('?period=2021-04')).body.findingsByMonth;
    expect(months.map((m: { period: string }) => m.period)).toEqual(['2021-03', '2021-04']);
  });
});

describe('who may read the overview', () => {
  it('lets the auditor and the admin read it', async () => {
    for (const role of ['auditor', 'admin']) expect((await (await app.as(role)).get('/api/v1/overview')).status).toBe(200);
  });

  it('answers 403 to an institution and 401 to nobody', async () => {
    expect((await (await app.as('alipay')).get('/api/v1/overview')).status).toBe(403);
    expect((await (await app.as()).get('/api/v1/overview')).status).toBe(401);
  });
});

describe('bad questions to the overview', () => {
  it('answers 422 with a stable code for each bad parameter', async () => {
    const codesOf = async (query: string) => {
      const res = await overview(query);
      expect(res.status).toBe(422);
      return res.body.errors.map((e: { code: string }) => e.code);
    };
    expect(await codesOf('?period=2022-13')).toEqual(['BAD_PERIOD']);
    expect(await codesOf('?mode=qr&channel=post')).toEqual(['BAD_VALUE', 'BAD_VALUE']);
    expect(await codesOf('?colour=red')).toEqual(['UNKNOWN_FIELD']);
  });

  it('is documented in the OpenAPI document', async () => {
    const op = (await analyst.get('/api/v1/openapi.json')).body.paths['/api/v1/overview'].get;
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(['period', 'mode', 'channel', 'Accept-Language']);
    expect(Object.keys(op.responses)).toEqual(['200', '401', '403', '422']);
  });
});

describe('an empty system', () => {
  it('looks at the current month and counts nothing', async () => {
    const empty = await startTestApp({ now: new Date('2022-04-20T08:00:00Z') });
    try {
      const res = await (await empty.as('analyst')).get('/api/v1/overview');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        period: '2022-04',
        coverage: { current: { coverage: 0, mutualPairs: 0 }, yearEarlier: { period: '2021-04', coverage: 0 }, change: 0 },
        openFindings: { total: 0, high: 0, medium: 0, low: 0 },
        reports: { received: 0, institutions: 0, expected: 0 },
        late: { count: 0 },
        findingsByMonth: [],
      });
    } finally {
      await empty.close();
    }
  });
});
