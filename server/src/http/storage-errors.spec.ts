import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { aLink, aReport } from '../test/report-factory.js';

describe('storage failures answer 503 and store nothing; writes work again once the condition clears', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp();
  });
  afterEach(() => app.close());

  /** A report big enough to need new pages of the database: Alipay scanning four issuers' codes in 60 cities, every mode and channel. */
  async function bigReport(period: string) {
    const cities = (await sql<{ code: string }>`select code from cities order by code limit 60`.execute(app.ctx.db)).rows.map(
      (c) => c.code,
    );
    const links = cities.flatMap((city) =>
      ['tenpay', 'unionpay', 'icbc', 'cmb'].flatMap((issuer) =>
        (['mpm', 'cpm'] as const).flatMap((mode) =>
          (['offline', 'online'] as const).map((channel) => aLink({ city, issuer, mode, channel })),
        ),
      ),
    );
    return aReport({ period, links });
  }
  const counts = async () => {
    const analyst = await app.as('analyst');
    const reports = (await analyst.get<{ total: number }>('/api/v1/reports')).body.total;
    const audit = (await (await app.as('auditor')).get<{ ok: boolean; entries: number }>('/api/v1/audit/verify')).body;
    return { reports, auditOk: audit.ok };
  };

  it('disk full: 503 STORAGE_FULL with Retry-After, then accepted once there is room', async () => {
    const alipay = await app.as('alipay');
    const before = await counts();
    const { pages } = (await sql<{ pages: number }>`select page_count as pages from pragma_page_count()`.execute(app.ctx.db)).rows[0];
    await sql.raw(`pragma max_page_count = ${pages}`).execute(app.ctx.db);

    const refused = await alipay.post('/api/v1/reports', await bigReport('2021-05'));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.headers.get('retry-after')).toBe('300');
    expect(refused.body).toMatchObject({ code: 'STORAGE_FULL', status: 503 });
    expect(refused.text).not.toMatch(/SQLITE|insert into|at .*\.js/);

    await sql.raw('pragma max_page_count = 1073741823').execute(app.ctx.db);
    expect(await counts()).toEqual(before);
    expect((await alipay.post('/api/v1/reports', await bigReport('2021-05'))).status).toBe(201);
    expect((await counts()).reports).toBe(before.reports + 1);
  });

  it('read-only database: reads go on, writes answer 503 STORAGE_READ_ONLY, and work again afterwards', async () => {
    const alipay = await app.as('alipay');
    await sql.raw('pragma query_only = on').execute(app.ctx.db);
    const refused = await alipay.post('/api/v1/reports', aReport());
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ code: 'STORAGE_READ_ONLY' });
    expect((await alipay.get('/api/v1/reports')).status).toBe(200);

    await sql.raw('pragma query_only = off').execute(app.ctx.db);
    expect((await alipay.post('/api/v1/reports', aReport())).status).toBe(201);
  });
});
