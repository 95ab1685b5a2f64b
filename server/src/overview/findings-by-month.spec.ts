import { describe, expect, it } from 'vitest';
import { findingsByMonth } from './findings-by-month.js';

const PERIODS = ['2021-01', '2021-02', '2021-03'];

describe('findings by month', () => {
  it('opens a finding in its first period', () => {
    expect(findingsByMonth(PERIODS, [{ firstPeriod: '2021-02', n: 3 }], [])).toEqual([
      { period: '2021-01', opened: 0, resolved: 0 },
      { period: '2021-02', opened: 3, resolved: 0 },
      { period: '2021-03', opened: 0, resolved: 0 },
    ]);
  });

  it('resolves a finding in the first period in which it no longer held', () => {
    const months = findingsByMonth(PERIODS, [], [{ lastPeriod: '2021-01', holds: false, heldInSomePeriod: true, n: 2 }]);
    expect(months.map((m) => m.resolved)).toEqual([0, 2, 0]);
  });

  it('resolves in its last period a finding a report for that period took away, or one resolved by hand while it holds', () => {
    const months = findingsByMonth(
      PERIODS,
      [],
      [
        { lastPeriod: '2021-02', holds: false, heldInSomePeriod: false, n: 1 },
        { lastPeriod: '2021-02', holds: true, heldInSomePeriod: true, n: 4 },
      ],
    );
    expect(months.map((m) => m.resolved)).toEqual([0, 5, 0]);
  });

  it('leaves out what falls outside the periods shown', () => {
    const months = findingsByMonth(
      PERIODS,
      [{ firstPeriod: '2020-12', n: 1 }],
      [{ lastPeriod: '2021-03', holds: false, heldInSomePeriod: true, n: 1 }],
    );
    expect(months.every((m) => m.opened === 0 && m.resolved === 0)).toBe(true);
  });
});
