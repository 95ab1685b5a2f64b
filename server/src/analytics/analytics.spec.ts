import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../test/api-client.js';
import { aLink } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

// The story: Alipay and UnionPay recognise each other in Beijing from 2021-01; WeChat Pay scans
// UnionPay's codes everywhere from 2021-02 while UnionPay only pilots WeChat Pay's; UnionPay goes
// live with them in 2021-03, when ICBC also starts scanning Alipay's codes in Beijing.
const BEIJING = '110000';
const alipayUnionpayInBeijing = [aLink({ scanner: 'alipay', issuer: 'unionpay' }), aLink({ scanner: 'unionpay', issuer: 'alipay' })];
const tenpayUnionpay = (unionpayStatus: 'pilot' | 'live') => [
  aLink({ scanner: 'tenpay', issuer: 'unionpay', city: '*' }),
  aLink({ scanner: 'unionpay', issuer: 'tenpay', city: '*', status: unionpayStatus }),
];

let app: TestApp;
let analyst: ApiClient;
/** How many cities the registry holds: the nation's mean runs over all of them. */
let n: number;
let guangdongCities: number;
let provinces: number;

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2021-04-20T08:00:00Z') });
  analyst = await app.as('analyst');
  const cities: { code: string; province: string }[] = (await analyst.get('/api/v1/cities')).body.items;
  n = cities.length;
  guangdongCities = cities.filter((c) => c.province === '440000').length;
  provinces = new Set(cities.map((c) => c.province)).size;

  const submit = async (institution: string, period: string, links: unknown[]) => {
    const res = await (await app.as(institution)).post('/api/v1/reports', { institution, period, links });
    expect(res.status, res.text).toBe(201);
  };
  await submit('alipay', '2021-01', alipayUnionpayInBeijing);
  await submit('unionpay', '2021-01', alipayUnionpayInBeijing);
  await submit('tenpay', '2021-02', [aLink({ scanner: 'tenpay', issuer: 'unionpay', city: '*' })]);
  await submit('unionpay', '2021-02', [...alipayUnionpayInBeijing, ...tenpayUnionpay('pilot')]);
  await submit('unionpay', '2021-03', [...alipayUnionpayInBeijing, ...tenpayUnionpay('live')]);
  await submit('icbc', '2021-03', [aLink({ scanner: 'icbc', issuer: 'alipay' })]);
});
afterAll(() => app.close());

const coverage = (query: string) => analyst.get(`/api/v1/coverage?${query}`);
const byKey = (series: { key: string }[]): Record<string, any> => Object.fromEntries(series.map((e) => [e.key, e]));

describe('coverage by period', () => {
  it('rises when a mutual link goes live, and not while one side only pilots it', async () => {
    const res = await coverage('by=period&from=2020-12&to=2021-03');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      by: 'period',
      mode: 'mpm',
      channel: 'offline',
      city: null,
      from: '2020-12',
      to: '2021-03',
      institutions: ['alipay', 'tenpay', 'unionpay'],
    });
    expect(res.body.series.map((e: { key: string }) => e.key)).toEqual(['2020-12', '2021-01', '2021-02', '2021-03']);
    const [before, beijingOnly, piloting, tenpayLive] = res.body.series;
    expect(before).toEqual({ key: '2020-12', coverage: 0, mutualPairs: 0, pairs: 3 * n });
    // One of Beijing's three pairs is mutual; every other city has none; the nation is their mean.
    expect(beijingOnly.coverage).toBeCloseTo(1 / 3 / n, 12);
    expect(beijingOnly).toMatchObject({ mutualPairs: 1, pairs: 3 * n });
    expect(piloting).toMatchObject({ coverage: beijingOnly.coverage, mutualPairs: 1 });
    // WeChat Pay–UnionPay is mutual everywhere ('*'): Beijing has two pairs of three, the rest one.
    expect(tenpayLive.coverage).toBeCloseTo((2 / 3 + (n - 1) / 3) / n, 12);
    expect(tenpayLive).toMatchObject({ mutualPairs: n + 1, pairs: 3 * n });
  });

  it('runs from the first to the latest reported period by default', async () => {
    const res = await coverage('');
    expect(res.body).toMatchObject({ by: 'period', from: '2021-01', to: '2021-03' });
    expect(res.body.series).toHaveLength(3);
  });

  it('follows one city or one province when asked', async () => {
    const beijing = (await coverage(`by=period&city=${BEIJING}&from=2021-01&to=2021-03`)).body;
    expect(beijing.city).toBe(BEIJING);
    expect(beijing.series.map((e: { coverage: number }) => e.coverage)).toEqual([1 / 3, 1 / 3, 2 / 3]);
    const guangdong = (await coverage('by=period&city=440000&from=2021-03&to=2021-03')).body.series[0];
    expect(guangdong).toEqual({ key: '2021-03', coverage: 1 / 3, mutualPairs: guangdongCities, pairs: 3 * guangdongCities });
  });

  it('reads the mode and channel asked for', async () => {
    const online = (await coverage('by=period&mode=mpm&channel=online&to=2021-03&from=2021-03')).body;
    expect(online).toMatchObject({ mode: 'mpm', channel: 'online' });
    expect(online.series[0].coverage).toBe(0);
  });
});

describe('coverage lines: every mode and channel by period in one answer', () => {
  const lines = (query: string) => analyst.get(`/api/v1/coverage/lines?${query}`);

  it('answers, line by line, what /coverage?by=period answers for each mode and channel', async () => {
    for (const query of ['', 'from=2020-11&to=2021-02', `city=${BEIJING}`, 'city=440000&to=2021-03']) {
      const res = await lines(query);
      expect(res.status, res.text).toBe(200);
      expect(res.body.lines.map((l: { mode: string; channel: string }) => `${l.mode} ${l.channel}`)).toEqual([
        'mpm offline',
        'mpm online',
        'cpm offline',
        'cpm online',
      ]);
      for (const line of res.body.lines) {
        const single = (await coverage(`by=period&mode=${line.mode}&channel=${line.channel}&${query}`)).body;
        expect(line.series).toEqual(single.series);
        expect(res.body).toEqual(
          expect.objectContaining({ city: single.city, from: single.from, to: single.to, institutions: single.institutions }),
        );
      }
    }
  });

  it('draws the live mutual links in the mode and channel they were declared for', async () => {
    const [mpmOffline, mpmOnline] = (await lines('from=2021-03&to=2021-03')).body.lines;
    expect(mpmOffline.series[0]).toMatchObject({ key: '2021-03', mutualPairs: n + 1 });
    expect(mpmOnline.series[0]).toMatchObject({ key: '2021-03', coverage: 0 });
  });

  it('is for the central bank only, and answers 422 to a bad question', async () => {
    expect((await (await app.as('alipay')).get('/api/v1/coverage/lines')).status).toBe(403);
    expect((await (await app.as()).get('/api/v1/coverage/lines')).status).toBe(401);
    const codes = async (query: string) => (await lines(query)).body.errors.map((e: { code: string }) => e.code);
    expect(await codes('from=2021-03&to=2021-01')).toEqual(['BAD_RANGE']);
    expect(await codes('city=999999')).toEqual(['UNKNOWN_CITY']);
    expect(await codes('to=2021-13')).toEqual(['BAD_PERIOD']);
    expect(await codes('mode=cpm')).toEqual(['UNKNOWN_FIELD']);
  });
});

describe('coverage by city, province and institution', () => {
  it('gives every city of the scope at the period, named', async () => {
    const res = await coverage('by=city&to=2021-01');
    expect(res.body).toMatchObject({ by: 'city', from: '2021-01', to: '2021-01' });
    expect(res.body.series).toHaveLength(n);
    const cities = byKey(res.body.series);
    expect(cities[BEIJING]).toEqual({ key: BEIJING, label: 'Beijing', labelZh: '北京市', coverage: 1 / 3, mutualPairs: 1, pairs: 3 });
    expect(cities['440100']).toMatchObject({ label: 'Guangzhou', coverage: 0 });
  });

  it('restricts the cities to a province, and looks at the latest period by default', async () => {
    const res = await coverage('by=city&city=440000');
    expect(res.body.to).toBe('2021-03');
    expect(res.body.series).toHaveLength(guangdongCities);
    expect(res.body.series.every((e: { key: string; coverage: number }) => e.key.startsWith('44') && e.coverage === 1 / 3)).toBe(true);
  });

  it('gives each province the mean of its cities', async () => {
    const res = await coverage('by=province&to=2021-01');
    expect(res.body.series).toHaveLength(provinces);
    const byProvince = byKey(res.body.series);
    expect(byProvince['110000']).toEqual({ key: '110000', label: 'Beijing', labelZh: '北京市', coverage: 1 / 3, mutualPairs: 1, pairs: 3 });
    expect(byProvince['440000']).toMatchObject({
      label: 'Guangdong',
      labelZh: '广东省',
      coverage: 0,
      mutualPairs: 0,
      pairs: 3 * guangdongCities,
    });
  });

  it('gives each systemic institution the share of its pairs that are mutual, averaged over the cities', async () => {
    const nation = byKey((await coverage('by=institution&to=2021-03')).body.series);
    expect(Object.keys(nation)).toEqual(['alipay', 'tenpay', 'unionpay']);
    expect(nation.unionpay.coverage).toBeCloseTo((1 + (n - 1) / 2) / n, 12);
    expect(nation.unionpay).toMatchObject({ label: 'China UnionPay', labelZh: '中国银联', mutualPairs: n + 1, pairs: 2 * n });
    expect(nation.alipay.coverage).toBeCloseTo(0.5 / n, 12);
    expect(nation.tenpay).toMatchObject({ coverage: 0.5, mutualPairs: n, pairs: 2 * n });
    const beijing = byKey((await coverage(`by=institution&to=2021-03&city=${BEIJING}`)).body.series);
    expect([beijing.alipay.coverage, beijing.tenpay.coverage, beijing.unionpay.coverage]).toEqual([0.5, 0.5, 1]);
  });
});

describe('openness of an institution', () => {
  it('counts, in each city where it is present, whose codes it recognises and who recognises its codes', async () => {
    const res = await analyst.get('/api/v1/institutions/alipay/openness?period=2021-03');
    expect(res.status).toBe(200);
    // Alipay takes part in live links in Beijing only. There the other issuers are UnionPay and
    // WeChat Pay (whose codes UnionPay scans); the other scanners are UnionPay, WeChat Pay and ICBC.
    expect(res.body).toEqual({
      institution: 'alipay',
      period: '2021-03',
      mode: 'mpm',
      channel: 'offline',
      overall: { cities: 1, recognises: { share: 0.5, count: 1, of: 2 }, recognisedBy: { share: 2 / 3, count: 2, of: 3 } },
      cities: [
        {
          city: BEIJING,
          name: 'Beijing',
          nameZh: '北京市',
          recognises: { share: 0.5, count: 1, of: 2 },
          recognisedBy: { share: 2 / 3, count: 2, of: 3 },
        },
      ],
    });
  });

  it('averages over every city where it is present, at the latest period by default', async () => {
    const res = await analyst.get('/api/v1/institutions/tenpay/openness');
    expect(res.body.period).toBe('2021-03');
    expect(res.body.overall.cities).toBe(n);
    // Beijing: UnionPay of {Alipay, UnionPay} issuers, UnionPay of {Alipay, UnionPay, ICBC} scanners; elsewhere 1 of 1.
    expect(res.body.overall.recognises.share).toBeCloseTo((0.5 + (n - 1)) / n, 12);
    expect(res.body.overall.recognises).toMatchObject({ count: n, of: n + 1 });
    expect(res.body.overall.recognisedBy.share).toBeCloseTo((1 / 3 + (n - 1)) / n, 12);
    expect(byKey(res.body.cities.map((c: { city: string }) => ({ ...c, key: c.city })))['440100'].recognises).toEqual({
      share: 1,
      count: 1,
      of: 1,
    });
  });

  it('shows no city before it takes part in any live link', async () => {
    const res = await analyst.get('/api/v1/institutions/tenpay/openness?period=2021-01');
    expect(res.body.overall).toEqual({
      cities: 0,
      recognises: { share: null, count: 0, of: 0 },
      recognisedBy: { share: null, count: 0, of: 0 },
    });
    expect(res.body.cities).toEqual([]);
  });

  it('answers 404 for an unknown institution', async () => {
    const res = await analyst.get('/api/v1/institutions/nobody/openness');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('UNKNOWN_INSTITUTION');
  });
});

describe('openness history: the overall openness of each period in one answer', () => {
  const history = (id: string, query: string) => analyst.get(`/api/v1/institutions/${id}/openness/history?${query}`);

  it('answers, period by period, the `overall` that /institutions/:id/openness answers', async () => {
    for (const [mode, channel] of [
      ['mpm', 'offline'],
      ['cpm', 'online'],
    ]) {
      for (const id of ['alipay', 'tenpay', 'unionpay', 'icbc']) {
        const res = await history(id, `from=2020-11&to=2021-04&mode=${mode}&channel=${channel}`);
        expect(res.status, res.text).toBe(200);
        expect(res.body).toMatchObject({ institution: id, mode, channel, from: '2020-11', to: '2021-04' });
        expect(res.body.entries.map((e: { period: string }) => e.period)).toEqual([
          '2020-11',
          '2020-12',
          '2021-01',
          '2021-02',
          '2021-03',
          '2021-04',
        ]);
        for (const entry of res.body.entries) {
          const single = await analyst.get(`/api/v1/institutions/${id}/openness?period=${entry.period}&mode=${mode}&channel=${channel}`);
          expect(entry.overall, `${id} ${mode} ${channel} ${entry.period}`).toEqual(single.body.overall);
        }
      }
    }
    // Not only empty answers: WeChat Pay goes from nowhere to every city.
    const tenpay = (await history('tenpay', 'from=2021-01&to=2021-03')).body.entries;
    expect(tenpay.map((e: { overall: { cities: number } }) => e.overall.cities)).toEqual([0, n, n]);
  });

  it('runs over the reported periods up to the latest by default, at most 24 of them, in mpm offline', async () => {
    const res = await history('alipay', '');
    expect(res.body).toMatchObject({ mode: 'mpm', channel: 'offline', from: '2021-01', to: '2021-03' });
    expect(res.body.entries).toHaveLength(3);
    const longAgo = await history('alipay', 'to=2023-12');
    expect(longAgo.body).toMatchObject({ from: '2022-01', to: '2023-12' });
    expect(longAgo.body.entries).toHaveLength(24);
    expect((await history('alipay', 'from=2021-02')).body).toMatchObject({ from: '2021-02', to: '2021-03' });
  });

  it('answers 404 for an unknown institution and 422 to a bad range', async () => {
    const unknown = await history('nobody', '');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('UNKNOWN_INSTITUTION');
    const codes = async (query: string) => {
      const res = await history('alipay', query);
      expect(res.status).toBe(422);
      return res.body.errors.map((e: { code: string }) => e.code);
    };
    expect(await codes('from=2021-03&to=2021-01')).toEqual(['BAD_RANGE']);
    expect(await codes('from=2015-01&to=2025-01')).toEqual(['RANGE_TOO_LONG']);
    expect(await codes('from=2011-03&to=2021-03')).toEqual(['PERIOD_OUT_OF_RANGE']);
    expect(await codes('to=2021-13')).toEqual(['BAD_PERIOD']);
    expect(await codes('channel=post')).toEqual(['BAD_VALUE']);
    expect(await codes('period=2021-01')).toEqual(['UNKNOWN_FIELD']);
    expect((await history('alipay', 'from=2015-02&to=2025-01')).status).toBe(200);
  });

  it('is for the central bank only: 403 to an institution, even about itself, and 401 to nobody', async () => {
    for (const role of ['auditor', 'admin'])
      expect((await (await app.as(role)).get('/api/v1/institutions/alipay/openness/history')).status).toBe(200);
    expect((await (await app.as('alipay')).get('/api/v1/institutions/alipay/openness/history')).status).toBe(403);
    expect((await (await app.as()).get('/api/v1/institutions/alipay/openness/history')).status).toBe(401);
  });
});

describe('who may read analytics', () => {
  it('lets the auditor and the admin read coverage and openness', async () => {
    for (const role of ['auditor', 'admin']) {
      const client = await app.as(role);
      expect((await client.get('/api/v1/coverage?by=province')).status).toBe(200);
      expect((await client.get('/api/v1/institutions/unionpay/openness')).status).toBe(200);
    }
  });

  it('answers 403 to an institution, even about itself, and 401 to nobody', async () => {
    const alipay = await app.as('alipay');
    expect((await alipay.get('/api/v1/coverage')).status).toBe(403);
    expect((await alipay.get('/api/v1/institutions/alipay/openness')).status).toBe(403);
    const anonymous = await app.as();
    expect((await anonymous.get('/api/v1/coverage')).status).toBe(401);
    expect((await anonymous.get('/api/v1/institutions/alipay/openness')).status).toBe(401);
  });
});

describe('bad questions', () => {
  const codesOf = async (path: string) => {
    const res = await analyst.get(path);
    expect(res.status).toBe(422);
    return res.body.errors.map((e: { code: string }) => e.code);
  };

  it('answers 422 with a stable code for each bad parameter', async () => {
    expect(await codesOf('/api/v1/coverage?city=999999')).toEqual(['UNKNOWN_CITY']);
    expect(await codesOf('/api/v1/coverage?city=Beijing')).toEqual(['UNKNOWN_CITY']);
    expect(await codesOf('/api/v1/coverage?to=2021-13')).toEqual(['BAD_PERIOD']);
    expect(await codesOf('/api/v1/coverage?by=bank&mode=qr')).toEqual(['BAD_VALUE', 'BAD_VALUE']);
    expect(await codesOf('/api/v1/coverage?by=city&from=2021-01')).toEqual(['NOT_APPLICABLE']);
    expect(await codesOf('/api/v1/coverage?from=2021-03&to=2021-01')).toEqual(['BAD_RANGE']);
    expect(await codesOf('/api/v1/coverage?colour=red')).toEqual(['UNKNOWN_FIELD']);
    expect(await codesOf('/api/v1/institutions/alipay/openness?period=2021-1')).toEqual(['BAD_PERIOD']);
    expect(await codesOf('/api/v1/institutions/alipay/openness?channel=post')).toEqual(['BAD_VALUE']);
  });
});

describe('the OpenAPI document', () => {
  it('documents the coverage, coverage lines, openness and openness history operations', async () => {
    const paths = (await analyst.get('/api/v1/openapi.json')).body.paths;
    expect(paths['/api/v1/coverage/lines'].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      'from',
      'to',
      'city',
      'Accept-Language',
    ]);
    expect(paths['/api/v1/coverage/lines'].get.responses['200'].content['application/json'].schema).toBeDefined();
    expect(paths['/api/v1/coverage'].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      'by',
      'from',
      'to',
      'mode',
      'channel',
      'city',
      'Accept-Language',
    ]);
    expect(paths['/api/v1/institutions/{id}/openness'].get.responses).toHaveProperty('404');
    expect(paths['/api/v1/institutions/{id}/openness/history'].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      'id',
      'from',
      'to',
      'mode',
      'channel',
      'Accept-Language',
    ]);
    expect(paths['/api/v1/institutions/{id}/openness/history'].get.responses).toHaveProperty('404');
  });
});
