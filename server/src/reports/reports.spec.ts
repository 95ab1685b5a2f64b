import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Link } from '../contract/reports.js';
import { aLink, anAgreement, aReport, submitted } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ now: new Date('2021-12-20T08:00:00Z') });
});
afterAll(() => app.close());

function form(fields: Record<string, string>, files: Record<string, Uint8Array | string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  for (const [k, v] of Object.entries(files)) data.append(k, new Blob([v as BlobPart]), `${k}.csv`);
  return data;
}

describe('submitting a report as JSON', () => {
  it('answers 201 with a receipt and stores the report as version 1, then 2', async () => {
    const alipay = await app.as('alipay');
    const first = await alipay.post('/api/v1/reports', aReport({ period: '2021-01' }));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      institution: 'alipay',
      period: '2021-01',
      version: 1,
      counts: { links: 1, agreements: 0 },
      warnings: [],
    });
    expect(first.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.headers.get('location')).toBe(`/api/v1/reports/${first.body.id}`);
    const second = await alipay.post('/api/v1/reports', aReport({ period: '2021-01', links: [aLink({ status: 'pilot' })] }));
    expect(second.body.version).toBe(2);
    const receipt = await alipay.get(`/api/v1/reports/${first.body.id}/receipt`);
    expect(receipt.body).toEqual({ ...first.body });
    const detail = await alipay.get(`/api/v1/reports/${second.body.id}`);
    expect(detail.body).toMatchObject({ version: 2, latest: true, links: [{ ...aLink({ status: 'pilot' }), row: 0 }] });
  });

  it('stores every row of a report of hundreds of links as sent, each with its row number', async () => {
    const cities = (await app.as('analyst')).get<{ items: { code: string }[] }>('/api/v1/cities');
    const links = (await cities).body.items.slice(0, 250).map((c, i) => aLink({ city: c.code, status: i % 3 === 0 ? 'pilot' : 'live' }));
    expect(links).toHaveLength(250);
    const alipay = await app.as('alipay');
    const receipt = await submitted(alipay, aReport({ period: '2020-12', links }));
    const detail = await alipay.get<{ links: (Link & { row: number })[] }>(`/api/v1/reports/${receipt.id}`);
    expect([...detail.body.links].sort((a, b) => a.row - b.row)).toEqual(links.map((l, row) => ({ ...l, row })));
  });

  it('stores nothing when one row is bad, and lists the error with its path', async () => {
    const alipay = await app.as('alipay');
    const res = await alipay.post(
      '/api/v1/reports',
      aReport({ period: '2021-02', links: [aLink(), aLink({ city: '440100' }), aLink({ city: '000001' })] }),
    );
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors).toEqual([expect.objectContaining({ code: 'UNKNOWN_CITY', path: '$.links[2].city' })]);
    expect(res.body.detail).toBe('1 problem found; nothing was stored.');
    expect((await alipay.get('/api/v1/reports?period=2021-02')).body).toEqual({ items: [], total: 0 });
  });

  it('validates a dry run and answers as if stored, storing nothing', async () => {
    const alipay = await app.as('alipay');
    const res = await alipay.post('/api/v1/reports?dryRun=true', aReport({ period: '2021-03' }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: null, dryRun: true, version: 1, period: '2021-03' });
    expect((await alipay.get('/api/v1/reports?period=2021-03')).body.total).toBe(0);
  });

  it('warns, without blocking, about a since date after the period and a live link dropped since the last report', async () => {
    const tenpay = await app.as('tenpay');
    await tenpay.post('/api/v1/reports', {
      institution: 'tenpay',
      period: '2021-04',
      links: [aLink({ scanner: 'tenpay', issuer: 'tenpay', city: '*' }), aLink({ scanner: 'tenpay' })],
    });
    const res = await tenpay.post('/api/v1/reports', {
      institution: 'tenpay',
      period: '2021-05',
      links: [aLink({ scanner: 'tenpay', issuer: 'tenpay', city: '*', since: '2021-07-01' })],
    });
    expect(res.status).toBe(201);
    expect(res.body.warnings.map((w: { code: string }) => w.code).sort()).toEqual(['LINK_DROPPED', 'SINCE_AFTER_PERIOD']);
  });

  it('does not warn about a * link written out city by city, nor a city link now declared for every city', async () => {
    const unionpay = await app.as('unionpay');
    const link = (issuer: string, city: string, status: 'live' | 'suspended' = 'live') =>
      aLink({ scanner: 'unionpay', issuer, city, status });
    await unionpay.post('/api/v1/reports', {
      institution: 'unionpay',
      period: '2021-08',
      links: [link('alipay', '*'), link('tenpay', '*'), link('icbc', '110000'), link('cmb', '*', 'suspended')],
    });
    const res = await unionpay.post('/api/v1/reports', {
      institution: 'unionpay',
      period: '2021-09',
      links: [link('alipay', '440100'), link('alipay', '110000'), link('icbc', '*')],
    });
    expect(res.status).toBe(201);
    expect(res.body.warnings).toEqual([
      {
        code: 'LINK_DROPPED',
        message:
          'unionpay → tenpay (mpm, offline, city *) was live in the previous report and is missing now; mark it suspended if it was withdrawn',
      },
    ]);
  });

  it('answers 403 to a user submitting for another institution, and to an analyst', async () => {
    const alipay = await app.as('alipay');
    const other = await alipay.post('/api/v1/reports', aReport({ institution: 'tenpay', links: [aLink({ scanner: 'tenpay' })] }));
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('NOT_YOUR_INSTITUTION');
    expect((await (await app.as('analyst')).post('/api/v1/reports', aReport())).status).toBe(403);
  });

  it('lets an admin submit on behalf of an institution', async () => {
    const admin = await app.as('admin');
    const res = await admin.post(
      '/api/v1/reports',
      aReport({ institution: 'icbc', period: '2021-06', links: [aLink({ scanner: 'icbc', issuer: 'alipay' })] }),
    );
    expect(res.status).toBe(201);
  });

  it('accepts a report sent with an API key, without the XSRF header', async () => {
    const unionpay = await app.as('unionpay');
    const { body } = await unionpay.post('/api/v1/institutions/unionpay/api-keys', {});
    const system = await app.as();
    system.headers.authorization = `Bearer ${body.key}`;
    const res = await system.post('/api/v1/reports', {
      institution: 'unionpay',
      period: '2021-06',
      links: [aLink({ scanner: 'unionpay', issuer: 'alipay' })],
    });
    expect(res.status).toBe(201);
  });
});

describe('submitting CSV files', () => {
  it('accepts a links CSV with its fields and answers the receipt', async () => {
    const cmb = await app.as('cmb');
    const csv = 'scanner,issuer,mode,channel,city,status,since\ncmb,alipay,mpm,offline,*,live,2021-04-01\n';
    const res = await cmb.postForm('/api/v1/reports', form({ institution: 'cmb', period: '2021-06' }, { links: csv }));
    expect(res.status).toBe(201);
    expect(res.body.counts).toEqual({ links: 1, agreements: 0 });
  });

  it('treats a GB18030 file as Excel on Chinese Windows saves it like the same UTF-8 file', async () => {
    const cmb = await app.as('cmb');
    const agreements =
      'ref,counterparty,kind,exclusive,fee_bps,cities,modes,channels,restrictions,effective,expires,text\n招行-01,unionpay,clearing,false,5,*,mpm,offline,,2021-01-01,,银联清算协议\n';
    const links = 'scanner,issuer,mode,channel,city,status,since\ncmb,unionpay,mpm,offline,*,live,2019-01-01\n';
    const gb = await cmb.postForm(
      '/api/v1/reports',
      form(
        { institution: 'cmb', period: '2021-07' },
        { links: iconv.encode(links, 'gb18030'), agreements: iconv.encode(agreements, 'gb18030') },
      ),
    );
    const bom = await cmb.postForm(
      '/api/v1/reports',
      form({ institution: 'cmb', period: '2021-07' }, { links: `\ufeff${links}`, agreements: `\ufeff${agreements}` }),
    );
    expect(gb.status).toBe(201);
    expect(bom.status).toBe(201);
    expect(gb.body.sha256).toBe(bom.body.sha256);
    const detail = await cmb.get(`/api/v1/reports/${gb.body.id}`);
    expect(detail.body.agreements[0]).toMatchObject({ ref: '招行-01', text: '银联清算协议' });
  });

  it('answers every error with its CSV row and column, and stores nothing', async () => {
    const cmb = await app.as('cmb');
    const csv = `${'scanner,issuer,mode,channel,city,status,since'}\ncmb,alipay,mpm,offline,999999,live,2021-04-01\ntenpay,alipay,mpm,offline,*,live,2021-04-01\ncmb,icbc,mpm,offline,*,sometimes,2021-04-01\n`;
    const res = await cmb.postForm('/api/v1/reports', form({ institution: 'cmb', period: '2021-08' }, { links: csv }));
    expect(res.status).toBe(422);
    expect(res.body.errors.map(({ code, row, column }: { code: string; row: number; column?: string }) => ({ code, row, column }))).toEqual(
      [
        { code: 'UNKNOWN_CITY', row: 2, column: 'city' },
        { code: 'NOT_A_PARTY', row: 3, column: undefined },
        { code: 'BAD_VALUE', row: 4, column: 'status' },
      ],
    );
    expect((await cmb.get('/api/v1/reports?period=2021-08')).body.total).toBe(0);
  });

  it('when rows have several problems each, answers every problem of every row at once, and stores nothing', async () => {
    const cmb = await app.as('cmb');
    const links =
      'scanner,issuer,mode,channel,city,status,since\ncmb,alipay,zpm,offline,999999,live,2025-13-01\ntenpay,alipay,mpm,offline,110000,sometimes,2021-04-01\ncmb,icbc,mpm,offline,*,live,2021-04-01\ncmb,icbc,mpm,offline,110000,live,2021-04-01\n';
    const agreements =
      'ref,counterparty,kind,exclusive,fee_bps,cities,modes,channels,restrictions,effective,expires,text\nA-1,nobody,barter,false,10,999999,mpm,offline,,2021-06-01,2021-01-01,\n';
    const res = await cmb.postForm('/api/v1/reports', form({ institution: 'cmb', period: '2021-09' }, { links, agreements }));
    expect(res.status).toBe(422);
    const found = res.body.errors.map(
      ({ code, row, column }: { code: string; row: number; column?: string }) => `${row} ${column ?? '-'} ${code}`,
    );
    expect(found.sort()).toEqual(
      [
        '2 mode BAD_VALUE',
        '2 city UNKNOWN_CITY',
        '2 since BAD_DATE',
        '3 status BAD_VALUE',
        '3 - NOT_A_PARTY',
        '5 - DUPLICATE_LINK',
        '2 kind BAD_VALUE',
        '2 counterparty UNKNOWN_INSTITUTION',
        '2 cities UNKNOWN_CITY',
        '2 expires EXPIRES_BEFORE_EFFECTIVE',
      ].sort(),
    );
    expect((await cmb.get('/api/v1/reports?period=2021-09')).body.total).toBe(0);
  });

  it('when the period is malformed, still names an unknown institution', async () => {
    const admin = await app.as('admin');
    const res = await admin.post('/api/v1/reports', { institution: 'nobody', period: 'June', links: [aLink({ scanner: 'nobody' })] });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { code: string; path: string }) => `${e.path} ${e.code}`).sort()).toEqual([
      '$.institution UNKNOWN_INSTITUTION',
      '$.links[0].scanner UNKNOWN_INSTITUTION',
      '$.period BAD_PERIOD',
    ]);
  });

  it('requires the links file', async () => {
    const cmb = await app.as('cmb');
    const res = await cmb.postForm('/api/v1/reports', form({ institution: 'cmb', period: '2021-08' }, {}));
    expect(res.status).toBe(422);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ code: 'REQUIRED', column: 'links' }));
  });
});

describe('idempotency keys', () => {
  it('replays the first answer for the same key and body, without a second version', async () => {
    const alipay = await app.as('alipay');
    const body = aReport({ period: '2021-09' });
    const first = await alipay.post('/api/v1/reports', body, { 'idempotency-key': 'k-1' });
    const again = await alipay.post('/api/v1/reports', body, { 'idempotency-key': 'k-1' });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await alipay.get('/api/v1/reports?period=2021-09')).body.total).toBe(1);
  });

  it('answers 422 IDEMPOTENCY_KEY_REUSED for another body under the same key', async () => {
    const alipay = await app.as('alipay');
    await alipay.post('/api/v1/reports', aReport({ period: '2021-10' }), { 'idempotency-key': 'k-2' });
    const res = await alipay.post('/api/v1/reports', aReport({ period: '2021-11' }), { 'idempotency-key': 'k-2' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  /** A claim of the key as a request still running (or dead) leaves it, its lease running out at `leaseExpiresAt`. */
  async function claimedKey(key: string, body: unknown, leaseExpiresAt: string) {
    const { fingerprint } = await import('./idempotency.js');
    await app.ctx.db
      .insertInto('idempotency_keys')
      .values({
        principal: 'alipay',
        key,
        request_hash: fingerprint(['false', 'json', JSON.stringify(body)]),
        state: 'processing',
        response_status: null,
        response_body: null,
        created_at: '2021-12-20T07:59:00.000Z',
        lease_expires_at: leaseExpiresAt,
      })
      .execute();
  }

  it('answers 409 with Retry-After while the first request with the key holds its lease', async () => {
    const alipay = await app.as('alipay');
    const body = aReport({ period: '2021-11' });
    await claimedKey('k-3', body, '2021-12-20T08:00:30.000Z');
    const res = await alipay.post('/api/v1/reports', body, { 'idempotency-key': 'k-3' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_IN_FLIGHT');
    expect(res.headers.get('retry-after')).toBe('30');
  });

  it('when the first request’s lease has run out, takes the key over, stores the report once and replays it', async () => {
    const alipay = await app.as('alipay');
    const body = aReport({ period: '2021-05' });
    await claimedKey('k-4', body, '2021-12-20T07:59:59.000Z');
    const retry = await alipay.post('/api/v1/reports', body, { 'idempotency-key': 'k-4' });
    expect(retry.status).toBe(201);
    const again = await alipay.post('/api/v1/reports', body, { 'idempotency-key': 'k-4' });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(retry.body);
    expect((await alipay.get('/api/v1/reports?period=2021-05')).body.total).toBe(1);
  });
});

describe('who sees which report', () => {
  it('answers 404 to an institution reading another’s report, and lists only its own', async () => {
    const tenpay = await app.as('tenpay');
    const mine = await tenpay.post('/api/v1/reports', {
      institution: 'tenpay',
      period: '2021-06',
      links: [aLink({ scanner: 'tenpay', issuer: 'tenpay' })],
    });
    const alipay = await app.as('alipay');
    const read = await alipay.get(`/api/v1/reports/${mine.body.id}`);
    expect(read.status).toBe(404);
    expect((await alipay.get(`/api/v1/reports/${mine.body.id}/receipt`)).status).toBe(404);
    expect((await alipay.get('/api/v1/reports/999999')).body.code).toBe(read.body.code);
    const listed = await alipay.get('/api/v1/reports?pageSize=500');
    expect(listed.body.items.length).toBeGreaterThan(0);
    expect(listed.body.items.every((r: { institution: string }) => r.institution === 'alipay')).toBe(true);
    expect((await alipay.get('/api/v1/reports?institution=tenpay')).body).toEqual({ items: [], total: 0 });
    const analyst = await app.as('analyst');
    expect((await analyst.get(`/api/v1/reports/${mine.body.id}`)).status).toBe(200);
  });

  it('answers 401 to an anonymous caller', async () => {
    expect((await (await app.as()).get('/api/v1/reports')).status).toBe(401);
  });
});

describe('a valid report worth more warnings than a receipt lists', () => {
  it('lists the first 1000, the dropped agreements among them, and says how many more there are', async () => {
    const cities = (await (await app.as('analyst')).get<{ items: { code: string }[] }>('/api/v1/cities')).body.items.map((c) => c.code);
    const cmb = await app.as('cmb');
    const agreement = anAgreement({ ref: 'CMB-KEPT-1', counterparty: 'alipay' });
    await submitted(cmb, { institution: 'cmb', period: '2020-10', links: [aLink({ scanner: 'cmb' })], agreements: [agreement] });
    // Every link dated after the period: one SINCE_AFTER_PERIOD each, 4 × the registry's cities.
    const links = cities.flatMap((city) =>
      ['alipay', 'tenpay', 'unionpay', 'icbc'].map((issuer) => aLink({ scanner: 'cmb', issuer, city, since: '2021-01-01' })),
    );
    expect(links.length).toBeGreaterThan(1000);
    const receipt = await submitted(cmb, { institution: 'cmb', period: '2020-10', links, agreements: [] });
    expect(receipt.warnings).toHaveLength(1001);
    expect(receipt.warnings[0]).toMatchObject({ code: 'AGREEMENTS_DROPPED' });
    expect(receipt.warnings[1000]).toEqual({
      code: 'MORE_WARNINGS',
      message: `${links.length + 1 - 1000} more warnings of the kinds above are not listed`,
    });
    const listed = await cmb.get<{ items: { warnings: unknown[] }[] }>('/api/v1/reports?period=2020-10');
    expect(Math.max(...listed.body.items.map((r) => r.warnings.length))).toBe(1001);
  });
});
