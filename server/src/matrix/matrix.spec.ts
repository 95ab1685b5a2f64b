import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aLink } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import type { ApiClient } from '../test/api-client.js';

let app: TestApp;
let analyst: ApiClient;
beforeAll(async () => {
  app = await startTestApp({ now: new Date('2021-12-20T08:00:00Z') });
  analyst = await app.as('analyst');
  const alipay = await app.as('alipay');
  const unionpay = await app.as('unionpay');
  // Alipay reports in January only; UnionPay in January and March, then corrects March (version 2).
  await alipay.post('/api/v1/reports', { institution: 'alipay', period: '2021-01', links: [aLink(), aLink({ scanner: 'unionpay', issuer: 'alipay', city: '*' })] });
  await unionpay.post('/api/v1/reports', { institution: 'unionpay', period: '2021-01', links: [aLink(), aLink({ scanner: 'unionpay', issuer: 'alipay', city: '*' })] });
  await unionpay.post('/api/v1/reports', { institution: 'unionpay', period: '2021-03', links: [aLink({ status: 'pilot' })] });
  await unionpay.post('/api/v1/reports', { institution: 'unionpay', period: '2021-03', links: [aLink(), aLink({ scanner: 'unionpay', issuer: 'alipay', city: '*', status: 'suspended' })] });
});
afterAll(() => app.close());

const matrixOf = (query: string) => analyst.get(`/api/v1/matrix?${query}`);

describe('the city matrix', () => {
  it('shows both directions confirmed in January, a * link counting for the city', async () => {
    const res = await matrixOf('city=110000&period=2021-01&mode=mpm&channel=offline');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      period: '2021-01', city: '110000', mode: 'mpm', channel: 'offline',
      institutions: ['alipay', 'unionpay'],
      cells: [
        { scanner: 'alipay', issuer: 'unionpay', status: 'live', since: '2021-01-01', reconciliation: 'confirmed' },
        { scanner: 'unionpay', issuer: 'alipay', status: 'live', since: '2021-01-01', reconciliation: 'confirmed' },
      ],
    });
  });

  it('carries each institution’s latest report forward and reads only the latest version', async () => {
    const res = await matrixOf('city=110000&period=2021-04');
    const cells = Object.fromEntries(res.body.cells.map((c: { scanner: string; issuer: string }) => [`${c.scanner}>${c.issuer}`, c]));
    // UnionPay's corrected March report (version 2) says live, not the pilot of version 1.
    expect(cells['alipay>unionpay']).toMatchObject({ status: 'live', reconciliation: 'confirmed' });
    // UnionPay, the scanner, now declares a suspension; Alipay's January report still says live.
    expect(cells['unionpay>alipay']).toMatchObject({ status: 'suspended', reconciliation: 'unconfirmed' });
  });

  it('shows nothing before the first report, and other cities only through * links', async () => {
    expect((await matrixOf('city=110000&period=2020-12')).body.cells).toEqual([]);
    const guangzhou = await matrixOf('city=440100&period=2021-01');
    expect(guangzhou.body.cells).toEqual([expect.objectContaining({ scanner: 'unionpay', issuer: 'alipay' })]);
  });

  it('answers 422 for an unknown city or a bad period', async () => {
    const unknown = await matrixOf('city=999999&period=2021-01');
    expect(unknown.body.errors[0].code).toBe('UNKNOWN_CITY');
    // A read stores nothing anyway: its problem does not say so.
    expect(unknown.body.detail).toBe('1 problem found.');
    expect((await matrixOf('city=110000&period=2021-1')).body.errors[0].code).toBe('BAD_PERIOD');
  });

  it('answers 403 to an institution and 401 to nobody', async () => {
    expect((await (await app.as('alipay')).get('/api/v1/matrix?city=110000&period=2021-01')).status).toBe(403);
    expect((await (await app.as()).get('/api/v1/matrix?city=110000&period=2021-01')).status).toBe(401);
  });

  it('lists the periods that have reports', async () => {
    expect((await analyst.get('/api/v1/periods')).body.items).toEqual(['2021-01', '2021-03']);
  });
});
