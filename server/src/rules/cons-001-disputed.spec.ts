import { describe, expect, it } from 'vitest';
import { link, ruleInput, type KitReport } from '../test/rule-kit.js';
import { disputedDeclaration as rule } from './cons-001-disputed.js';
import { judgingPeriod } from './engine.js';
import { exclusiveAgreement } from './excl-001-exclusive-agreement.js';

const P = '2026-03';
const evaluate = (reports: KitReport[]) => rule.evaluate(ruleInput({ period: P, reports }), rule.defaults);

describe('CONS-001 disputed declaration', () => {
  it('fires when both parties reported for the period and declare different statuses', () => {
    const hits = evaluate([
      { institution: 'bank1', period: P, links: [link('bank1', 'xa', { status: 'pilot' })] },
      { institution: 'xa', period: P, links: [link('bank1', 'xa')] },
    ]);
    expect(hits.map((h) => [h.fingerprint, h.subjects, h.severity])).toEqual([
      ['CONS-001|bank1|xa|330100|mpm|offline', ['bank1', 'xa'], 'low'],
    ]);
    expect(hits[0].explanation.en).toBe(
      'In Hangzhou (330100), Bank One declares Bank One’s recognition of XA Wallet’s merchant-presented codes (mpm, offline) as pilot, but XA Wallet declares live.',
    );
    expect(hits[0].evidence.map((e) => e.institution)).toEqual(['bank1', 'xa']);
  });

  it('says the declared statuses in Chinese words in the Chinese explanation, not pilot and live', () => {
    const hits = evaluate([
      { institution: 'bank1', period: P, links: [link('bank1', 'xa', { status: 'pilot' })] },
      { institution: 'xa', period: P, links: [link('bank1', 'xa')] },
    ]);
    expect(hits[0].explanation.zh).toMatch(/的状态为试点，但.*申报为运行。$/);
    expect(hits[0].explanation.zh).not.toMatch(/pilot|live/);
  });

  it('fires when the other party reported for the period and left the link out', () => {
    const hits = evaluate([
      { institution: 'bank1', period: P, links: [link('bank1', 'xa')] },
      { institution: 'xa', period: P, links: [] },
    ]);
    expect(hits[0].explanation.en).toContain('but XA Wallet’s report for 2026-03 leaves it out');
  });

  it('fires when the scanner reported for the period and left out the link the issuer declares, which is no link', () => {
    // XA declares Bank One scanning its codes everywhere, and suspended in Beijing; Bank One's report has another row in Guangzhou.
    const hits = evaluate([
      { institution: 'bank1', period: P, links: [link('bank1', 'xb', { city: '440100' })] },
      {
        institution: 'xa',
        period: P,
        links: [link('bank1', 'xa', { city: '*' }), link('bank1', 'xa', { city: '110000', status: 'suspended' })],
      },
    ]);
    const disputes = hits.filter((h) => h.fingerprint.startsWith('CONS-001|bank1|xa|'));
    expect(disputes.map((h) => h.city).sort()).toEqual(['110000', '330100', '440100']);
    expect(disputes.find((h) => h.city === '110000')!.explanation.en).toBe(
      'In Beijing (110000), XA Wallet declares Bank One’s recognition of XA Wallet’s merchant-presented codes (mpm, offline) as suspended, but Bank One’s report for 2026-03 leaves it out.',
    );
    expect(disputes.find((h) => h.city === '440100')!.evidence.map((e) => [e.institution, e.row])).toEqual([['xa', 0]]);
  });

  it('does not fire when both agree, nor when the other party has no report for the period', () => {
    expect(
      evaluate([
        { institution: 'bank1', period: P, links: [link('bank1', 'xa')] },
        { institution: 'xa', period: P, links: [link('bank1', 'xa')] },
      ]),
    ).toEqual([]);
    expect(
      evaluate([
        { institution: 'bank1', period: P, links: [link('bank1', 'xa', { status: 'pilot' })] },
        { institution: 'xa', period: '2026-02', links: [link('bank1', 'xa')] },
      ]),
    ).toEqual([]);
  });

  it('is judged at the latest period both parties reported, not at a later one that only one of them or a third institution reported', () => {
    const reportedPeriods = new Map([
      ['bank1', new Set(['2026-01', '2026-02', '2026-03'])],
      ['xa', new Set(['2026-01', '2026-02'])],
      ['xb', new Set(['2026-04'])],
    ]);
    const world = { reportedPeriods };
    expect(judgingPeriod(world, '2026-04', rule, ['bank1', 'xa'])).toBe('2026-02');
    expect(judgingPeriod(world, '2026-04', exclusiveAgreement, ['bank1', 'xa'])).toBe('2026-04');
    // Parties that never reported together: judged like any other finding.
    expect(judgingPeriod(world, '2026-04', rule, ['xa', 'xb'])).toBe('2026-04');
  });
});
