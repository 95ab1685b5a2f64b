// A finding's history in both languages: what the rule engine notes has a Chinese form (noteZh);
// a person's note stays in its author's words.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { detail, findingBy, NOW, setStatus } from '../test/findings-kit.js';
import { anAgreement, aReport, submitted } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ now: NOW });
});
afterAll(() => app.close());

it('when the rule engine opens, updates and resolves a finding, each system entry has its note in Chinese, and a person’s note has none', async () => {
  const alipay = await app.as('alipay');
  const analyst = await app.as('analyst');
  const exclusive = (text?: string) =>
    anAgreement({ ref: 'A-EX', counterparty: 'unionpay', kind: 'acceptance', exclusive: true, ...(text ? { text } : {}) });
  await submitted(alipay, aReport({ institution: 'alipay', period: '2021-01', links: [], agreements: [exclusive()] }));
  const { id } = await findingBy(analyst, 'EXCL-001|alipay|A-EX|unionpay');
  await setStatus(analyst, id, 'acknowledged', 'Asked Alipay for the contract.');
  const corrected = await submitted(
    alipay,
    aReport({ institution: 'alipay', period: '2021-01', links: [], agreements: [exclusive('signed again')] }),
  );
  await submitted(alipay, aReport({ institution: 'alipay', period: '2021-02', links: [], agreements: [] }));

  const history = (await detail(analyst, id)).history.map(({ actor, note, noteZh }) => ({ actor, note, noteZh }));
  expect(history).toEqual([
    { actor: 'system', note: 'EXCL-001 holds in 2021-01', noteZh: 'EXCL-001 在2021年1月成立' },
    { actor: 'analyst', note: 'Asked Alipay for the contract.', noteZh: null },
    {
      actor: 'system',
      note: `evidence updated: report ${corrected.id} v2 (alipay 2021-01) agreement A-EX`,
      noteZh: `证据已更新：报告 ${corrected.id} 第 2 版（alipay 2021年1月）协议 A-EX`,
    },
    { actor: 'system', note: 'no longer holds in 2021-02; last held in 2021-01', noteZh: '在2021年2月已不再成立；最后成立于2021年1月' },
  ]);
});
