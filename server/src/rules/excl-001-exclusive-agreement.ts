// EXCL-001: an agreement in force that is exclusive or bars competitors' codes.
import { z } from 'zod';
import { agreementEvidence, agreementKind, quotedRef, validity } from './evidence.js';
import { agreementFingerprint } from './fingerprints.js';
import type { Rule } from './rule.js';
import { periodZh } from '../text/chinese-dates.js';

export const exclusiveAgreement: Rule<Record<string, never>> = {
  id: 'EXCL-001',
  // 2: the fingerprint names the counterparty.
  version: 2,
  defaultSeverity: 'high',
  title: { en: 'Exclusive agreement', zh: '排他性协议' },
  description: {
    en: 'An agreement in force is exclusive, or forbids accepting competitors’ codes (restriction no-competitor-codes). Exclusive payment agreements are banned.',
    zh: '生效中的协议具有排他性，或禁止受理竞争对手的支付码（“不得受理竞争方码”限制条款）。排他性支付协议被明令禁止。',
  },
  settings: z.strictObject({}),
  defaults: {},
  evaluate({ state, say, period }) {
    return state.agreements
      .filter((a) => a.exclusive || a.restrictions.includes('no-competitor-codes'))
      .map((a) => {
        const reporter = say.institution(a.reporter);
        const counterparty = say.institution(a.counterparty);
        const kind = agreementKind(a.kind);
        const when = validity(a);
        const what = {
          en: [a.exclusive ? 'is exclusive' : '', a.restrictions.includes('no-competitor-codes') ? 'bars competitors’ codes' : '']
            .filter(Boolean)
            .join(' and '),
          zh: [a.exclusive ? '具有排他性' : '', a.restrictions.includes('no-competitor-codes') ? '禁止受理竞争对手的支付码' : '']
            .filter(Boolean)
            .join('并'),
        };
        return {
          fingerprint: agreementFingerprint('EXCL-001', a),
          subjects: [a.reporter, a.counterparty],
          city: null,
          mode: null,
          channel: null,
          severity: 'high' as const,
          explanation: {
            en: `${reporter.en}’s ${kind.en} agreement ${quotedRef(a)} with ${counterparty.en} (${when.en}) ${what.en}; it is in force in ${period}.`,
            zh: `${reporter.zh}与${counterparty.zh}的${kind.zh}协议 ${quotedRef(a)}（${when.zh}）${what.zh}，在${periodZh(period)}仍然有效。`,
          },
          evidence: [agreementEvidence(a)],
        };
      });
  },
};
