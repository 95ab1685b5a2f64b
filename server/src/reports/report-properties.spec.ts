// Property-based: random valid reports round-trip exactly through the API; a random valid report
// with one field broken is rejected whole, with an error naming that field, and nothing is stored.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agreement, Link } from '../contract/reports.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import type { ApiClient } from '../test/api-client.js';

const REPORTER = 'alipay';
const OTHERS = ['tenpay', 'unionpay', 'icbc', 'cmb'];
const CITIES = ['110000', '310000', '440100', '440300', '330100', '510100', '420100', '320100'];
const MODES = ['mpm', 'cpm'] as const;
const CHANNELS = ['offline', 'online'] as const;

const day = fc.integer({ min: 0, max: 900 }).map((n) => new Date(Date.UTC(2019, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));

const linkArb: fc.Arbitrary<Link> = fc
  .record({
    other: fc.constantFrom(...OTHERS),
    reporterScans: fc.boolean(),
    mode: fc.constantFrom(...MODES),
    channel: fc.constantFrom(...CHANNELS),
    city: fc.constantFrom(...CITIES),
    status: fc.constantFrom('live', 'pilot', 'planned', 'suspended' as const),
    since: day,
  })
  .map(({ other, reporterScans, ...rest }) => ({
    scanner: reporterScans ? REPORTER : other,
    issuer: reporterScans ? other : REPORTER,
    ...rest,
  }));

const agreementArb = (ref: string): fc.Arbitrary<Agreement> =>
  fc.record({
    ref: fc.constant(ref),
    counterparty: fc.constantFrom(...OTHERS),
    kind: fc.constantFrom('acceptance', 'clearing', 'technical', 'marketing' as const),
    exclusive: fc.boolean(),
    feeBps: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
    scope: fc.record({
      cities: fc.uniqueArray(fc.constantFrom('*', ...CITIES), { minLength: 1, maxLength: 3 }).map((c) => (c.includes('*') ? ['*'] : c)),
      modes: fc.uniqueArray(fc.constantFrom(...MODES), { minLength: 1, maxLength: 2 }),
      channels: fc.uniqueArray(fc.constantFrom(...CHANNELS), { minLength: 1, maxLength: 2 }),
    }),
    restrictions: fc.uniqueArray(
      fc.constantFrom('own-group-only', 'no-competitor-codes', 'steering', 'data-sharing-required', 'minimum-volume', 'tying' as const),
      { maxLength: 2 },
    ),
    effective: day,
    expires: fc.constant(null),
    text: fc.string({ maxLength: 40, unit: 'grapheme' }),
  });

/** Links unique by what identifies them (a report may not repeat one), agreements by ref. */
const validReport = fc
  .record({
    period: fc.constantFrom('2021-03', '2021-04', '2021-05', '2021-06'),
    links: fc.uniqueArray(linkArb, { maxLength: 25, selector: (l) => `${l.scanner}|${l.issuer}|${l.mode}|${l.channel}|${l.city}` }),
    agreementCount: fc.integer({ min: 0, max: 3 }),
  })
  .chain(({ period, links, agreementCount }) =>
    fc
      .tuple(...Array.from({ length: agreementCount }, (_, i) => agreementArb(`REF-${i + 1}`)))
      .map((agreements) => ({ institution: REPORTER, period, links, agreements })),
  );

type Report = { institution: string; period: string; links: Link[]; agreements: Agreement[] };

/** One way to break one field, and the path (as the API names it) that an error must point at. */
const breakages: ((r: Report) => { report: unknown; path: string } | null)[] = [
  (r) =>
    r.links.length
      ? {
          report: { ...r, links: r.links.map((l, i) => (i === r.links.length - 1 ? { ...l, mode: 'xpm' } : l)) },
          path: `links[${r.links.length - 1}].mode`,
        }
      : null,
  (r) =>
    r.links.length
      ? { report: { ...r, links: r.links.map((l, i) => (i === 0 ? { ...l, city: '999999' } : l)) }, path: 'links[0].city' }
      : null,
  (r) =>
    r.links.length
      ? { report: { ...r, links: r.links.map((l, i) => (i === 0 ? { ...l, since: '2021-02-30' } : l)) }, path: 'links[0].since' }
      : null,
  (r) =>
    r.links.length
      ? { report: { ...r, links: r.links.map((l, i) => (i === 0 ? { ...l, status: 7 } : l)) }, path: 'links[0].status' }
      : null,
  (r) =>
    r.agreements.length
      ? { report: { ...r, agreements: r.agreements.map((a, i) => (i === 0 ? { ...a, feeBps: -1 } : a)) }, path: 'agreements[0].feeBps' }
      : null,
  (r) =>
    r.agreements.length
      ? { report: { ...r, agreements: r.agreements.map((a, i) => (i === 0 ? { ...a, kind: 'bribery' } : a)) }, path: 'agreements[0].kind' }
      : null,
  (r) => ({ report: { ...r, period: '2021-13' }, path: 'period' }),
];

let app: TestApp;
let alipay: ApiClient;
beforeAll(async () => {
  // A hundred submissions a minute is the point here, not the rate limit.
  app = await startTestApp({ now: new Date('2021-07-01T00:00:00Z'), env: { SUBMISSIONS_PER_MINUTE: '100000' } });
  alipay = await app.as(REPORTER);
});
afterAll(() => app.close());

/** "links[3].mode" from an error's path, whichever way the API spells it. */
const pathOf = (e: { path?: string | (string | number)[] }) =>
  (Array.isArray(e.path) ? e.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('') : String(e.path ?? ''))
    .replace(/^\$?\.?/, '')
    .replace(/\.\[/g, '[');

describe('reports, property-based', () => {
  it('round-trips every valid report exactly', async () => {
    await fc.assert(
      fc.asyncProperty(validReport, async (report) => {
        const res = await alipay.post('/api/v1/reports', report);
        expect(res.status, res.text).toBe(201);
        const stored = (await alipay.get(`/api/v1/reports/${res.body.id}`)).body;
        expect(stored.links.map(({ row: _row, ...l }: Link & { row: number }) => l)).toEqual(report.links);
        expect(stored.agreements.map(({ row: _row, ...a }: Agreement & { row: number }) => a)).toEqual(report.agreements);
      }),
      { numRuns: 40 },
    );
  });

  it('rejects a report with one broken field whole, naming the field, and stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(validReport, fc.nat(), async (report, pick) => {
        const broken = breakages.map((b) => b(report)).filter((b) => b !== null);
        const { report: bad, path } = broken[pick % broken.length];
        const before = (await alipay.get('/api/v1/reports')).body.total;
        const res = await alipay.post('/api/v1/reports', bad);
        expect(res.status, res.text).toBe(422);
        expect(res.body.errors.map(pathOf), res.text).toContain(path);
        expect((await alipay.get('/api/v1/reports')).body.total).toBe(before);
      }),
      { numRuns: 60 },
    );
  });
});
