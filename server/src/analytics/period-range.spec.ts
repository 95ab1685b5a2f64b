import { describe, expect, it } from 'vitest';
import { Invalid } from '../domain/errors.js';
import { coverageRange } from './period-range.js';

const REPORTED = ['2020-01', '2020-06', '2021-12'];
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof Invalid ? e.errors?.[0].code : String(e);
  }
  return 'no error';
};

describe('the periods a coverage question covers', () => {
  it('runs by=period from the first to the latest reported period by default', () => {
    expect(coverageRange({ by: 'period' }, REPORTED)).toEqual({ from: '2020-01', to: '2021-12' });
    expect(coverageRange({ by: 'period', from: '2021-01' }, REPORTED)).toEqual({ from: '2021-01', to: '2021-12' });
  });

  it('looks at `to`, default the latest reported period, in the other views', () => {
    expect(coverageRange({ by: 'city' }, REPORTED)).toEqual({ from: '2021-12', to: '2021-12' });
    expect(coverageRange({ by: 'province', to: '2020-06' }, REPORTED)).toEqual({ from: '2020-06', to: '2020-06' });
  });

  it('lets a default yield to the other end asked for', () => {
    expect(coverageRange({ by: 'period', to: '2019-06' }, REPORTED)).toEqual({ from: '2019-06', to: '2019-06' });
    expect(coverageRange({ by: 'period', from: '2022-03' }, REPORTED)).toEqual({ from: '2022-03', to: '2022-03' });
  });

  it('has nothing to cover when a default is needed and nothing has been reported', () => {
    expect(coverageRange({ by: 'period' }, [])).toBeNull();
    expect(coverageRange({ by: 'period', from: '2021-01', to: '2021-02' }, [])).toEqual({ from: '2021-01', to: '2021-02' });
  });

  it('rejects from after to, from outside by=period, and ranges over 240 periods', () => {
    expect(codeOf(() => coverageRange({ by: 'period', from: '2021-02', to: '2021-01' }, REPORTED))).toBe('BAD_RANGE');
    expect(codeOf(() => coverageRange({ by: 'city', from: '2021-01' }, REPORTED))).toBe('NOT_APPLICABLE');
    expect(codeOf(() => coverageRange({ by: 'period', from: '2000-01', to: '2019-12' }, REPORTED))).toBe('no error');
    expect(codeOf(() => coverageRange({ by: 'period', from: '2000-01', to: '2020-01' }, REPORTED))).toBe('RANGE_TOO_LONG');
  });

  it('runs back at most `defaultLength` periods by default, and up to `max` periods when asked', () => {
    const history = { defaultLength: 24, max: 120 };
    expect(coverageRange({ by: 'period' }, REPORTED, history)).toEqual({ from: '2020-01', to: '2021-12' });
    expect(coverageRange({ by: 'period', to: '2023-06' }, REPORTED, history)).toEqual({ from: '2021-07', to: '2023-06' });
    expect(coverageRange({ by: 'period', to: '2019-06' }, REPORTED, history)).toEqual({ from: '2019-06', to: '2019-06' });
    expect(codeOf(() => coverageRange({ by: 'period', from: '2012-01', to: '2021-12' }, REPORTED, history))).toBe('no error');
    expect(codeOf(() => coverageRange({ by: 'period', from: '2011-12', to: '2021-12' }, REPORTED, history))).toBe('RANGE_TOO_LONG');
  });
});
