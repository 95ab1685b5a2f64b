import { describe, expect, it } from 'vitest';
import { buildPeriodState, type StoredLink } from '../state/period-state.js';
import type { LinkStatus } from '../state/reconcile.js';
import { cityCoverage, coverageByInstitution, coverageByScope, meanOverCities, mutualPairs } from './coverage.js';

const SYSTEMIC = ['alipay', 'tenpay', 'unionpay'];
const link = (scanner: string, issuer: string, status: LinkStatus = 'live') => ({ scanner, issuer, status });
const both = (a: string, b: string, status: LinkStatus = 'live') => [link(a, b, status), link(b, a, status)];

describe('mutual pairs in one city', () => {
  it('counts a pair only when both directions are live', () => {
    expect(mutualPairs([...both('alipay', 'unionpay'), link('tenpay', 'unionpay')], SYSTEMIC)).toEqual([['alipay', 'unionpay']]);
  });

  it('does not count pilot, planned or suspended links', () => {
    for (const status of ['pilot', 'planned', 'suspended'] as const) {
      expect(mutualPairs([link('alipay', 'unionpay'), link('unionpay', 'alipay', status)], SYSTEMIC)).toEqual([]);
    }
  });

  it('ignores institutions outside the members and an institution scanning its own codes', () => {
    const links = [...both('alipay', 'icbc'), link('alipay', 'alipay'), ...both('tenpay', 'unionpay')];
    expect(mutualPairs(links, SYSTEMIC)).toEqual([['tenpay', 'unionpay']]);
  });
});

describe('coverage of a city', () => {
  it('is the share of the members’ unordered pairs that are mutual', () => {
    expect(cityCoverage([...both('alipay', 'unionpay'), ...both('tenpay', 'unionpay')], SYSTEMIC)).toEqual({
      coverage: 2 / 3,
      mutualPairs: 2,
      pairs: 3,
    });
    expect(cityCoverage([], ['a', 'b', 'c', 'd'])).toEqual({ coverage: 0, mutualPairs: 0, pairs: 6 });
  });

  it('has no coverage when there is no pair to count', () => {
    expect(cityCoverage([], ['alipay'])).toEqual({ coverage: null, mutualPairs: 0, pairs: 0 });
  });
});

describe('coverage of a scope of cities', () => {
  it('is the mean over its cities, each weighted equally, with counts summed', () => {
    const groups = [
      { cities: ['110000'], links: both('alipay', 'unionpay') },
      { cities: ['120000', '440100', '440300'], links: [] },
    ];
    const nation = coverageByScope(groups, SYSTEMIC, () => 'nation').get('nation');
    expect(nation).toEqual({ coverage: 1 / 3 / 4, mutualPairs: 1, pairs: 12 });
  });

  it('sums a group once per city of each scope it touches', () => {
    const groups = [{ cities: ['440100', '440300', '110000'], links: both('alipay', 'unionpay') }];
    const byProvince = coverageByScope(groups, SYSTEMIC, (city) => `${city.slice(0, 2)}0000`);
    expect(byProvince.get('440000')).toEqual({ coverage: 1 / 3, mutualPairs: 2, pairs: 6 });
    expect(byProvince.get('110000')).toEqual({ coverage: 1 / 3, mutualPairs: 1, pairs: 3 });
  });

  it('leaves out cities outside every scope, and examines their links not at all', () => {
    const untouchable = {
      cities: ['999999'],
      get links(): never {
        throw new Error('read a group outside the scope');
      },
    };
    const figures = coverageByScope([untouchable, { cities: ['110000'], links: [] }], SYSTEMIC, (city) =>
      city === '110000' ? 'x' : undefined,
    );
    expect([...figures.keys()]).toEqual(['x']);
  });

  it('averages only cities that have pairs to count', () => {
    expect(
      meanOverCities([
        { figure: { coverage: null, mutualPairs: 0, pairs: 0 }, cities: 5 },
        { figure: { coverage: 0.5, mutualPairs: 1, pairs: 2 }, cities: 1 },
      ]),
    ).toEqual({ coverage: 0.5, mutualPairs: 1, pairs: 2 });
    expect(meanOverCities([])).toEqual({ coverage: null, mutualPairs: 0, pairs: 0 });
  });
});

describe('coverage by institution', () => {
  it('gives each member the share of its pairs that are mutual, averaged over the cities in scope', () => {
    const groups = [
      { cities: ['110000'], links: [...both('alipay', 'unionpay'), ...both('tenpay', 'unionpay')] },
      { cities: ['120000'], links: both('alipay', 'unionpay') },
      { cities: ['440100'], links: both('alipay', 'tenpay') },
    ];
    const figures = coverageByInstitution(groups, SYSTEMIC, (city) => city !== '440100');
    expect(figures.get('unionpay')).toEqual({ coverage: (1 + 0.5) / 2, mutualPairs: 3, pairs: 4 });
    expect(figures.get('alipay')).toEqual({ coverage: 0.5, mutualPairs: 2, pairs: 4 });
    expect(figures.get('tenpay')).toEqual({ coverage: 0.25, mutualPairs: 1, pairs: 4 });
  });
});

describe('coverage over a period state', () => {
  // Each report declares its links; ids follow the order of the list.
  const reports = [
    { institution: 'alipay', links: [{ scanner: 'alipay', issuer: 'unionpay', city: '*' }] },
    {
      institution: 'unionpay',
      links: [
        { scanner: 'unionpay', issuer: 'alipay', city: '*' },
        { scanner: 'unionpay', issuer: 'tenpay', city: '440100' },
      ],
    },
    { institution: 'tenpay', links: [{ scanner: 'tenpay', issuer: 'unionpay', city: '440100' }] },
  ];
  const cities = ['110000', '120000', '440100', '440300'];
  const state = buildPeriodState(
    '2021-06',
    reports.map((r, i) => ({ id: i + 1, institution: r.institution, period: '2021-06', version: 1 })),
    cities,
    {
      links: (id, scope): StoredLink[] =>
        scope === 'mpm|offline' ? reports[id - 1].links.map((l, row) => ({ ...l, row, status: 'live', since: '2021-06-01' })) : [],
      agreements: () => [],
    },
  );

  it('counts a link declared for * in every city, and a city’s own links in that city only', () => {
    const groups = state.groups('mpm', 'offline');
    const byCity = coverageByScope(groups, SYSTEMIC, (city) => city);
    expect(byCity.get('110000')?.coverage).toBe(1 / 3);
    expect(byCity.get('440300')?.coverage).toBe(1 / 3);
    expect(byCity.get('440100')?.coverage).toBe(2 / 3);
    expect(coverageByScope(groups, SYSTEMIC, () => 'nation').get('nation')).toEqual({
      coverage: (3 * (1 / 3) + 2 / 3) / 4,
      mutualPairs: 5,
      pairs: 12,
    });
  });

  it('examines one link set per group of cities, not one per city', () => {
    expect(
      state
        .groups('mpm', 'offline')
        .map((g) => g.cities.length)
        .sort(),
    ).toEqual([1, 3]);
  });
});
