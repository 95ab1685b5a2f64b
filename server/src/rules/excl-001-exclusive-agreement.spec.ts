import { describe, expect, it } from 'vitest';
import { agreement, ruleInput } from '../test/rule-kit.js';
import { exclusiveAgreement as rule } from './excl-001-exclusive-agreement.js';

const hitsFor = (agreements: ReturnType<typeof agreement>[], period = '2026-03') =>
  rule.evaluate(ruleInput({ period, reports: [{ institution: 'xa', period: '2026-03', agreements }] }), rule.defaults);

describe('EXCL-001 exclusive agreement', () => {
  it('fires on an exclusive agreement in force, naming both parties, with the agreement as evidence', () => {
    const [hit, ...rest] = hitsFor([agreement('XA-1', 'bank1', { exclusive: true, kind: 'acceptance' })]);
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ fingerprint: 'EXCL-001|xa|XA-1|bank1', subjects: ['xa', 'bank1'], severity: 'high', city: null });
    expect(hit.evidence).toEqual([{ reportId: 1, version: 1, institution: 'xa', period: '2026-03', agreementRef: 'XA-1' }]);
    expect(hit.explanation.en).toBe(
      'XA Wallet’s acceptance agreement "XA-1" with Bank One (effective since 2025-01-01) is exclusive; it is in force in 2026-03.',
    );
    expect(hit.explanation.zh).toContain('XA钱包与一号银行的受理协议 "XA-1"');
  });

  it('fires on a no-competitor-codes restriction without the exclusive flag', () => {
    expect(hitsFor([agreement('XA-2', 'bank1', { restrictions: ['no-competitor-codes'] })]).map((h) => h.fingerprint)).toEqual([
      'EXCL-001|xa|XA-2|bank1',
    ]);
  });

  it('makes another finding when the reporter reuses a ref for another counterparty', () => {
    const a = hitsFor([agreement('XA-1', 'bank1', { exclusive: true })]);
    const b = hitsFor([agreement('XA-1', 'bank2', { exclusive: true })]);
    expect(b[0].fingerprint).not.toBe(a[0].fingerprint);
    expect(b[0]).toMatchObject({ fingerprint: 'EXCL-001|xa|XA-1|bank2', subjects: ['xa', 'bank2'] });
  });

  it('does not fire on an agreement with other restrictions only', () => {
    expect(hitsFor([agreement('XA-3', 'bank1', { restrictions: ['steering', 'tying'] })])).toEqual([]);
  });

  it('counts an agreement in force from the last day of the period and up to the first day, but not beyond', () => {
    expect(hitsFor([agreement('A', 'bank1', { exclusive: true, effective: '2026-03-31' })])).toHaveLength(1);
    expect(hitsFor([agreement('B', 'bank1', { exclusive: true, effective: '2026-04-01' })])).toHaveLength(0);
    expect(hitsFor([agreement('C', 'bank1', { exclusive: true, expires: '2026-03-01' })])).toHaveLength(1);
    // Expired the day before the period began.
    expect(hitsFor([agreement('D', 'bank1', { exclusive: true, expires: '2026-02-28' })])).toHaveLength(0);
  });

  it('keeps judging a carried-forward report in later periods', () => {
    expect(hitsFor([agreement('E', 'bank1', { exclusive: true })], '2026-06')).toHaveLength(1);
  });
});
