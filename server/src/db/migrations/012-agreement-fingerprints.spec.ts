import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingSummary } from '../../contract/findings.js';
import { refreshStaleFindings } from '../../rules/run-rules.js';
import type { ApiClient } from '../../test/api-client.js';
import { detail, list, NOW, setStatus } from '../../test/findings-kit.js';
import { anAgreement, aReport, submitted } from '../../test/report-factory.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { up } from './012-agreement-fingerprints.js';

// A database from before this migration: the agreement rules' findings have fingerprints without the
// counterparty, and the rules' markers are of their earlier versions. After the migration and the
// start-up check, the same findings carry on, triage, history and comments included.
let app: TestApp;
let analyst: ApiClient;

const AGREEMENT_RULES = 'rule=EXCL-001,EXCL-002,DISC-001,DISC-002';

beforeAll(async () => {
  app = await startTestApp({ now: NOW });
  analyst = await app.as('analyst');
  await submitted(
    await app.as('alipay'),
    aReport({
      period: '2021-02',
      links: [],
      agreements: [
        anAgreement({ ref: 'A-EX', counterparty: 'unionpay', kind: 'acceptance', exclusive: true, feeBps: null }),
        anAgreement({ ref: 'A-OWN', counterparty: 'icbc', kind: 'acceptance', restrictions: ['own-group-only'], feeBps: null }),
        anAgreement({ ref: 'A-UP', counterparty: 'unionpay', kind: 'clearing', feeBps: 10 }),
        anAgreement({ ref: 'A-CMB', counterparty: 'cmb', kind: 'clearing', feeBps: 40 }),
      ],
    }),
  );
});
afterAll(() => app.close());

const agreementFindings = async (): Promise<FindingSummary[]> => (await list(analyst, `${AGREEMENT_RULES}&sort=id`)).items;

describe('the migration of agreement fingerprints', () => {
  it('lets an existing database’s findings carry on under the fingerprints that name the counterparty', async () => {
    const before = await agreementFindings();
    expect(before.map((f) => f.fingerprint).sort()).toEqual([
      'DISC-001|alipay|A-CMB|cmb',
      'DISC-002|alipay|A-OWN|icbc',
      'EXCL-001|alipay|A-EX|unionpay',
      'EXCL-002|agreement|alipay|A-OWN|icbc',
    ]);
    const byFingerprint = new Map(before.map((f) => [f.fingerprint, f.id]));
    await setStatus(analyst, byFingerprint.get('EXCL-001|alipay|A-EX|unionpay')!, 'acknowledged');
    await setStatus(analyst, byFingerprint.get('DISC-001|alipay|A-CMB|cmb')!, 'acknowledged');
    await setStatus(analyst, byFingerprint.get('DISC-001|alipay|A-CMB|cmb')!, 'dismissed', 'The fee covers a separate service.');
    const triaged = (await agreementFindings()).map((f) => [f.id, f.fingerprint, f.status]);

    // As the database was before: fingerprints without the counterparty, the rules' findings stale.
    for (const f of before) {
      const old = f.fingerprint.slice(0, f.fingerprint.lastIndexOf('|'));
      await app.ctx.db.updateTable('findings').set({ fingerprint: old }).where('id', '=', f.id).execute();
    }
    await app.ctx.db.updateTable('rule_settings').set({ applied: null }).execute();

    await up(app.ctx.db as unknown as Parameters<typeof up>[0]);
    await refreshStaleFindings(app.ctx);

    expect((await agreementFindings()).map((f) => [f.id, f.fingerprint, f.status])).toEqual(triaged);
    const dismissed = await detail(analyst, byFingerprint.get('DISC-001|alipay|A-CMB|cmb')!);
    expect(dismissed.history.map((h) => h.to)).toEqual(['open', 'acknowledged', 'dismissed']);
  });
});
