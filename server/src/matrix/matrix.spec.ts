import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { openDatabase } from '../db/database.js';
import { aLink, aReport, submitted } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { ApiClient } from '../test/api-client.js';

let app: TestApp;
let analyst: ApiClient;
beforeAll(async () => {
  app = await startTestApp({ now: new Date('2021-12-20T08:00:00Z') });
  analyst = await app.as('analyst');
  const alipay = await app.as('alipay');
  const unionpay = await app.as('unionpay');
  // Alipay reports in January only; UnionPay in January and March, then corrects March (version 2).
  await alipay.post('/api/v1/reports', {
    institution: 'alipay',
    period: '2021-01',
    links: [aLink(), aLink({ scanner: 'unionpay', issuer: 'alipay', city: '*' })],
  });
  await unionpay.post('/api/v1/reports', {
    institution: 'unionpay',
    period: '2021-01',
    links: [aLink(), aLink({ scanner: 'unionpay', issuer: 'alipay', city: '*' })],
  });
  await unionpay.post('/api/v1/reports', { institution: 'unionpay', period: '2021-03', links: [aLink({ status: 'pilot' })] });
  await unionpay.post('/api/v1/reports', {
    institution: 'unionpay',
    period: '2021-03',
    links: [aLink(), aLink({ scanner: 'unionpay', issuer: 'alipay', city: '*', status: 'suspended' })],
  });
});
afterAll(() => app.close());

const matrixOf = (query: string) => analyst.get(`/api/v1/matrix?${query}`);

describe('the city matrix', () => {
  it('shows both directions confirmed in January, a * link counting for the city', async () => {
    const res = await matrixOf('city=110000&period=2021-01&mode=mpm&channel=offline');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      period: '2021-01',
      city: '110000',
      mode: 'mpm',
      channel: 'offline',
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

describe('the city matrix after a report arrives', () => {
  // Two servers over one database file, as two processes would be: each keeps what cities share
  // in memory, and neither may answer from it once a report has arrived through the other.
  let dir: string;
  let first: TestApp;
  let secondClose: () => Promise<void>;
  let viaFirst: ApiClient;
  let viaSecond: ApiClient;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interop-matrix-'));
    first = await startTestApp({ now: new Date('2021-12-20T08:00:00Z'), dbPath: path.join(dir, 'interop.db') });
    const database = openDatabase(path.join(dir, 'interop.db'));
    const server = buildApp({ ...first.ctx, db: database.db }).listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    secondClose = async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    };
    viaFirst = await first.as('analyst');
    viaSecond = new ApiClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    await viaSecond.logIn('analyst', 'demo');
  });
  afterAll(async () => {
    await secondClose();
    await first.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const cellsOf = async (client: ApiClient, city: string, period: string) => {
    const res = await client.get(`/api/v1/matrix?city=${city}&period=${period}`);
    expect(res.status).toBe(200);
    return Object.fromEntries(
      res.body.cells.map((c: { scanner: string; issuer: string; status: string; reconciliation: string }) => [
        `${c.scanner}>${c.issuer}`,
        `${c.status} ${c.reconciliation}`,
      ]),
    );
  };
  const bothServers = async (city: string, period: string) => {
    const answers = [await cellsOf(viaFirst, city, period), await cellsOf(viaSecond, city, period)];
    expect(answers[1]).toEqual(answers[0]);
    return answers[0];
  };

  it('shows a new report, a new version and a report carried forward at once, on either server', async () => {
    const alipay = await first.as('alipay');
    const unionpay = await first.as('unionpay');
    await submitted(alipay, aReport({ period: '2021-01', links: [aLink(), aLink({ scanner: 'unionpay', issuer: 'alipay', city: '*' })] }));
    // Beijing has a row of its own, Guangzhou only the * row; both periods are now held by both servers.
    expect(await bothServers('110000', '2021-01')).toEqual({
      'alipay>unionpay': 'live unconfirmed',
      'unionpay>alipay': 'live unconfirmed',
    });
    expect(await bothServers('440100', '2021-01')).toEqual({ 'unionpay>alipay': 'live unconfirmed' });
    expect(await bothServers('440100', '2021-03')).toEqual({ 'unionpay>alipay': 'live unconfirmed' });

    // UnionPay reports through the first server: confirms Beijing's link, suspends its * link.
    await submitted(
      unionpay,
      aReport({
        institution: 'unionpay',
        period: '2021-01',
        links: [aLink(), aLink({ scanner: 'unionpay', issuer: 'alipay', city: '*', status: 'suspended' })],
      }),
    );
    expect(await bothServers('110000', '2021-01')).toEqual({
      'alipay>unionpay': 'live confirmed',
      'unionpay>alipay': 'suspended disputed',
    });
    expect(await bothServers('440100', '2021-01')).toEqual({ 'unionpay>alipay': 'suspended disputed' });
    expect(await bothServers('440100', '2021-03')).toEqual({ 'unionpay>alipay': 'suspended unconfirmed' });

    // Alipay corrects January (version 2) through the second server: its * link is now declared suspended too.
    const correcting = new ApiClient(viaSecond.baseUrl);
    await correcting.logIn('alipay', 'demo');
    await submitted(
      correcting,
      aReport({
        period: '2021-01',
        links: [aLink({ status: 'pilot' }), aLink({ scanner: 'unionpay', issuer: 'alipay', city: '*', status: 'suspended' })],
      }),
    );
    expect(await bothServers('110000', '2021-01')).toEqual({
      'alipay>unionpay': 'pilot disputed',
      'unionpay>alipay': 'suspended confirmed',
    });

    // A February report counts in March, which both servers answered before it arrived.
    await submitted(
      unionpay,
      aReport({
        institution: 'unionpay',
        period: '2021-02',
        links: [aLink({ scanner: 'unionpay', issuer: 'alipay', city: '*', status: 'live' })],
      }),
    );
    expect(await bothServers('440100', '2021-03')).toEqual({ 'unionpay>alipay': 'live unconfirmed' });
  });
});
