import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingSummary } from '../contract/findings.js';
import type { ApiClient } from '../test/api-client.js';
import { detail, list } from '../test/findings-kit.js';
import { aLink, anAgreement, aReport, submitted } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

// The evidence standard (DESIGN, "Reports"): a finding that names an institution as the one at
// fault rests on that institution's own declarations; a counterparty's word alone yields at most
// CONS-001. And an agreement rule's finding is about one agreement: reporter, ref and counterparty.

const SHENZHEN = '440300';
let app: TestApp;
let analyst: ApiClient;

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2022-01-20T08:00:00Z') });
  analyst = await app.as('analyst');
});
afterAll(() => app.close());

const summaries = async (query: string): Promise<FindingSummary[]> => (await list(analyst, query)).items;
const shown = (fs: FindingSummary[]) => fs.map((f) => `${f.fingerprint} ${f.status}`);

describe('a competitor’s word alone', () => {
  // WeChat Pay reports November and December, never declaring that it scans Alipay's codes. Alipay
  // corrects November to declare that WeChat Pay does, in Shenzhen, and reports it suspended in December.
  beforeAll(async () => {
    const alipay = await app.as('alipay');
    const tenpay = await app.as('tenpay');
    for (const period of ['2021-11', '2021-12']) {
      await submitted(
        tenpay,
        aReport({ institution: 'tenpay', period, links: [aLink({ scanner: 'tenpay', issuer: 'unionpay', city: '*' })] }),
      );
    }
    await submitted(alipay, aReport({ period: '2021-11', links: [aLink({ city: '*' })] }));
    const tenpaysLink = (status: 'live' | 'suspended') => aLink({ scanner: 'tenpay', issuer: 'alipay', city: SHENZHEN, status });
    await submitted(alipay, aReport({ period: '2021-11', links: [aLink({ city: '*' }), tenpaysLink('live')] }));
    await submitted(alipay, aReport({ period: '2021-12', links: [aLink({ city: '*' }), tenpaysLink('suspended')] }));
  });

  it('opens no SUSP-001 against the scanner that never declared the link; the dispute is CONS-001', async () => {
    expect(await summaries('rule=SUSP-001')).toEqual([]);
    expect(shown(await summaries('rule=CONS-001&institution=tenpay'))).toEqual([`CONS-001|tenpay|alipay|${SHENZHEN}|mpm|offline open`]);
    const [dispute] = await summaries('rule=CONS-001&institution=tenpay');
    expect(dispute.explanation).toContain('WeChat Pay’s report for 2021-12 leaves it out');
    expect(dispute.evidence.map((e) => e.institution)).toEqual(['alipay']);
  });

  it('shows no such link in the matrix or among the scanner’s links, in either month', async () => {
    for (const period of ['2021-11', '2021-12']) {
      const res = await analyst.get<{ cells: { scanner: string; issuer: string }[] }>(
        `/api/v1/matrix?city=${SHENZHEN}&period=${period}&mode=mpm&channel=offline`,
      );
      expect(res.status, res.text).toBe(200);
      expect(res.body.cells.map((c) => `${c.scanner}>${c.issuer}`)).toEqual(['alipay>unionpay', 'tenpay>unionpay']);
      const links = await analyst.get<{ groups: { links: { scanner: string; issuer: string }[] }[] }>(
        `/api/v1/institutions/tenpay/links?period=${period}`,
      );
      expect(links.body.groups.flatMap((g) => g.links).some((l) => l.issuer === 'alipay')).toBe(false);
    }
  });
});

describe('an agreement ref reused for another counterparty', () => {
  // UnionPay, in November, signs an exclusive agreement RT-EXCL-1 with Cloud QuickPass' rival WeChat
  // Pay; in December it reports the same ref with Alipay as the counterparty.
  const exclusive = (counterparty: string, feeBps: number) =>
    anAgreement({ ref: 'RT-EXCL-1', counterparty, kind: 'acceptance', exclusive: true, feeBps });
  beforeAll(async () => {
    const unionpay = await app.as('unionpay');
    await submitted(unionpay, aReport({ institution: 'unionpay', period: '2021-11', links: [], agreements: [exclusive('tenpay', 30)] }));
    await submitted(unionpay, aReport({ institution: 'unionpay', period: '2021-12', links: [], agreements: [exclusive('alipay', 45)] }));
  });

  it('makes a finding about the new counterparty, and the first one resolves keeping its own terms', async () => {
    expect(shown(await summaries('rule=EXCL-001')).sort()).toEqual([
      'EXCL-001|unionpay|RT-EXCL-1|alipay open',
      'EXCL-001|unionpay|RT-EXCL-1|tenpay resolved',
    ]);
    const [withAlipay] = await summaries('rule=EXCL-001&institution=alipay');
    expect(withAlipay).toMatchObject({ subjects: ['unionpay', 'alipay'], firstPeriod: '2021-12' });
    const [withTenpay] = await summaries('rule=EXCL-001&institution=tenpay');
    expect(withTenpay).toMatchObject({ subjects: ['unionpay', 'tenpay'], lastPeriod: '2021-11' });
    // WeChat Pay reads its own agreement's finding, nothing of Alipay's.
    const seenByTenpay = await detail(await app.as('tenpay'), withTenpay.id);
    expect(seenByTenpay.explanation).toContain('WeChat Pay');
    expect(seenByTenpay.explanation).not.toContain('Alipay');
    // Alipay reads the finding that names it.
    expect((await (await app.as('alipay')).get(`/api/v1/findings/${withAlipay.id}`)).status).toBe(200);
  });
});
