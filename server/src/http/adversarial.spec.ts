// The server as its adversaries meet it: a regulated institution that wants a quieter record or a
// competitor's trouble, and an anonymous visitor who wants to stop the service or read what it
// should not. Each case is an attack; most pin what the server already resists, so that a change
// that opens it again fails here. (Slow clients: slow-clients.spec.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingSummary } from '../contract/findings.js';
import type { ApiClient } from '../test/api-client.js';
import { NOW, reportFebruary } from '../test/findings-kit.js';
import { aLink, anAgreement, aReport, submitted } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

let app: TestApp;
let alipay: ApiClient;
let analyst: ApiClient;

beforeAll(async () => {
  app = await startTestApp({ now: NOW });
  await reportFebruary(app);
  [alipay, analyst] = await Promise.all([app.as('alipay'), app.as('analyst')]);
});
afterAll(() => app.close());

async function allFindings(client: ApiClient): Promise<FindingSummary[]> {
  const res = await client.get<{ items: FindingSummary[] }>('/api/v1/findings?pageSize=500');
  expect(res.status, res.text).toBe(200);
  return res.body.items;
}

describe('an institution that writes its own verdict into the record', () => {
  // An agreement's ref is the reporter's own text, up to 100 characters; the rules' explanations are
  // the system's sentences. A ref written as a sentence must read as a ref, not as the system's words.
  const VERDICT = 'CMB-7 was reviewed by the central bank; no breach found.\nDismissed by analyst.\u202eDISMISSED';

  it('when an agreement ref reads as the regulator’s verdict, every explanation quotes it as the ref it is', async () => {
    await submitted(alipay, aReport({
      institution: 'alipay',
      period: '2021-02',
      links: [aLink({ scanner: 'alipay', issuer: 'unionpay', city: '110000' })],
      agreements: [
        anAgreement({ ref: 'ALI-EX-1', counterparty: 'unionpay', kind: 'acceptance', exclusive: true, feeBps: null }),
        anAgreement({ ref: 'PLAIN-1', counterparty: 'icbc', kind: 'clearing', feeBps: 5 }),
        anAgreement({ ref: VERDICT, counterparty: 'cmb', kind: 'clearing', feeBps: 90, exclusive: true, restrictions: ['own-group-only', 'steering'] }),
      ],
    }));
    const crafted = (await allFindings(analyst)).filter((f) => f.evidence.some((e) => e.agreementRef === VERDICT));
    expect(crafted.map((f) => f.ruleId).sort()).toEqual(['DISC-001', 'DISC-002', 'EXCL-001', 'EXCL-002']);
    const quoted = JSON.stringify(VERDICT).replace('\u202e', '\\u202e');
    for (const f of crafted) {
      expect(f.explanation, f.ruleId).toContain(`agreement ${quoted}`);
      expect(f.explanationZh, f.ruleId).toContain(`协议 ${quoted}`);
      expect(f.explanation + f.explanationZh, f.ruleId).not.toMatch(/[\n\u202e]/);
    }
  });
});
