// Findings' Chinese explanations name link statuses, modes, channels and restrictions in Chinese,
// as the interface does, not with the English words of the reports.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CONS_GUANGZHOU, findingBy, list, NOW, reportFebruary } from '../test/findings-kit.js';
import { anAgreement, aReport, submitted } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ now: NOW });
  await reportFebruary(app);
  // DISC-002: one counterparty bound by a restriction the reporter's other agreements of the kind lack.
  await submitted(
    await app.as('cmb'),
    aReport({
      institution: 'cmb',
      period: '2021-02',
      links: [],
      agreements: [
        anAgreement({ ref: 'CMB-1', counterparty: 'alipay', kind: 'marketing', restrictions: ['tying'] }),
        anAgreement({ ref: 'CMB-2', counterparty: 'tenpay', kind: 'marketing' }),
      ],
    }),
  );
});
afterAll(() => app.close());

const ENGLISH_TERMS =
  /\b(live|pilot|planned|suspended|offline|online|own-group-only|no-competitor-codes|steering|data-sharing-required|minimum-volume|tying)\b/;

it('a disputed link’s Chinese explanation says its status in Chinese (状态为运行, not 状态为 live)', async () => {
  const analyst = await app.as('analyst');
  const disputed = await findingBy(analyst, CONS_GUANGZHOU);
  expect(disputed.explanationZh).toContain('线下商户码（mpm）的状态为运行');
  expect(disputed.explanationZh).not.toMatch(ENGLISH_TERMS);
});

it('no finding’s Chinese explanation holds an English status, channel or restriction', async () => {
  const { items } = await list(await app.as('analyst'), 'status=open,acknowledged,confirmed,dismissed,resolved&pageSize=100');
  expect(items.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['CONS-001', 'DISC-002', 'EXCL-001', 'RECIP-001']));
  expect(items.filter((f) => ENGLISH_TERMS.test(f.explanationZh)).map((f) => [f.ruleId, f.explanationZh])).toEqual([]);
});

it('no rule’s Chinese description names a setting or a restriction by its English id', async () => {
  const { items } = (await (await app.as('analyst')).get('/api/v1/rules')).body as { items: { id: string; description: { zh: string } }[] };
  expect(items.length).toBeGreaterThan(5);
  const english = /feeSpreadBps|highRatio|minOtherScanners|minOtherIssuers|dueDay|own-group-only|no-competitor-codes|\bnull\b/;
  expect(items.filter((r) => english.test(r.description.zh)).map((r) => [r.id, r.description.zh])).toEqual([]);
});

// Chinese writes its dates as the page beside them does (LocaleFormat, zh-CN): 2021年2月, 2021年1月1日.
const ISO_DATE_OR_PERIOD = /\d{4}-\d{2}/;

it('no finding’s Chinese explanation writes a date or a period in ISO form', async () => {
  const { items } = await list(await app.as('analyst'), 'status=open,acknowledged,confirmed,dismissed,resolved&pageSize=100');
  expect(items.filter((f) => ISO_DATE_OR_PERIOD.test(f.explanationZh)).map((f) => [f.ruleId, f.explanationZh])).toEqual([]);
});
