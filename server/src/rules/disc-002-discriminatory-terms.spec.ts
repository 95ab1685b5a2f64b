import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreement, ruleInput } from '../test/rule-kit.js';
import { discriminatoryTerms as rule } from './disc-002-discriminatory-terms.js';

const P = '2026-03';
const evaluate = (agreements: ReturnType<typeof agreement>[]) =>
  rule.evaluate(ruleInput({ period: P, reports: [{ institution: 'xa', period: P, agreements }] }), rule.defaults);

describe('DISC-002 discriminatory terms', () => {
  it('fires on a restriction that no other agreement of the same kind carries', () => {
    const hits = evaluate([agreement('TO-B1', 'bank1', { restrictions: ['steering'] }), agreement('TO-B2', 'bank2')]);
    expect(hits.map((h) => [h.fingerprint, h.subjects, h.severity])).toEqual([['DISC-002|xa|TO-B1|bank1', ['xa', 'bank1'], 'medium']]);
    expect(hits[0].explanation.en).toBe(
      'In 2026-03, XA Wallet’s clearing agreement "TO-B1" with Bank One imposes steering, which none of its 1 clearing agreements in force with other counterparties imposes.',
    );
  });

  it('does not fire without at least one other agreement of that kind', () => {
    expect(evaluate([agreement('TO-B1', 'bank1', { restrictions: ['steering'] })])).toEqual([]);
    expect(
      evaluate([agreement('TO-B1', 'bank1', { restrictions: ['steering'] }), agreement('TO-B2', 'bank2', { kind: 'marketing' })]),
    ).toEqual([]);
  });

  it('does not compare two agreements with the same counterparty', () => {
    expect(evaluate([agreement('TO-B1', 'bank1', { restrictions: ['steering'] }), agreement('TO-B1-BIS', 'bank1')])).toEqual([]);
  });

  it('does not fire when another agreement of the kind carries the same restriction', () => {
    expect(
      evaluate([agreement('TO-B1', 'bank1', { restrictions: ['steering'] }), agreement('TO-B2', 'bank2', { restrictions: ['steering'] })]),
    ).toEqual([]);
  });

  it('does not compare with an agreement that expired the day before the period', () => {
    expect(
      evaluate([agreement('TO-B1', 'bank1', { restrictions: ['tying'] }), agreement('TO-B2', 'bank2', { expires: '2026-02-28' })]),
    ).toEqual([]);
  });

  it('finds the restrictions no other counterparty’s agreement carries, as comparing with each of them would', () => {
    const rows = fc.array(
      fc.record({
        counterparty: fc.constantFrom('bank1', 'bank2', 'xa-bank'),
        restrictions: fc.subarray(['steering', 'tying', 'minimum-volume'] as const),
      }),
      { maxLength: 10 },
    );
    fc.assert(
      fc.property(rows, (rows) => {
        const agreements = rows.map((r, i) => agreement(`A-${i}`, r.counterparty, { restrictions: [...r.restrictions] }));
        // The rule as stated: each agreement against every other counterparty's, one by one.
        const expected = agreements.flatMap((a) => {
          const others = agreements.filter((o) => o.counterparty !== a.counterparty);
          const only = a.restrictions.filter((r) => !others.some((o) => o.restrictions.includes(r)));
          return others.length > 0 && only.length > 0
            ? [
                [
                  `DISC-002|xa|${a.ref}|${a.counterparty}`,
                  `imposes ${only.join(', ')}, which none of its ${others.length} `,
                  [a, ...others].map((o) => o.ref),
                ],
              ]
            : [];
        });
        const found = evaluate(agreements).map((h) => [
          h.fingerprint,
          /imposes .*, which none of its \d+ /.exec(h.explanation.en)?.[0],
          h.evidence.map((e) => e.agreementRef),
        ]);
        expect(found).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
