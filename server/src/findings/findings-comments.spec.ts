import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../test/api-client.js';
import { NOW, RECIP_BEIJING, reportFebruary, findingBy, detail } from '../test/findings-kit.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

describe('commenting on a finding', () => {
  let app: TestApp;
  let analyst: ApiClient;
  let id: number;
  beforeAll(async () => {
    app = await startTestApp({ now: NOW });
    await reportFebruary(app);
    analyst = await app.as('analyst');
    ({ id } = await findingBy(analyst, RECIP_BEIJING));
  });
  afterAll(() => app.close());

  it('lets analysts, admins and a subject institution comment, and shows the comments in order', async () => {
    const byAnalyst = await analyst.post(`/api/v1/findings/${id}/comments`, { text: 'Please explain why Alipay’s codes are not scanned.' });
    expect(byAnalyst.status).toBe(201);
    expect(byAnalyst.body).toEqual({
      id: expect.any(Number),
      at: NOW.toISOString(),
      author: 'analyst',
      role: 'analyst',
      institution: null,
      text: 'Please explain why Alipay’s codes are not scanned.',
    });
    const byUnionpay = await (
      await app.as('unionpay')
    ).post(`/api/v1/findings/${id}/comments`, { text: '  Roll-out planned for April.  ' });
    expect(byUnionpay.status).toBe(201);
    expect(byUnionpay.body).toMatchObject({
      author: 'unionpay',
      role: 'institution',
      institution: 'unionpay',
      text: 'Roll-out planned for April.',
    });
    expect((await (await app.as('admin')).post(`/api/v1/findings/${id}/comments`, { text: '跟进中' })).status).toBe(201);
    expect((await detail(analyst, id)).comments.map((c) => [c.author, c.text])).toEqual([
      ['analyst', 'Please explain why Alipay’s codes are not scanned.'],
      ['unionpay', 'Roll-out planned for April.'],
      ['admin', '跟进中'],
    ]);
    // UnionPay's reply is to the regulator: the other subject sees only the central bank's comments.
    expect((await detail(await app.as('alipay'), id)).comments.map((c) => c.author)).toEqual(['analyst', 'admin']);
  });

  it('answers 404 to an institution that is not a subject, and 403 to an auditor', async () => {
    expect((await (await app.as('tenpay')).post(`/api/v1/findings/${id}/comments`, { text: 'Hello' })).status).toBe(404);
    expect((await (await app.as('auditor')).post(`/api/v1/findings/${id}/comments`, { text: 'Hello' })).status).toBe(403);
    expect((await detail(analyst, id)).comments.map((c) => c.author)).not.toContain('auditor');
  });

  it('answers 422 EMPTY_COMMENT to a comment without text, and 404 for a missing finding', async () => {
    const before = (await detail(analyst, id)).comments.length;
    for (const text of ['', '   ']) {
      const res = await analyst.post(`/api/v1/findings/${id}/comments`, { text });
      expect(res.status).toBe(422);
      expect(res.body.errors[0]).toMatchObject({ code: 'EMPTY_COMMENT', path: '$.text' });
    }
    expect((await analyst.post(`/api/v1/findings/${id}/comments`, {})).status).toBe(422);
    expect((await analyst.post('/api/v1/findings/999999/comments', { text: 'Hello' })).status).toBe(404);
    expect((await detail(analyst, id)).comments).toHaveLength(before);
  });
});

describe('commenting in quick succession', () => {
  let app: TestApp;
  let id: number;
  beforeAll(async () => {
    app = await startTestApp({ now: NOW, env: { COMMENTS_PER_HOUR: '3' } });
    await reportFebruary(app);
    ({ id } = await findingBy(await app.as('analyst'), RECIP_BEIJING));
  });
  afterAll(() => app.close());

  it('answers 429 COMMENT_RATE_LIMITED with Retry-After past COMMENTS_PER_HOUR for one institution, its users together, and lets it comment again an hour later', async () => {
    const unionpay = await app.as('unionpay');
    for (let i = 0; i < 3; i++) expect((await unionpay.post(`/api/v1/findings/${id}/comments`, { text: `Reply ${i}` })).status).toBe(201);
    for (const client of [unionpay, await app.as('unionpay')]) {
      const res = await client.post(`/api/v1/findings/${id}/comments`, { text: 'One more' });
      expect(res.status).toBe(429);
      expect(res.body.code).toBe('COMMENT_RATE_LIMITED');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    const analyst = await app.as('analyst');
    expect((await analyst.post(`/api/v1/findings/${id}/comments`, { text: 'Noted.' })).status).toBe(201);
    expect((await detail(analyst, id)).comments.filter((c) => c.author === 'unionpay')).toHaveLength(3);
    app.setNow(new Date(NOW.getTime() + 60 * 60 * 1000));
    expect((await (await app.as('unionpay')).post(`/api/v1/findings/${id}/comments`, { text: 'Later' })).status).toBe(201);
  });
});
