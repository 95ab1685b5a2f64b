import { describe, expect, it } from 'vitest';
import { buildPeriodState, linkBetween, reportsOnlyState, type ReportContents, type StoredLink } from './period-state.js';
import type { AsOfReport } from './repository.js';

const link = (scanner: string, issuer: string, city: string, status: StoredLink['status'] = 'live', row = 0): StoredLink => ({
  row,
  scanner,
  issuer,
  city,
  status,
  since: '2021-01-01',
});

function stateOf(reports: { report: AsOfReport; links: StoredLink[] }[]) {
  const contents: ReportContents = {
    links: (id, scope) => (scope === 'mpm|offline' ? reports.find((r) => r.report.id === id)!.links : []),
    agreements: () => [],
  };
  return buildPeriodState(
    '2021-06',
    reports.map((r) => r.report),
    ['110000', '310000', '440100'],
    contents,
  );
}

describe('building the state of a period', () => {
  const state = stateOf([
    {
      report: { id: 1, institution: 'alipay', period: '2021-06', version: 1 },
      links: [link('alipay', 'unionpay', '*'), link('alipay', 'wechat', '*', 'pilot', 1)],
    },
    { report: { id: 2, institution: 'cmb', period: '2021-06', version: 1 }, links: [link('cmb', 'alipay', '310000', 'live', 0)] },
    {
      report: { id: 3, institution: 'unionpay', period: '2021-06', version: 1 },
      links: [link('alipay', 'unionpay', '*'), link('alipay', 'unionpay', '440100', 'suspended', 1)],
    },
  ]);

  it('shares one link set among the cities without rows of their own', () => {
    expect(state.group('110000', 'mpm', 'offline')?.cities).toEqual(['110000']);
    expect(state.links('110000', 'mpm', 'offline').map((l) => [l.scanner, l.issuer, l.reconciliation])).toEqual([
      ['alipay', 'unionpay', 'confirmed'],
      ['alipay', 'wechat', 'unconfirmed'],
    ]);
  });

  it('adds a city’s own links to the shared ones, in order', () => {
    expect(state.links('310000', 'mpm', 'offline').map((l) => `${l.scanner}>${l.issuer}`)).toEqual([
      'alipay>unionpay',
      'alipay>wechat',
      'cmb>alipay',
    ]);
  });

  it('reconciles a pair again where a party declares it differently for one city', () => {
    const guangzhou = state.group('440100', 'mpm', 'offline')!;
    expect(guangzhou.links.map((l) => [l.scanner, l.issuer, l.status, l.reconciliation])).toEqual([
      ['alipay', 'unionpay', 'live', 'disputed'],
      ['alipay', 'wechat', 'pilot', 'unconfirmed'],
    ]);
    expect(linkBetween(guangzhou, 'alipay', 'unionpay')?.otherStatus).toBe('suspended');
    expect(linkBetween(guangzhou, 'alipay', 'wechat')?.status).toBe('pilot');
    expect(linkBetween(guangzhou, 'unionpay', 'alipay')).toBeUndefined();
  });
});

describe('a link the scanner’s report leaves out', () => {
  // WeChat Pay reported the month without scanning Alipay's codes; Alipay declares that it does, and
  // in Shanghai that the link is suspended. Guangzhou has a row of Alipay's own on another pair.
  const state = stateOf([
    { report: { id: 1, institution: 'tenpay', period: '2021-06', version: 1 }, links: [link('tenpay', 'unionpay', '*')] },
    {
      report: { id: 2, institution: 'alipay', period: '2021-06', version: 1 },
      links: [
        link('tenpay', 'alipay', '*'),
        link('tenpay', 'alipay', '310000', 'suspended', 1),
        link('alipay', 'tenpay', '440100', 'live', 2),
      ],
    },
  ]);
  const shown = (links: readonly { scanner: string; issuer: string; status: string; reconciliation: string }[]) =>
    links.map((l) => `${l.scanner}>${l.issuer} ${l.status} ${l.reconciliation}`);

  it('is no link in any city, and the issuer’s word is kept apart, disputed', () => {
    for (const city of ['110000', '310000', '440100']) {
      const group = state.group(city, 'mpm', 'offline')!;
      expect(linkBetween(group, 'tenpay', 'alipay'), city).toBeUndefined();
      expect(
        shown(group.links).some((l) => l.startsWith('tenpay>alipay')),
        city,
      ).toBe(false);
    }
    expect(shown(state.group('110000', 'mpm', 'offline')!.omitted)).toEqual(['tenpay>alipay live disputed']);
    // Shanghai: Alipay's own row replaces its row for every city.
    expect(shown(state.group('310000', 'mpm', 'offline')!.omitted)).toEqual(['tenpay>alipay suspended disputed']);
    const guangzhou = state.group('440100', 'mpm', 'offline')!;
    expect(shown(guangzhou.links)).toEqual(['alipay>tenpay live disputed', 'tenpay>unionpay live unconfirmed']);
    expect(shown(guangzhou.omitted)).toEqual(['tenpay>alipay live disputed']);
  });
});

describe('a state of reports only', () => {
  const state = reportsOnlyState('2021-06', [{ id: 7, institution: 'alipay', period: '2021-05', version: 2 }]);

  it('answers each institution’s as-of report and refuses to answer links or agreements', () => {
    expect(state.reports.get('alipay')).toEqual({ id: 7, institution: 'alipay', period: '2021-05', version: 2 });
    expect(() => state.links('110000', 'mpm', 'offline')).toThrow('was built with its reports only');
    expect(() => state.agreements).toThrow('was built with its reports only');
  });
});
