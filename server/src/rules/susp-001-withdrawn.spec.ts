import { describe, expect, it } from 'vitest';
import { link, ruleInput, type KitReport } from '../test/rule-kit.js';
import { withdrawnInterconnection as rule } from './susp-001-withdrawn.js';

const evaluate = (period: string, reports: KitReport[]) => rule.evaluate(ruleInput({ period, reports }), rule.defaults);
const february: KitReport = { institution: 'bank1', period: '2026-02', links: [link('bank1', 'xa', { city: '*' })] };

describe('SUSP-001 withdrawn interconnection', () => {
  it('fires when a link live last month is suspended now, in every city it covered', () => {
    const hits = evaluate('2026-03', [
      february,
      { institution: 'bank1', period: '2026-03', links: [link('bank1', 'xa', { city: '*', status: 'suspended', since: '2026-03-05' })] },
    ]);
    expect(hits.map((h) => h.city).sort()).toEqual(['110000', '330100', '440100']);
    const hangzhou = hits.find((h) => h.city === '330100')!;
    expect(hangzhou).toMatchObject({ fingerprint: 'SUSP-001|bank1|xa|330100|mpm|offline', subjects: ['bank1', 'xa'], severity: 'medium' });
    expect(hangzhou.explanation.en).toBe(
      'In Hangzhou (330100), Bank One’s recognition of XA Wallet’s merchant-presented codes (mpm, offline) was live in 2026-02 and is suspended since 2026-03-05 in 2026-03.',
    );
    expect(hangzhou.evidence.map((e) => e.reportId)).toEqual([1, 2]);
  });

  it('fires when the link is no longer declared, only in the city that lost it', () => {
    const hits = evaluate('2026-03', [
      february,
      {
        institution: 'bank1',
        period: '2026-03',
        links: [link('bank1', 'xa', { city: '110000' }), link('bank1', 'xa', { city: '440100' })],
      },
    ]);
    expect(hits.map((h) => h.city)).toEqual(['330100']);
    expect(hits[0].explanation.en).toContain('is no longer declared in 2026-03');
  });

  it('looks at the pairs of a city’s own rows in either month: one dropped, one suspended there alone', () => {
    const before: KitReport = {
      institution: 'bank1',
      period: '2026-02',
      links: [link('bank1', 'xa', { city: '*' }), link('bank1', 'xb', { city: '110000' }), link('bank1', 'xc', { city: '330100' })],
    };
    const now: KitReport = {
      institution: 'bank1',
      period: '2026-03',
      links: [
        link('bank1', 'xa', { city: '*' }),
        link('bank1', 'xa', { city: '440100', status: 'suspended', since: '2026-03-02' }),
        link('bank1', 'xc', { city: '330100' }),
      ],
    };
    const hits = evaluate('2026-03', [before, now]);
    expect(hits.map((h) => h.fingerprint).sort()).toEqual(['SUSP-001|bank1|xa|440100|mpm|offline', 'SUSP-001|bank1|xb|110000|mpm|offline']);
    const guangzhou = hits.find((h) => h.city === '440100')!;
    expect(guangzhou.explanation.en).toContain('is suspended since 2026-03-02 in 2026-03');
    expect(guangzhou.evidence.map((e) => [e.reportId, e.row])).toEqual([
      [1, 0],
      [2, 1],
    ]);
    expect(hits.find((h) => h.city === '110000')!.explanation.en).toContain('is no longer declared in 2026-03');
  });

  it('does not fire while the link stays live, nor for a link that was only a pilot', () => {
    expect(
      evaluate('2026-03', [february, { institution: 'bank1', period: '2026-03', links: [link('bank1', 'xa', { city: '*' })] }]),
    ).toEqual([]);
    const pilot: KitReport = { institution: 'bank1', period: '2026-02', links: [link('bank1', 'xa', { status: 'pilot' })] };
    expect(evaluate('2026-03', [pilot, { institution: 'bank1', period: '2026-03', links: [] }])).toEqual([]);
  });

  it('does not fire on the issuer’s word alone: the scanner reported both months and never declared the link', () => {
    // XA says Bank One scans its codes live, then suspended; Bank One's reports say nothing of it.
    const bank1 = (period: string): KitReport => ({ institution: 'bank1', period, links: [link('bank1', 'xb', { city: '*' })] });
    const xa = (period: string, status: 'live' | 'suspended'): KitReport => ({
      institution: 'xa',
      period,
      links: [link('bank1', 'xa', { city: '*', status })],
    });
    expect(evaluate('2026-03', [bank1('2026-02'), xa('2026-02', 'live'), bank1('2026-03'), xa('2026-03', 'suspended')])).toEqual([]);
  });

  it('does not fire on a link live only by the issuer’s word while the scanner had no report', () => {
    const xa = (period: string, status: 'live' | 'suspended'): KitReport => ({
      institution: 'xa',
      period,
      links: [link('bank1', 'xa', { status })],
    });
    // Bank One never reports: XA's live, then suspended.
    expect(evaluate('2026-03', [xa('2026-02', 'live'), xa('2026-03', 'suspended')])).toEqual([]);
    // Bank One's first report leaves the link out, or declares it suspended: it withdrew nothing it had declared.
    expect(evaluate('2026-03', [xa('2026-02', 'live'), { institution: 'bank1', period: '2026-03', links: [] }])).toEqual([]);
    expect(
      evaluate('2026-03', [
        xa('2026-02', 'live'),
        { institution: 'bank1', period: '2026-03', links: [link('bank1', 'xa', { status: 'suspended' })] },
      ]),
    ).toEqual([]);
  });

  it('compares with the month before only: a suspension carried on is not a new withdrawal', () => {
    const march: KitReport = { institution: 'bank1', period: '2026-03', links: [link('bank1', 'xa', { city: '*', status: 'suspended' })] };
    expect(evaluate('2026-04', [february, march])).toEqual([]);
  });
});
