// A regulated institution attacking cases, and anyone attacking the answers' words: what one subject
// of a case may learn of the other, what a case's triage and thread may be made to do, and what the
// language and the "did you mean" suggestions cost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../contract/audit.js';
import type { ApiClient } from '../test/api-client.js';
import { NOW, caseDetail, caseOf, cases, reportCases } from '../test/cases-kit.js';
import { detail } from '../test/findings-kit.js';
import { aLink, aReport } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

describe('a hostile subject of a case', () => {
  let app: TestApp;
  let analyst: ApiClient;
  let disputed: string;
  beforeAll(async () => {
    app = await startTestApp({ now: NOW, env: { COMMENTS_PER_HOUR: '3' } });
    await reportCases(app);
    analyst = await app.as('analyst');
    disputed = (await caseOf(analyst, 'CONS-001')).id;
  });
  afterAll(() => app.close());

  it('never shows one subject’s case comment to the other subject, on the case or on any of its findings', async () => {
    const said = await (await app.as('alipay')).post(`/api/v1/cases/${disputed}/comments`, { text: 'ICBC inflates its declarations.' });
    expect(said.status, said.text).toBe(201);
    const icbc = await app.as('icbc');
    const seen = await caseDetail(icbc, disputed);
    expect(seen.comments).toEqual([]);
    for (const f of seen.findings.items) expect((await detail(icbc, f.id)).comments).toEqual([]);
    expect((await caseDetail(analyst, disputed)).comments.map((c) => c.author)).toEqual(['alipay']);
  });

  it('spends one allowance on case and finding comments alike, and audits no comment past it', async () => {
    const icbc = await app.as('icbc');
    const findingId = (await caseDetail(icbc, disputed)).findings.items[0].id;
    const answers = [
      await icbc.post(`/api/v1/cases/${disputed}/comments`, { text: 'one' }),
      await icbc.post(`/api/v1/findings/${findingId}/comments`, { text: 'two' }),
      await icbc.post(`/api/v1/cases/${disputed}/comments`, { text: 'three' }),
      await icbc.post(`/api/v1/cases/${disputed}/comments`, { text: 'four' }),
      await icbc.post(`/api/v1/findings/${findingId}/comments`, { text: 'five' }),
    ];
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 429, 429]);
    const trail = await (await app.as('auditor')).get<{ items: AuditEntry[] }>('/api/v1/audit?action=finding.comment&actor=icbc');
    expect(trail.body.items).toHaveLength(3);
  });

  it('cannot half-apply a case transition: a refused body moves none of its findings', async () => {
    const before = (await caseOf(analyst, 'CONS-001')).statuses;
    const refused = await analyst.patch(`/api/v1/cases/${disputed}`, { status: 'dismissed' });
    expect(refused.status).toBe(422);
    expect((await caseOf(analyst, 'CONS-001')).statuses).toEqual(before);
  });

  it('learns nothing of other cases by filtering, counting or sorting its own list', async () => {
    const icbc = await app.as('icbc');
    for (const query of ['institution=alipay', 'institution=unionpay', 'sort=cities', 'q=exclusive', 'rule=RECIP-001']) {
      const ids = (await cases(icbc, query)).items.map((c) => c.id);
      expect(
        ids.every((id) => id === disputed),
        query,
      ).toBe(true);
    }
  });
});

describe('the cost of the answers’ words', () => {
  let app: TestApp;
  let alipay: ApiClient;
  beforeAll(async () => {
    app = await startTestApp({ now: new Date('2021-12-20T08:00:00Z') });
    alipay = await app.as('alipay');
  });
  afterAll(() => app.close());

  it('reads an Accept-Language of hundreds of q-values quickly, weighing them rightly (a larger header is refused with 431)', async () => {
    const many = Array.from({ length: 500 }, (_, i) => `x${i};q=0.${(i % 8) + 1}`).join(',');
    const bad = aReport({ period: '2021-06', links: [aLink({ mode: 'qr' as never })] });
    const started = Date.now();
    const english = await alipay.post('/api/v1/reports?dryRun=true', bad, { 'accept-language': `${many},en;q=0.95` });
    const chinese = await alipay.post('/api/v1/reports?dryRun=true', bad, { 'accept-language': `${many},zh;q=1` });
    expect(Date.now() - started).toBeLessThan(2000);
    expect([english.status, chinese.status]).toEqual([422, 422]);
    expect(english.body.title).toBe('Validation failed');
    expect(chinese.body.title).toBe('校验未通过');
  });

  it('looks up the nearest id of at most 1000 unknown ids, however many distinct long ones a report holds', async () => {
    const id = (i: number) => `z${String(i).padStart(6, '0')}${'q'.repeat(32)}`;
    const links = Array.from({ length: 20_000 }, (_, i) => aLink({ scanner: 'alipay', issuer: id(i), city: String(900000 + (i % 99999)) }));
    const started = Date.now();
    const res = await alipay.post('/api/v1/reports?dryRun=true', aReport({ period: '2021-06', links }));
    expect(Date.now() - started).toBeLessThan(8000);
    expect(res.status).toBe(422);
    expect(res.body.errors).toHaveLength(1000);
  });

  it('lists at most 1000 warnings beside a refused report’s errors', async () => {
    const cities = (await alipay.get<{ items: { code: string }[] }>('/api/v1/cities')).body.items.map((c) => c.code);
    const links = cities.flatMap((city) =>
      (['mpm', 'cpm'] as const).flatMap((mode) =>
        (['offline', 'online'] as const).map((channel) =>
          aLink({ scanner: 'alipay', issuer: 'unionpay', city, mode, channel, since: '2021-09-01' }),
        ),
      ),
    );
    expect(links.length).toBeGreaterThan(1000);
    // One malformed row refuses the report; every well-formed row's since after June is a warning.
    const res = await alipay.post(
      '/api/v1/reports?dryRun=true',
      aReport({ period: '2021-06', links: [aLink({ mode: 'qr' as never }), ...links] }),
    );
    expect(res.status).toBe(422);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.warnings).toHaveLength(1000);
  });
});
