// No view, rule run, coverage or calendar walks a period before EARLIEST_PERIOD: not when a question
// names one, and not when the database already holds a report for one (stored before the checks).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRules } from '../rules/run-rules.js';
import { submitReport } from '../reports/service.js';
import type { ApiClient } from '../test/api-client.js';
import { slowestHealthDuring } from '../test/health-watch.js';
import { aLink, aReport, submitted } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

let app: TestApp;
let analyst: ApiClient;
beforeAll(async () => {
  app = await startTestApp({ now: new Date('2021-12-20T08:00:00Z') });
  const alipay = await app.as('alipay');
  for (const period of ['2021-10', '2021-11']) await submitted(alipay, aReport({ period, links: [aLink({ city: '*' })] }));
  analyst = await app.as('analyst');
});
afterAll(() => app.close());

const codesOf = async (path: string) => {
  const res = await analyst.get(path);
  return [res.status, ...(res.body.errors ?? []).map((e: { code: string }) => e.code)];
};

describe('a question about a period before EARLIEST_PERIOD', () => {
  it('answers 422 PERIOD_OUT_OF_RANGE on the matrix, coverage, openness, overview and an institution’s links and agreements', async () => {
    expect(await codesOf('/api/v1/matrix?city=110000&period=1970-01')).toEqual([422, 'PERIOD_OUT_OF_RANGE']);
    expect(await codesOf('/api/v1/coverage?by=period&from=0001-01&to=0001-12')).toEqual([
      422,
      'PERIOD_OUT_OF_RANGE',
      'PERIOD_OUT_OF_RANGE',
    ]);
    expect(await codesOf('/api/v1/coverage?by=city&to=2014-12')).toEqual([422, 'PERIOD_OUT_OF_RANGE']);
    expect(await codesOf('/api/v1/coverage/lines?from=0001-01&to=2021-11')).toEqual([422, 'PERIOD_OUT_OF_RANGE']);
    expect(await codesOf('/api/v1/institutions/alipay/openness?period=0001-01')).toEqual([422, 'PERIOD_OUT_OF_RANGE']);
    expect(await codesOf('/api/v1/institutions/alipay/openness/history?from=0001-01&to=0001-12')).toEqual([
      422,
      'PERIOD_OUT_OF_RANGE',
      'PERIOD_OUT_OF_RANGE',
    ]);
    expect(await codesOf('/api/v1/overview?period=0001-01')).toEqual([422, 'PERIOD_OUT_OF_RANGE']);
    expect(await codesOf('/api/v1/institutions/alipay/links?period=0001-01')).toEqual([422, 'PERIOD_OUT_OF_RANGE']);
    expect(await codesOf('/api/v1/institutions/alipay/agreements?period=0001-01')).toEqual([422, 'PERIOD_OUT_OF_RANGE']);
    expect(await codesOf('/api/v1/coverage?by=period&from=2015-01&to=2021-11')).toEqual([200]);
  });

  it('answers the overview of a far later period with at most 240 months of findings', async () => {
    const res = await analyst.get('/api/v1/overview?period=9999-12');
    expect(res.status).toBe(200);
    expect(res.body.findingsByMonth).toHaveLength(240);
  });
});

describe('a report for 0001-01 stored before the period checks', () => {
  let backdatedId: number;
  beforeAll(async () => {
    // As an older server stored it: accepted, and not yet seen by the rules.
    const olderServer = { ...app.ctx, config: { ...app.ctx.config, EARLIEST_PERIOD: '0001-01' } };
    const admin = { username: 'admin', role: 'admin' as const, institution: null, via: 'session' as const };
    const receipt = await submitReport(
      olderServer,
      admin,
      aReport({ period: '0001-01', links: [aLink({ city: '*', since: '0001-01-01' })] }),
      { skipRules: true },
    );
    backdatedId = receipt.id!;
  });

  it('is walked by no rules run: the next report is answered while /health keeps answering', { timeout: 20_000 }, async () => {
    const tenpay = await app.as('tenpay');
    const next = submitted(tenpay, aReport({ institution: 'tenpay', period: '2021-11', links: [aLink({ scanner: 'tenpay' })] }));
    expect(await slowestHealthDuring(await app.as(), next)).toBeLessThan(1000);
    // The rules CLI's --from is held to the accepted periods too.
    expect(await runRules(app.ctx, { from: '0001-01', to: '2021-11' })).toMatchObject({ from: '2021-10', to: '2021-11' });
  });

  it('stays readable, and coverage, the overview, the periods and the calendar start at the first accepted report', async () => {
    expect((await analyst.get(`/api/v1/reports/${backdatedId}`)).body).toMatchObject({ period: '0001-01', latest: true });
    expect((await analyst.get('/api/v1/periods')).body.items).toEqual(['2021-10', '2021-11']);
    expect((await analyst.get('/api/v1/coverage?by=period')).body).toMatchObject({ from: '2021-10', to: '2021-11' });
    expect((await analyst.get('/api/v1/overview')).body.findingsByMonth.map((m: { period: string }) => m.period)).toEqual([
      '2021-10',
      '2021-11',
    ]);
    const calendar = (await analyst.get('/api/v1/institutions/alipay/obligations')).body.items.map((i: { period: string }) => i.period);
    expect(calendar).toEqual(['2021-12', '2021-11', '2021-10']);
    const late = (await analyst.get('/api/v1/findings?rule=LATE-001&pageSize=500')).body.items;
    expect(late.filter((f: { firstPeriod: string }) => f.firstPeriod < '2015-01')).toEqual([]);
  });
});
