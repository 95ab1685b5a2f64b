import { describe, expect, it } from 'vitest';
import { link, ruleInput, type KitReport } from '../test/rule-kit.js';
import { nonReciprocal as rule } from './recip-001-non-reciprocal.js';

const P = '2026-03';
const evaluate = (reports: KitReport[]) => rule.evaluate(ruleInput({ period: P, reports }), rule.defaults);

describe('RECIP-001 non-reciprocal recognition', () => {
  it('fires on the institution that does not reciprocate, in the words of the issue', () => {
    const hits = evaluate([
      { institution: 'xa', period: P, links: [link('xa', 'xb')] },
      { institution: 'xb', period: P, links: [] },
    ]);
    expect(hits.map((h) => [h.fingerprint, h.subjects])).toEqual([['RECIP-001|xb|xa|330100|mpm|offline', ['xb', 'xa']]]);
    expect(hits[0].explanation.en).toBe(
      'In Hangzhou (330100), XB Wallet’s app does not scan XA Wallet’s merchant-presented codes (mpm, offline) although XA Wallet’s app scans XB Wallet’s since 2025-12-01.',
    );
  });

  it('still fires when the return link is only a pilot', () => {
    expect(
      evaluate([
        { institution: 'xa', period: P, links: [link('xa', 'xb')] },
        { institution: 'xb', period: P, links: [link('xb', 'xa', { status: 'pilot' })] },
      ]),
    ).toHaveLength(1);
  });

  it('does not fire on an institution without a report as of the period: the other’s word alone names no one', () => {
    // XB has never reported: that XA's codes go unscanned by it, or are scanned in pilot only, is XA's word.
    expect(evaluate([{ institution: 'xa', period: P, links: [link('xa', 'xb')] }])).toEqual([]);
    expect(evaluate([{ institution: 'xa', period: P, links: [link('xa', 'xb'), link('xb', 'xa', { status: 'pilot' })] }])).toEqual([]);
    // Once XB reports, its silence is its own declaration; XA's claim that XB scans its codes counts for nothing.
    const hits = evaluate([
      { institution: 'xa', period: P, links: [link('xa', 'xb'), link('xb', 'xa')] },
      { institution: 'xb', period: '2026-01', links: [] },
    ]);
    expect(hits.map((h) => h.subjects)).toEqual([['xb', 'xa']]);
  });

  it('does not fire on mutual live recognition; a return link in another mode does not count', () => {
    expect(evaluate([{ institution: 'xa', period: P, links: [link('xa', 'xb'), link('xb', 'xa')] }])).toEqual([]);
    const hits = evaluate([
      { institution: 'xa', period: P, links: [link('xa', 'xb')] },
      { institution: 'xb', period: P, links: [link('xb', 'xa', { mode: 'cpm' })] },
    ]);
    expect(hits.map((h) => [h.mode, h.subjects])).toEqual([
      ['mpm', ['xb', 'xa']],
      ['cpm', ['xa', 'xb']],
    ]);
    // In cpm it is the merchant devices on the scanner's network that scan, not an app.
    expect(hits[1].explanation.en).toBe(
      'In Hangzhou (330100), XA Wallet’s merchant devices do not scan XB Wallet’s consumer-presented codes (cpm, offline) although XB Wallet’s merchant devices scan XA Wallet’s since 2025-12-01.',
    );
  });

  it('says a declared return link’s status in Chinese words in the Chinese explanation', () => {
    const hits = evaluate([
      { institution: 'xa', period: P, links: [link('xa', 'xb')] },
      { institution: 'xb', period: P, links: [link('xb', 'xa', { status: 'pilot' })] },
    ]);
    expect(hits[0].explanation.en).toContain('(declared pilot)');
    expect(hits[0].explanation.zh).toContain('（申报状态为试点）');
  });

  it('does not fire when either side is not systemic', () => {
    expect(evaluate([{ institution: 'xa', period: P, links: [link('xa', 'bank1'), link('bank1', 'bank1')] }])).toEqual([]);
    expect(evaluate([{ institution: 'bank1', period: P, links: [link('bank1', 'xa')] }])).toEqual([]);
  });
});
