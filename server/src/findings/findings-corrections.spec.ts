import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../test/api-client.js';
import { NOW, detail, findingBy, list, setStatus } from '../test/findings-kit.js';
import { anAgreement, aReport, submitted } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

// A subject that corrects its report (a new version of a month) must not thereby erase a finding's
// history: the central bank's confirmation stands, the evidence it rested on stays (marked
// superseded), and the first period it held in does not move later.
describe('a finding when its subject corrects its report', () => {
  let app: TestApp;
  let analyst: ApiClient;
  let alipay: ApiClient;
  beforeEach(async () => {
    app = await startTestApp({ now: NOW });
    analyst = await app.as('analyst');
    alipay = await app.as('alipay');
  });
  afterEach(() => app.close());

  const exclusive = anAgreement({ ref: 'A-EX', counterparty: 'tenpay', kind: 'acceptance', exclusive: true });
  const alipayReport = (period: string, agreements: unknown[]) => aReport({ institution: 'alipay', period, links: [], agreements });

  it('when the reporter resubmits a confirmed EXCL-001 month without the agreement, the finding stays confirmed with its evidence marked superseded and a note that the condition no longer holds', async () => {
    const january = await submitted(alipay, alipayReport('2021-01', [exclusive]));
    const { id } = await findingBy(analyst, 'EXCL-001|alipay|A-EX|tenpay');
    await setStatus(analyst, id, 'acknowledged');
    await setStatus(analyst, id, 'confirmed', 'Sanction pending.');

    const corrected = await submitted(alipay, alipayReport('2021-01', []));
    expect(corrected.version).toBe(2);

    const finding = await detail(analyst, id);
    expect(finding).toMatchObject({
      status: 'confirmed',
      holds: false,
      firstPeriod: '2021-01',
      lastPeriod: '2021-01',
      allowedTransitions: ['resolved'],
    });
    expect(finding.evidence).toEqual([
      { reportId: january.id, version: 1, institution: 'alipay', period: '2021-01', agreementRef: 'A-EX', superseded: true },
    ]);
    expect(finding.history.at(-1)).toEqual({
      at: NOW.toISOString(),
      actor: 'system',
      from: 'confirmed',
      to: 'confirmed',
      note: 'condition no longer holds as of 2021-01; it holds in no period of the reports as they stand',
      noteZh: '自2021年1月起条件不再成立；按现有报告，任何期间均不成立',
    });
    expect(finding.history.filter((h) => h.from !== h.to).map((h) => h.to)).toEqual(['open', 'acknowledged', 'confirmed']);
    expect((await list(analyst, 'status=confirmed')).total).toBe(1);
    // The subject reads the same: its finding was not undone, and the evidence is its own report.
    const seen = await detail(alipay, id);
    expect(seen).toMatchObject({ status: 'confirmed', evidence: finding.evidence });

    // A person resolves it, with a note.
    expect((await setStatus(analyst, id, 'resolved', 'Agreement terminated; sanction imposed.')).status).toBe('resolved');
  });

  it('when the reporter corrects the first month of an open finding away, keeps that month as its first period and that version’s evidence marked superseded', async () => {
    await submitted(alipay, alipayReport('2021-01', [exclusive]));
    const february = await submitted(alipay, alipayReport('2021-02', [exclusive]));
    const { id } = await findingBy(analyst, 'EXCL-001|alipay|A-EX|tenpay');
    await setStatus(analyst, id, 'acknowledged');

    const corrected = await submitted(alipay, alipayReport('2021-01', []));
    expect(corrected.version).toBe(2);

    const finding = await detail(analyst, id);
    expect(finding).toMatchObject({
      status: 'acknowledged',
      holds: true,
      firstPeriod: '2021-01',
      lastPeriod: '2021-02',
      periods: [['2021-02', '2021-02']],
    });
    expect(finding.evidence).toEqual([
      { reportId: february.id, version: 1, institution: 'alipay', period: '2021-02', agreementRef: 'A-EX' },
    ]);

    // Correcting February too leaves the finding without a period: the system resolves an
    // acknowledged finding, keeping what it rested on.
    await submitted(alipay, alipayReport('2021-02', []));
    const resolved = await detail(analyst, id);
    expect(resolved).toMatchObject({ status: 'resolved', holds: false, firstPeriod: '2021-01', lastPeriod: '2021-02', periods: [] });
    expect(resolved.evidence).toEqual([
      { reportId: february.id, version: 1, institution: 'alipay', period: '2021-02', agreementRef: 'A-EX', superseded: true },
    ]);
  });

  it('keeps the evidence of the version an open finding rested on, marked superseded, when the correction still carries the agreement', async () => {
    const january = await submitted(alipay, alipayReport('2021-01', [exclusive]));
    const { id } = await findingBy(analyst, 'EXCL-001|alipay|A-EX|tenpay');

    const corrected = await submitted(alipay, alipayReport('2021-01', [{ ...exclusive, text: 'Clause 4: exclusive acceptance.' }]));

    const finding = await detail(analyst, id);
    expect(finding).toMatchObject({ status: 'open', holds: true, firstPeriod: '2021-01' });
    expect(finding.evidence).toEqual([
      { reportId: corrected.id, version: 2, institution: 'alipay', period: '2021-01', agreementRef: 'A-EX' },
      { reportId: january.id, version: 1, institution: 'alipay', period: '2021-01', agreementRef: 'A-EX', superseded: true },
    ]);
  });
});
