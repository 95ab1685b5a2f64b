import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreement, ruleInput } from '../test/rule-kit.js';
import { discriminatoryFee as rule } from './disc-001-discriminatory-fee.js';

const P = '2026-03';
const evaluate = (agreements: ReturnType<typeof agreement>[], settings = rule.defaults) =>
  rule.evaluate(ruleInput({ period: P, reports: [{ institution: 'xa', period: P, agreements }] }), settings);

describe('DISC-001 discriminatory fee', () => {
  it('does not fire when the spread equals feeSpreadBps', () => {
    expect(evaluate([agreement('TO-B1', 'bank1', { feeBps: 21 }), agreement('TO-B2', 'bank2', { feeBps: 11 })])).toEqual([]);
  });

  it('fires one basis point above the spread, high when the fee reaches highRatio times the lowest', () => {
    const [hit, ...rest] = evaluate([agreement('TO-B1', 'bank1', { feeBps: 22 }), agreement('TO-B2', 'bank2', { feeBps: 11 })]);
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ fingerprint: 'DISC-001|xa|TO-B1|bank1', subjects: ['xa', 'bank1'], severity: 'high', mode: 'mpm' });
    expect(hit.explanation.en).toBe(
      'In 2026-03, XA Wallet charges Bank One 22 bps under clearing agreement "TO-B1", 11 bps more than the lowest fee (11 bps) it charges another counterparty under its clearing agreements for the same mode (mpm).',
    );
    // The cheaper counterparty is named only in the evidence, which the charged institution does not see.
    expect(hit.explanation.en + hit.explanation.zh).not.toMatch(/Bank Two|二号银行|TO-B2/);
    expect(hit.evidence.map((e) => e.agreementRef)).toEqual(['TO-B1', 'TO-B2']);
  });

  it('is medium below highRatio times the lowest', () => {
    expect(evaluate([agreement('TO-B1', 'bank1', { feeBps: 25 }), agreement('TO-B2', 'bank2', { feeBps: 14 })])[0].severity).toBe('medium');
    expect(
      evaluate([agreement('TO-B1', 'bank1', { feeBps: 25 }), agreement('TO-B2', 'bank2', { feeBps: 14 })], {
        feeSpreadBps: 10,
        highRatio: 1.5,
      })[0].severity,
    ).toBe('high');
  });

  it('compares only agreements of one kind covering one mode', () => {
    expect(evaluate([agreement('TO-B1', 'bank1', { feeBps: 50 }), agreement('TO-B2', 'bank2', { feeBps: 5, kind: 'technical' })])).toEqual(
      [],
    );
    expect(
      evaluate([
        agreement('TO-B1', 'bank1', { feeBps: 50 }),
        agreement('TO-B2', 'bank2', { feeBps: 5, scope: { cities: ['*'], modes: ['cpm'], channels: ['offline'] } }),
      ]),
    ).toEqual([]);
  });

  it('makes one finding of an agreement covering two modes, with the worse severity of the two', () => {
    const both = { cities: ['*'], modes: ['mpm' as const, 'cpm' as const], channels: ['offline' as const] };
    const hits = evaluate([
      agreement('TO-B1', 'bank1', { feeBps: 30, scope: both }),
      agreement('MPM-B2', 'bank2', { feeBps: 18 }),
      agreement('CPM-B2', 'bank2', { feeBps: 10, scope: { ...both, modes: ['cpm'] } }),
    ]);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ fingerprint: 'DISC-001|xa|TO-B1|bank1', mode: null, severity: 'high' });
    expect(hits[0].explanation.en).toContain('20 bps more than the lowest fee (10 bps)');
    expect(hits[0].explanation.en).toContain('(cpm, mpm)');
  });

  it('counts no fee (null) as 0 bps', () => {
    expect(
      evaluate([agreement('TO-B1', 'bank1', { feeBps: 11 }), agreement('TO-B2', 'bank2', { feeBps: null })]).map((h) => h.fingerprint),
    ).toEqual(['DISC-001|xa|TO-B1|bank1']);
  });

  it('ignores an agreement that expired the day before the period', () => {
    expect(
      evaluate([agreement('TO-B1', 'bank1', { feeBps: 50 }), agreement('TO-B2', 'bank2', { feeBps: 5, expires: '2026-02-28' })]),
    ).toEqual([]);
  });

  it('honours a changed feeSpreadBps', () => {
    const agreements = [agreement('TO-B1', 'bank1', { feeBps: 30 }), agreement('TO-B2', 'bank2', { feeBps: 10 })];
    expect(evaluate(agreements, { feeSpreadBps: 20, highRatio: 2 })).toEqual([]);
    expect(evaluate(agreements, { feeSpreadBps: 19, highRatio: 2 })).toHaveLength(1);
  });

  it('compares each agreement with the cheapest agreement of another counterparty, the first of equal fees', () => {
    const rows = fc.array(
      fc.record({ counterparty: fc.constantFrom('bank1', 'bank2', 'xa-bank'), fee: fc.constantFrom(null, 5, 10, 16, 21, 40) }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(rows, (rows) => {
        const agreements = rows.map((r, i) => agreement(`A-${i}`, r.counterparty, { feeBps: r.fee }));
        const fee = (a: (typeof agreements)[number]) => a.feeBps ?? 0;
        // The rule as stated: each agreement against every other counterparty's, one by one.
        const expected = agreements.flatMap((a) => {
          const others = agreements.filter((o) => o.counterparty !== a.counterparty);
          if (others.length === 0) return [];
          const lowest = others.reduce((min, o) => (fee(o) < fee(min) ? o : min));
          return fee(a) - fee(lowest) > rule.defaults.feeSpreadBps ? [[`DISC-001|xa|${a.ref}|${a.counterparty}`, a.ref, lowest.ref]] : [];
        });
        expect(evaluate(agreements).map((h) => [h.fingerprint, ...h.evidence.map((e) => e.agreementRef)])).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
