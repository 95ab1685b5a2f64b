// Periods a report may be for: EARLIEST_PERIOD up to the current month, whatever the input path.
// A backdated report must not make its rules run walk every month since its period: from 0001-01
// that walk freezes the server and fills its disk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slowestHealthDuring } from '../test/health-watch.js';
import { aLink, aReport, submitted } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

const NOW = new Date('2021-12-20T08:00:00Z');

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ now: NOW });
  // A recent report: a backdated one's run would walk every month from its period up to this one.
  await submitted(
    await app.as('unionpay'),
    aReport({ institution: 'unionpay', period: '2021-11', links: [aLink({ scanner: 'unionpay', issuer: 'alipay' })] }),
  );
});
afterAll(() => app.close());

const codesOf = (res: { body: { errors?: { code: string }[] } }) => (res.body.errors ?? []).map((e) => e.code);

async function reportActions(): Promise<string[]> {
  const auditor = await app.as('auditor');
  const res = await auditor.get<{ items: { action: string }[] }>('/api/v1/audit?sort=seq&pageSize=500');
  return res.body.items.map((e) => e.action).filter((a) => a.startsWith('report.') || a.startsWith('rules.'));
}

function csvForm(period: string): FormData {
  const data = new FormData();
  data.append('institution', 'alipay');
  data.append('period', period);
  data.append(
    'links',
    new Blob(['scanner,issuer,mode,channel,city,status,since\nalipay,unionpay,mpm,offline,*,live,1970-01-01\n']),
    'links.csv',
  );
  return data;
}

describe('a report for a period outside EARLIEST_PERIOD..the current month', () => {
  it(
    'when a JSON report is for 0001-01, answers 422 PERIOD_OUT_OF_RANGE while /health keeps answering, and stores nothing',
    { timeout: 20_000 },
    async () => {
      const alipay = await app.as('alipay');
      const before = (await reportActions()).length;
      const attack = alipay.post('/api/v1/reports', aReport({ period: '0001-01', links: [aLink({ city: '*', since: '0001-01-01' })] }));
      expect(await slowestHealthDuring(await app.as(), attack)).toBeLessThan(1000);
      const res = await attack;
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ code: 'PERIOD_OUT_OF_RANGE', path: '$.period' })]);
      expect(res.body.detail).toContain('nothing was stored');
      expect((await alipay.get('/api/v1/reports?period=0001-01')).body).toEqual({ items: [], total: 0 });
      expect((await reportActions()).slice(before)).toEqual(['report.rejected']);
    },
  );

  it('when a CSV upload is for 1970-01, answers 422 PERIOD_OUT_OF_RANGE on the period field', async () => {
    const alipay = await app.as('alipay');
    const res = await alipay.postForm('/api/v1/reports', csvForm('1970-01'));
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ code: 'PERIOD_OUT_OF_RANGE', column: 'period' })]);
    expect((await alipay.get('/api/v1/reports?period=1970-01')).body.total).toBe(0);
  });

  it('when a dry run is for 0001-01, answers 422 PERIOD_OUT_OF_RANGE', async () => {
    const res = await (await app.as('alipay')).post('/api/v1/reports?dryRun=true', aReport({ period: '0001-01' }));
    expect(res.status).toBe(422);
    expect(codesOf(res)).toEqual(['PERIOD_OUT_OF_RANGE']);
  });

  it('when a report is for the month after the current one, answers 422 PERIOD_OUT_OF_RANGE', async () => {
    const res = await (await app.as('alipay')).post('/api/v1/reports', aReport({ period: '2022-01' }));
    expect(res.status).toBe(422);
    expect(codesOf(res)).toEqual(['PERIOD_OUT_OF_RANGE']);
  });

  it('accepts a report for EARLIEST_PERIOD itself (2015-01 by default) and for the current month', async () => {
    const tenpay = await app.as('tenpay');
    expect(
      (await submitted(tenpay, aReport({ institution: 'tenpay', period: '2015-01', links: [aLink({ scanner: 'tenpay' })] }))).period,
    ).toBe('2015-01');
    expect(
      (await submitted(tenpay, aReport({ institution: 'tenpay', period: '2021-12', links: [aLink({ scanner: 'tenpay' })] }))).period,
    ).toBe('2021-12');
  });
});

describe('the EARLIEST_PERIOD setting', () => {
  it('when set to 2020-01, refuses 2019-12 with PERIOD_OUT_OF_RANGE and accepts 2020-01', async () => {
    const later = await startTestApp({ now: NOW, env: { EARLIEST_PERIOD: '2020-01' } });
    try {
      const alipay = await later.as('alipay');
      const refused = await alipay.post('/api/v1/reports', aReport({ period: '2019-12' }));
      expect(refused.status).toBe(422);
      expect(codesOf(refused)).toEqual(['PERIOD_OUT_OF_RANGE']);
      expect((await alipay.post('/api/v1/reports', aReport({ period: '2020-01' }))).status).toBe(201);
    } finally {
      await later.close();
    }
  });

  it('refuses to start with a setting that is not a month', async () => {
    await expect(startTestApp({ env: { EARLIEST_PERIOD: '2015-13' } })).rejects.toThrow(/EARLIEST_PERIOD/);
  });
});
