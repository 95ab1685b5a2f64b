import { describe, expect, it } from 'vitest';
import { KIT_INSTITUTIONS, ruleInput, type KitReport } from '../test/rule-kit.js';
import { missingReport as rule } from './late-001-missing-report.js';

// Bank One reports October and December; XA reports every month.
const reports: KitReport[] = [
  { institution: 'bank1', period: '2025-10' },
  { institution: 'bank1', period: '2025-12' },
  ...['2025-09', '2025-10', '2025-11', '2025-12'].map((period) => ({ institution: 'xa', period })),
];
const evaluate = (period: string, now: string, settings = rule.defaults, institutions = KIT_INSTITUTIONS) =>
  rule.evaluate(ruleInput({ period, reports, now: new Date(now), institutions }), settings);

describe('LATE-001 missing report', () => {
  it('fires the day after the due day of the following month, naming the missing period', () => {
    const hits = evaluate('2025-11', '2025-12-16T00:00:00Z');
    expect(hits.map((h) => [h.fingerprint, h.subjects, h.severity])).toEqual([['LATE-001|bank1|2025-11', ['bank1'], 'low']]);
    expect(hits[0].explanation.en).toBe(
      'Bank One has not submitted its report for 2025-11, due by 2025-12-15; its report for 2025-10 is carried forward.',
    );
    expect(hits[0].evidence).toEqual([{ reportId: 1, version: 1, institution: 'bank1', period: '2025-10' }]);
  });

  it('does not fire on the due day itself, nor with a later dueDay', () => {
    expect(evaluate('2025-11', '2025-12-15T23:59:00Z')).toEqual([]);
    expect(evaluate('2025-11', '2025-12-16T00:00:00Z', { dueDay: 16 })).toEqual([]);
  });

  it('does not fire for periods before the institution’s first report', () => {
    expect(evaluate('2025-09', '2026-06-01T00:00:00Z')).toEqual([]);
  });

  it('does not fire for an inactive institution', () => {
    const inactive = KIT_INSTITUTIONS.map((i) => (i.id === 'bank1' ? { ...i, active: false } : i));
    expect(evaluate('2025-11', '2026-06-01T00:00:00Z', rule.defaults, inactive)).toEqual([]);
  });
});
