// A dry run of 1 MB or more is checked on the report-check worker: its answers must be the ones
// the event loop gives a small body, receipt for receipt and problem for problem.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aLink, anAgreement, aReport, submitted } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ now: new Date('2021-12-20T08:00:00Z') });
});
afterAll(() => app.close());

/** Trailing whitespace is no part of the JSON value: the same report, a megabyte larger. */
const padded = (value: unknown) => JSON.stringify(value) + ' '.repeat(1024 * 1024);

describe('a large dry run', () => {
  it('answers the receipt a small one gets: same hash, counts and version, and LINK_DROPPED against the previous report', async () => {
    const alipay = await app.as('alipay');
    await submitted(alipay, aReport({ period: '2021-05', links: [aLink(), aLink({ city: '310000' })] }));
    const report = aReport({ period: '2021-06', links: [aLink()] });
    const small = await alipay.post('/api/v1/reports?dryRun=true', report);
    const large = await alipay.postRaw('/api/v1/reports?dryRun=true', padded(report), 'application/json');
    expect(large.status, large.text).toBe(200);
    expect(large.body).toEqual(small.body);
    expect(large.body.warnings).toMatchObject([{ code: 'LINK_DROPPED' }]);
  });

  it('when it replaces a month and leaves agreements out, warns AGREEMENTS_DROPPED as a small one does', async () => {
    const alipay = await app.as('alipay');
    await submitted(alipay, aReport({ period: '2021-07', links: [aLink()], agreements: [anAgreement({ ref: 'AG-LARGE-1' })] }));
    const linksOnly = aReport({ period: '2021-07', links: [aLink()] });
    const small = await alipay.post('/api/v1/reports?dryRun=true', linksOnly);
    const large = await alipay.postRaw('/api/v1/reports?dryRun=true', padded(linksOnly), 'application/json');
    expect(small.body.warnings).toContainEqual(expect.objectContaining({ code: 'AGREEMENTS_DROPPED' }));
    expect(large.status, large.text).toBe(200);
    expect(large.body).toEqual(small.body);
  });

  it('names the CSV rows and columns of its problems as a small one does', async () => {
    const alipay = await app.as('alipay');
    const csv =
      'scanner,issuer,mode,channel,city,status,since\nalipay,unionpay,mpm,offline,110000,live,2021-01-01\nalipay,unionpay,qr,offline,999999,live,2021-13-01\n';
    const send = (links: string) => {
      const form = new FormData();
      form.append('institution', 'alipay');
      form.append('period', '2021-06');
      form.append('links', new Blob([links]), 'links.csv');
      return alipay.postForm('/api/v1/reports?dryRun=true', form);
    };
    const small = await send(csv);
    const large = await send(csv + '\n'.repeat(1024 * 1024));
    expect(small.status).toBe(422);
    expect(large.status).toBe(422);
    expect(large.body.errors).toEqual(small.body.errors);
    expect(large.body.detail).toBe(small.body.detail);
  });

  it('refuses another institution report 403, malformed JSON 400 MALFORMED_JSON and deep JSON 400 JSON_TOO_DEEP, as a small one is', async () => {
    const alipay = await app.as('alipay');
    const others = await alipay.postRaw('/api/v1/reports?dryRun=true', padded(aReport({ institution: 'tenpay' })), 'application/json');
    expect(others.status).toBe(403);
    expect(others.body.code).toBe('NOT_YOUR_INSTITUTION');
    const malformed = await alipay.postRaw('/api/v1/reports?dryRun=true', `{"institution": ${' '.repeat(1024 * 1024)}`, 'application/json');
    expect(malformed.body.code).toBe('MALFORMED_JSON');
    const deep = await alipay.postRaw(
      '/api/v1/reports?dryRun=true',
      `{"links":${'['.repeat(100)}${']'.repeat(100)}}${' '.repeat(1024 * 1024)}`,
      'application/json',
    );
    expect(deep.body.code).toBe('JSON_TOO_DEEP');
  });
});
