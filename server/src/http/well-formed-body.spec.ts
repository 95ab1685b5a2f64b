// Text that is not well-formed Unicode (a lone surrogate, spelt "\ud800" in JSON) is refused in any
// JSON body: storage would keep U+FFFD instead, and what was hashed would no longer be what is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../test/api-client.js';
import { findingBy, NOW, RECIP_BEIJING, reportFebruary, detail } from '../test/findings-kit.js';
import { aLink, anAgreement, aReport } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

const LONE = '\ud800';

let app: TestApp;
let admin: ApiClient;
let analyst: ApiClient;
let findingId: number;

beforeAll(async () => {
  app = await startTestApp({ now: NOW });
  await reportFebruary(app);
  admin = await app.as('admin');
  analyst = await app.as('analyst');
  ({ id: findingId } = await findingBy(analyst, RECIP_BEIJING));
});
afterAll(() => app.close());

const counts = async () => ({
  reports: (await admin.get('/api/v1/reports')).body.total as number,
  audit: (await admin.get('/api/v1/audit')).body.total as number,
});

describe('a JSON body holding a lone surrogate', () => {
  it('when a report agreement’s ref holds one, answers 422 BAD_TEXT at its path, stores nothing and records the refusal as any other', async () => {
    const alipay = await app.as('alipay');
    const before = await counts();
    const report = aReport({ period: '2021-03', links: [aLink()], agreements: [anAgreement({ ref: `RT-${LONE}1` })] });
    const res = await alipay.post('/api/v1/reports', report);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual([expect.objectContaining({ code: 'BAD_TEXT', path: '$.agreements[0].ref' })]);
    expect(await counts()).toEqual({ reports: before.reports, audit: before.audit + 1 });
    expect((await admin.get('/api/v1/audit?action=report.rejected')).body.items[0]).toMatchObject({
      actor: 'alipay',
      action: 'report.rejected',
    });
    expect((await admin.get('/api/v1/audit/verify')).body).toMatchObject({ ok: true });
  });

  it('when an agreement’s text, a link or a key holds one, names every place', async () => {
    const report = aReport({
      period: '2021-03',
      links: [aLink(), aLink({ city: `3100${LONE}0` })],
      agreements: [{ ...anAgreement({ text: `terms ${'\udc00'}` }), [`x${LONE}`]: 1 }],
    });
    const res = await (await app.as('alipay')).post('/api/v1/reports?dryRun=true', report);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { code: string; path: string }) => [e.code, e.path]).sort()).toEqual([
      ['BAD_TEXT', '$.agreements[0].text'],
      ['BAD_TEXT', `$.agreements[0].x${LONE}`],
      ['BAD_TEXT', '$.links[1].city'],
    ]);
  });

  it('when a comment holds one, answers 422 BAD_TEXT and stores no comment; paired surrogates are welcome', async () => {
    const unionpay = await app.as('unionpay');
    const before = (await detail(analyst, findingId)).comments.length;
    const res = await unionpay.post(`/api/v1/findings/${findingId}/comments`, { text: `ok ${LONE}` });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ code: 'BAD_TEXT', path: '$.text' })]);
    expect((await detail(analyst, findingId)).comments).toHaveLength(before);
    const paired = await unionpay.post(`/api/v1/findings/${findingId}/comments`, { text: 'ok 😀 𠀀' });
    expect(paired.status).toBe(201);
    expect(paired.body.text).toBe('ok 😀 𠀀');
  });

  it('when a new user, an institution or a status note holds one, answers 422 BAD_TEXT and stores nothing', async () => {
    const before = await counts();
    const user = await admin.post('/api/v1/users', { username: 'ghost', password: `long-enough-${LONE}`, role: 'analyst' });
    const institution = await admin.post('/api/v1/institutions', {
      id: 'mipay',
      name: `Mi${LONE}Pay`,
      nameZh: '小米支付',
      kind: 'wallet',
      group: 'xiaomi',
      systemic: false,
    });
    const note = await analyst.patch(`/api/v1/findings/${findingId}`, { status: 'dismissed', note: `fine${LONE}` });
    for (const [res, path] of [
      [user, '$.password'],
      [institution, '$.name'],
      [note, '$.note'],
    ] as const) {
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ code: 'BAD_TEXT', path })]);
    }
    expect(await counts()).toEqual(before);
    expect((await detail(analyst, findingId)).status).toBe('open');
  });
});
