// DISC-001: among one institution's agreements in force of one kind covering one mode, the fee it
// charges one counterparty exceeds the lowest it charges any other by more than feeSpreadBps.
// A fee of null means no fee is charged, so it counts as 0 bps.
import { z } from 'zod';
import type { AgreementInForce } from '../state/period-state.js';
import { agreementEvidence, agreementKind, quotedRef } from './evidence.js';
import { agreementFingerprint } from './fingerprints.js';
import type { Hit, Rule } from './rule.js';
import { periodZh } from '../text/chinese-dates.js';

const settings = z.strictObject({
  feeSpreadBps: z.number().int().min(0).max(10_000),
  highRatio: z.number().min(1).max(1000),
});

const feeOf = (a: AgreementInForce) => a.feeBps ?? 0;

export const discriminatoryFee: Rule<z.infer<typeof settings>> = {
  id: 'DISC-001',
  // 2: the fingerprint names the counterparty.
  version: 2,
  defaultSeverity: 'medium',
  title: { en: 'Discriminatory fee', zh: '歧视性费率' },
  description: {
    en: 'Among an institution’s agreements in force of one kind covering one mode, the fee it charges one counterparty exceeds the lowest fee it charges any other counterparty by more than feeSpreadBps. High severity when the fee is at least highRatio times the lowest. An agreement that states no fee counts as 0 bps.',
    zh: '同一机构同类型、覆盖同一模式的生效协议中，向某一对手方收取的费率比向其他对手方收取的最低费率高出参数“高于最低费率的差额（基点）”以上。费率达到最低费率的参数“达到最低费率此倍数即为高严重程度”所设倍数及以上时为高严重度。协议未写明费率的，按 0 个基点计。',
  },
  settings,
  defaults: { feeSpreadBps: 10, highRatio: 2 },
  evaluate({ state, say, period }, s) {
    const sets = new Map<string, AgreementInForce[]>();
    for (const a of state.agreements) {
      for (const mode of a.scope.modes) {
        const key = `${a.reporter}|${a.kind}|${mode}`;
        const list = sets.get(key);
        if (list) list.push(a);
        else sets.set(key, [a]);
      }
    }
    // One finding per agreement: where it covers several modes, the widest spread speaks for it.
    const worst = new Map<string, { a: AgreementInForce; lowest: AgreementInForce; spread: number; modes: Set<string>; high: boolean }>();
    for (const [key, agreements] of sets) {
      const mode = key.split('|')[2];
      const lowestOfOthers = cheapestOfOthers(agreements);
      for (const a of agreements) {
        const lowest = lowestOfOthers(a);
        if (lowest === undefined) continue;
        const spread = feeOf(a) - feeOf(lowest);
        if (spread <= s.feeSpreadBps) continue;
        const high = feeOf(a) >= s.highRatio * feeOf(lowest);
        const fingerprint = agreementFingerprint('DISC-001', a);
        const seen = worst.get(fingerprint);
        if (!seen) worst.set(fingerprint, { a, lowest, spread, modes: new Set([mode]), high });
        else {
          seen.modes.add(mode);
          seen.high ||= high;
          if (spread > seen.spread) Object.assign(seen, { lowest, spread });
        }
      }
    }
    const hits: Hit[] = [];
    for (const [fingerprint, { a, lowest, spread, modes, high }] of worst) {
      const reporter = say.institution(a.reporter);
      const charged = say.institution(a.counterparty);
      const kind = agreementKind(a.kind);
      const modeList = [...modes].sort().join(', ');
      const modeWords = say.modes(modes);
      // The cheaper counterparty is named only in the evidence, and its fee only for the central bank
      // and the reporter: the charged institution, a subject, must not learn another's terms.
      hits.push({
        fingerprint,
        subjects: [a.reporter, a.counterparty],
        city: null,
        mode: modes.size === 1 ? (modeList as 'mpm' | 'cpm') : null,
        channel: null,
        severity: high ? 'high' : 'medium',
        explanation: {
          en: `In ${period}, ${reporter.en} charges ${charged.en} ${feeOf(a)} bps under ${kind.en} agreement ${quotedRef(a)}, ${spread} bps more than the lowest fee (${feeOf(lowest)} bps) it charges another counterparty under its ${kind.en} agreements for the same mode (${modeList}).`,
          zh: `${periodZh(period)}，${reporter.zh}依据${kind.zh}协议 ${quotedRef(a)} 向${charged.zh}收取 ${feeOf(a)} 个基点，比其同类协议、同一模式（${modeWords.zh}）下向其他对手方收取的最低费率（${feeOf(lowest)} 个基点）高出 ${spread} 个基点。`,
        },
        subjectExplanation: {
          en: `In ${period}, ${reporter.en} charges ${charged.en} ${feeOf(a)} bps under ${kind.en} agreement ${quotedRef(a)}, more than ${s.feeSpreadBps} bps above the lowest fee it charges another counterparty under its ${kind.en} agreements for the same mode (${modeList}).`,
          zh: `${periodZh(period)}，${reporter.zh}依据${kind.zh}协议 ${quotedRef(a)} 向${charged.zh}收取 ${feeOf(a)} 个基点，比其同类协议、同一模式（${modeWords.zh}）下向其他对手方收取的最低费率高出 ${s.feeSpreadBps} 个基点以上。`,
        },
        evidence: [agreementEvidence(a), agreementEvidence(lowest)],
      });
    }
    return hits;
  },
};

/**
 * For an agreement of the set, the cheapest agreement with another counterparty (the first of equal
 * fees), if any. It is one of two: the set's cheapest, or the cheapest of another counterparty than
 * that one's. A network's clearing agreements are one set of some 190: comparing each with all the
 * others grows with the square of the set, every run.
 */
function cheapestOfOthers(agreements: readonly AgreementInForce[]): (a: AgreementInForce) => AgreementInForce | undefined {
  let first: AgreementInForce | undefined;
  let second: AgreementInForce | undefined;
  for (const o of agreements) {
    if (first === undefined || feeOf(o) < feeOf(first)) {
      if (first !== undefined && first.counterparty !== o.counterparty) second = first;
      first = o;
    } else if (o.counterparty !== first.counterparty && (second === undefined || feeOf(o) < feeOf(second))) second = o;
  }
  return (a) => (first !== undefined && first.counterparty !== a.counterparty ? first : second);
}
