import { describe, expect, it } from 'vitest';
import { addDeclaration, linkSources, reconcileDeclarations, reconcileKeyedPairs, reconcilePairs, reconcileStatuses, type Declaration, type PairDeclarations } from './reconcile.js';

const live = (scanner: string, issuer: string, status: Declaration['status'] = 'live'): Declaration => ({ scanner, issuer, status, since: '2021-01-01' });

describe('reconciling declarations as of a period', () => {
  it('confirms a link both parties declare with the same status', () => {
    const state = reconcileDeclarations(
      [
        { institution: 'alipay', period: '2021-06', declarations: [live('alipay', 'unionpay')] },
        { institution: 'unionpay', period: '2021-05', declarations: [live('alipay', 'unionpay')] },
      ],
      '2021-06',
    );
    expect(state).toEqual([{ ...live('alipay', 'unionpay'), reconciliation: 'confirmed', otherStatus: 'live' }]);
  });

  it('takes the scanner’s status and calls it disputed when both reported for the period and differ', () => {
    const state = reconcileDeclarations(
      [
        { institution: 'cmb', period: '2021-06', declarations: [live('cmb', 'alipay', 'pilot')] },
        { institution: 'alipay', period: '2021-06', declarations: [live('cmb', 'alipay', 'live')] },
      ],
      '2021-06',
    );
    expect(state).toEqual([{ ...live('cmb', 'alipay', 'pilot'), reconciliation: 'disputed', otherStatus: 'live' }]);
  });

  it('calls an omission by the other party disputed when both reported for the period', () => {
    const state = reconcileDeclarations(
      [
        { institution: 'alipay', period: '2021-06', declarations: [live('alipay', 'unionpay')] },
        { institution: 'unionpay', period: '2021-06', declarations: [] },
      ],
      '2021-06',
    );
    expect(state[0].reconciliation).toBe('disputed');
  });

  it('uses the issuer’s declaration when only the issuer declared, unconfirmed while the scanner has no report for the period', () => {
    const state = reconcileDeclarations(
      [
        { institution: 'unionpay', period: '2021-06', declarations: [live('tenpay', 'unionpay', 'pilot')] },
        { institution: 'tenpay', period: '2021-04', declarations: [] },
      ],
      '2021-06',
    );
    expect(state).toEqual([{ ...live('tenpay', 'unionpay', 'pilot'), reconciliation: 'unconfirmed' }]);
  });

  it('is unconfirmed when the other party has never reported', () => {
    const state = reconcileDeclarations([{ institution: 'alipay', period: '2021-06', declarations: [live('alipay', 'icbc')] }], '2021-06');
    expect(state[0].reconciliation).toBe('unconfirmed');
  });

  it('confirms an institution’s recognition of its own codes', () => {
    const state = reconcileDeclarations([{ institution: 'alipay', period: '2021-01', declarations: [live('alipay', 'alipay')] }], '2021-06');
    expect(state[0].reconciliation).toBe('confirmed');
  });

  it('gives the statuses reconcilePairs gives, in its order, without the evidence', () => {
    // Every kind of pair: both agree, both differ, one omits, only the issuer, never reported, its own codes; out of order.
    const reports = [
      { institution: 'wechat', period: '2021-06', declarations: [live('wechat', 'icbc'), live('wechat', 'alipay', 'pilot'), live('wechat', 'wechat'), live('wechat', 'cmb', 'suspended')] },
      { institution: 'alipay', period: '2021-06', declarations: [live('wechat', 'alipay'), live('alipay', 'wechat'), live('cmb', 'alipay', 'planned')] },
      { institution: 'cmb', period: '2021-05', declarations: [live('wechat', 'cmb', 'suspended'), live('cmb', 'unionpay')] },
      { institution: 'unionpay', period: '2021-06', declarations: [] },
    ];
    const byPair = new Map<string, PairDeclarations>();
    for (const r of reports) for (const d of r.declarations) addDeclaration(byPair, r.institution, d);
    const periodOf = new Map(reports.map((r) => [r.institution, r.period]));
    const expected = reconcilePairs(byPair.values(), periodOf, '2021-06').map(({ scanner, issuer, status, since, reconciliation }) => ({ scanner, issuer, status, since, reconciliation }));
    expect(new Set(expected.map((l) => l.reconciliation))).toEqual(new Set(['confirmed', 'disputed', 'unconfirmed']));
    expect(reconcileStatuses(byPair.values(), periodOf, '2021-06')).toEqual(expected);
  });

  it('gives by key what reconcilePairs gives, each link under its pair’s key, in the same order, with each party’s report and row', () => {
    const wechat = { id: 1, version: 1, institution: 'wechat', period: '2021-06' };
    const alipay = { id: 2, version: 3, institution: 'alipay', period: '2021-05' };
    const byPair = new Map<string, PairDeclarations>();
    const declared: [typeof wechat, Declaration][] = [
      [wechat, { ...live('wechat', 'icbc'), row: 0 }],
      [wechat, { ...live('wechat', 'alipay', 'pilot'), row: 1 }],
      [alipay, { ...live('wechat', 'alipay'), row: 0 }],
      [alipay, { ...live('alipay', 'wechat'), row: 1 }],
      [alipay, { ...live('alipay', 'alipay'), row: 2 }],
    ];
    for (const [report, d] of declared) addDeclaration(byPair, report.institution, d, undefined, report);
    const periodOf = new Map([wechat, alipay].map((r) => [r.institution, r.period]));
    const { links, byKey } = reconcileKeyedPairs(byPair, periodOf, '2021-06');
    expect(links).toEqual(reconcilePairs(byPair.values(), periodOf, '2021-06'));
    expect([...byKey]).toEqual(links.map((l) => [`${l.scanner}|${l.issuer}`, l]));
    expect(linkSources(byKey.get('wechat|alipay')!)).toEqual([
      { reportId: 1, version: 1, institution: 'wechat', period: '2021-06', row: 1 },
      { reportId: 2, version: 3, institution: 'alipay', period: '2021-05', row: 0 },
    ]);
    expect(linkSources(byKey.get('alipay|wechat')!)).toEqual([{ reportId: 2, version: 3, institution: 'alipay', period: '2021-05', row: 1 }]);
  });
});
