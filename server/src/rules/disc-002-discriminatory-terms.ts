// DISC-002: an agreement carries a restriction that none of the reporter's other agreements in force
// of the same kind carries.
import { z } from 'zod';
import type { AgreementInForce } from '../state/period-state.js';
import { agreementEvidence, agreementKind, quotedRef } from './evidence.js';
import { agreementFingerprint } from './fingerprints.js';
import type { Hit, Rule } from './rule.js';
import { periodZh } from '../text/chinese-dates.js';

/**
 * How many of the other agreements the evidence lists beside the one that discriminates. They all
 * come from the reporter's one report of the period, which the evidence names; listing every one
 * would make each finding's evidence as long as the set, so that a report of 2,000 agreements, half
 * of them with a restriction the other half lacks, would write 1,000 findings of 1,000 evidence rows
 * each (slow to store, and a page of findings too heavy to send) and the 10,000 a report may hold
 * would write 25 million.
 */
export const OTHERS_IN_EVIDENCE = 10;

export const discriminatoryTerms: Rule<Record<string, never>> = {
  id: 'DISC-002',
  // 2: the fingerprint names the counterparty.
  version: 2,
  defaultSeverity: 'medium',
  title: { en: 'Discriminatory terms', zh: '歧视性条款' },
  description: {
    en: 'An institution’s agreement with one counterparty carries a restriction that none of its other agreements in force of the same kind carries (when it has at least one other such agreement).',
    zh: '某机构与一家对手方的协议含有一项限制条款，而该机构同类型的其他生效协议（至少一项）均不含此条款。',
  },
  settings: z.strictObject({}),
  defaults: {},
  evaluate({ state, say, period }) {
    const sets = new Map<string, AgreementInForce[]>();
    for (const a of state.agreements) {
      const key = `${a.reporter}|${a.kind}`;
      const list = sets.get(key);
      if (list) list.push(a);
      else sets.set(key, [a]);
    }
    const hits: Hit[] = [];
    for (const agreements of sets.values()) {
      if (agreements.length < 2) continue;
      const carriers = carriersOf(agreements);
      for (const a of agreements) {
        // Other counterparties only: two agreements with the same counterparty discriminate against no one.
        const only = a.restrictions.filter((r) => carriers.get(r)!.every((c) => c === a.counterparty));
        if (only.length === 0) continue;
        const others = agreements.filter((o) => o.counterparty !== a.counterparty);
        if (others.length === 0) continue;
        const reporter = say.institution(a.reporter);
        const counterparty = say.institution(a.counterparty);
        const kind = agreementKind(a.kind);
        const imposed = say.restrictions(only);
        hits.push({
          fingerprint: agreementFingerprint('DISC-002', a),
          subjects: [a.reporter, a.counterparty],
          city: null,
          mode: null,
          channel: null,
          severity: 'medium',
          explanation: {
            en: `In ${period}, ${reporter.en}’s ${kind.en} agreement ${quotedRef(a)} with ${counterparty.en} imposes ${imposed.en}, which none of its ${others.length} ${kind.en} agreements in force with other counterparties imposes.`,
            zh: `${periodZh(period)}，${reporter.zh}与${counterparty.zh}的${kind.zh}协议 ${quotedRef(a)} 附加了${imposed.zh}条款，而其与其他对手方的 ${others.length} 项生效${kind.zh}协议均无此条款。`,
          },
          // How many agreements the reporter has with others is its business and the central bank's.
          subjectExplanation: {
            en: `In ${period}, ${reporter.en}’s ${kind.en} agreement ${quotedRef(a)} with ${counterparty.en} imposes ${imposed.en}, which none of its ${kind.en} agreements in force with other counterparties imposes.`,
            zh: `${periodZh(period)}，${reporter.zh}与${counterparty.zh}的${kind.zh}协议 ${quotedRef(a)} 附加了${imposed.zh}条款，而其与其他对手方的生效${kind.zh}协议均无此条款。`,
          },
          evidence: [agreementEvidence(a), ...others.slice(0, OTHERS_IN_EVIDENCE).map(agreementEvidence)],
        });
      }
    }
    return hits;
  },
};

/**
 * For each restriction of the set, up to two counterparties whose agreements carry it: enough to
 * tell whether anyone but a given counterparty does. A network's clearing agreements are one set
 * of some 190: comparing each with all the others grows with the square of the set, every run.
 */
function carriersOf(agreements: readonly AgreementInForce[]): Map<string, string[]> {
  const carriers = new Map<string, string[]>();
  for (const a of agreements) {
    for (const r of a.restrictions) {
      const list = carriers.get(r);
      if (!list) carriers.set(r, [a.counterparty]);
      else if (list.length < 2 && !list.includes(a.counterparty)) list.push(a.counterparty);
    }
  }
  return carriers;
}
