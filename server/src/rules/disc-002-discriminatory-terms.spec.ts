import { describe, expect, it } from 'vitest';
import { agreement, ruleInput } from '../test/rule-kit.js';
import { discriminatoryTerms as rule } from './disc-002-discriminatory-terms.js';

const P = '2026-03';
const evaluate = (agreements: ReturnType<typeof agreement>[]) => rule.evaluate(ruleInput({ period: P, reports: [{ institution: 'xa', period: P, agreements }] }), rule.defaults);

describe('DISC-002 discriminatory terms', () => {
  it('fires on a restriction that no other agreement of the same kind carries', () => {
    const hits = evaluate([agreement('TO-B1', 'bank1', { restrictions: ['steering'] }), agreement('TO-B2', 'bank2')]);
    expect(hits.map((h) => [h.fingerprint, h.subjects, h.severity])).toEqual([['DISC-002|xa|TO-B1', ['xa', 'bank1'], 'medium']]);
    expect(hits[0].explanation.en).toBe('In 2026-03, XA Wallet’s clearing agreement TO-B1 with Bank One imposes steering, which none of its 1 clearing agreements in force with other counterparties imposes.');
  });

  it('does not fire without at least one other agreement of that kind', () => {
    expect(evaluate([agreement('TO-B1', 'bank1', { restrictions: ['steering'] })])).toEqual([]);
    expect(evaluate([agreement('TO-B1', 'bank1', { restrictions: ['steering'] }), agreement('TO-B2', 'bank2', { kind: 'marketing' })])).toEqual([]);
  });

  it('does not compare two agreements with the same counterparty', () => {
    expect(evaluate([agreement('TO-B1', 'bank1', { restrictions: ['steering'] }), agreement('TO-B1-BIS', 'bank1')])).toEqual([]);
  });

  it('does not fire when another agreement of the kind carries the same restriction', () => {
    expect(evaluate([agreement('TO-B1', 'bank1', { restrictions: ['steering'] }), agreement('TO-B2', 'bank2', { restrictions: ['steering'] })])).toEqual([]);
  });

  it('does not compare with an agreement that expired the day before the period', () => {
    expect(evaluate([agreement('TO-B1', 'bank1', { restrictions: ['tying'] }), agreement('TO-B2', 'bank2', { expires: '2026-02-28' })])).toEqual([]);
  });
});
