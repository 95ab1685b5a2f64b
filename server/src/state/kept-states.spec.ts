// The states and report contents kept between runs: found again while a period's reports stay the
// same, never once a report replaces one of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingSummary } from '../contract/findings.js';
import { listCities } from '../reference/repository.js';
import { prepareLatestStates } from '../rules/engine.js';
import { acceptedPeriods } from './accepted-periods.js';
import { aLink, aReport, submitted } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import type { ApiClient } from '../test/api-client.js';
import { StateLoader } from './state-loader.js';

describe('states kept between runs', () => {
  let app: TestApp;
  let admin: ApiClient;
  let cities: string[];
  const loaderState = (period: string) => new StateLoader(app.ctx.db, cities, { keepStatesFrom: '2021-05' }).stateAt(period);
  const withdrawals = async () => {
    const res = await admin.get<{ items: FindingSummary[] }>('/api/v1/findings?rule=SUSP-001&pageSize=500');
    return res.body.items.map((f) => `${f.fingerprint} ${f.status}`);
  };

  beforeAll(async () => {
    app = await startTestApp({ now: new Date('2021-07-20T00:00:00Z') });
    admin = await app.as('admin');
    cities = (await listCities(app.ctx.db)).map((c) => c.code);
    for (const period of ['2021-05', '2021-06']) {
      await submitted(admin, aReport({ institution: 'alipay', period, links: [aLink({ city: '*' })] }));
      await submitted(admin, aReport({ institution: 'unionpay', period, links: [aLink({ city: '*' })] }));
    }
    await prepareLatestStates(app.ctx.db, acceptedPeriods(app.ctx));
  });
  afterAll(() => app.close());

  it('gives a later loader the state an earlier one built, while its reports are the same', async () => {
    const before = await loaderState('2021-06');
    expect(await loaderState('2021-06')).toBe(before);
    expect(await loaderState('2021-05')).not.toBe(await new StateLoader(app.ctx.db, cities).stateAt('2021-05'));
  });

  it('builds the state again from the new version when a report is replaced, and the rules see it', async () => {
    const before = await loaderState('2021-06');
    expect(await withdrawals()).toEqual([]);
    await submitted(admin, aReport({ institution: 'alipay', period: '2021-06', links: [aLink({ city: '*', status: 'suspended' })] }));
    const after = await loaderState('2021-06');
    expect(after).not.toBe(before);
    expect(after.links('110000', 'mpm', 'offline').map((l) => l.status)).toEqual(['suspended']);
    expect(before.links('110000', 'mpm', 'offline').map((l) => l.status)).toEqual(['live']);
    const beijing = (await withdrawals()).filter((f) => f.includes('|110000|'));
    expect(beijing).toEqual(['SUSP-001|alipay|unionpay|110000|mpm|offline open']);
  });
});
