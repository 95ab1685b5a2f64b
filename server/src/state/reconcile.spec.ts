import { describe, expect, it } from 'vitest';
import {
  addDeclaration,
  linkSources,
  reconcileDeclarations,
  reconcileKeyedPairs,
  reconcilePairs,
  reconcileStatuses,
  type Declaration,
  type PairDeclarations,
  type StateLink,
} from './reconcile.js';

const live = (scanner: string, issuer: string, status: Declaration['status'] = 'live'): Declaration => ({
  scanner,
  issuer,
  status,
  since: '2021-01-01',
});

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

  it('uses the issuer’s declaration alone, unconfirmed, while the scanner has no report as of the period', () => {
    const state = reconcileDeclarations(
      [{ institution: 'unionpay', period: '2021-06', declarations: [live('tenpay', 'unionpay', 'pilot')] }],
      '2021-06',
    );
    expect(state).toEqual([{ ...live('tenpay', 'unionpay', 'pilot'), reconciliation: 'unconfirmed' }]);
  });

  it('leaves out a link the scanner’s report for the period leaves out, keeping the issuer’s word apart as disputed', () => {
    // Alipay declares WeChat Pay scanning its codes; WeChat Pay reported the month and declares no such link.
    const omitted: StateLink[] = [];
    const state = reconcileDeclarations(
      [
        { institution: 'alipay', period: '2021-11', declarations: [live('tenpay', 'alipay')] },
        { institution: 'tenpay', period: '2021-11', declarations: [live('tenpay', 'unionpay')] },
      ],
      '2021-11',
      omitted,
    );
    expect(state).toEqual([{ ...live('tenpay', 'unionpay'), reconciliation: 'unconfirmed' }]);
    expect(omitted).toEqual([{ ...live('tenpay', 'alipay'), reconciliation: 'disputed' }]);
  });

  it('leaves out a link the scanner’s earlier report, carried forward, leaves out: absent, and not disputed', () => {
    const omitted: StateLink[] = [];
    const state = reconcileDeclarations(
      [
        { institution: 'unionpay', period: '2021-06', declarations: [live('tenpay', 'unionpay', 'suspended')] },
        { institution: 'tenpay', period: '2021-04', declarations: [] },
      ],
      '2021-06',
      omitted,
    );
    expect(state).toEqual([]);
    expect(omitted).toEqual([{ ...live('tenpay', 'unionpay', 'suspended'), reconciliation: 'unconfirmed' }]);
  });

  it('is unconfirmed when the other party has never reported', () => {
    const state = reconcileDeclarations([{ institution: 'alipay', period: '2021-06', declarations: [live('alipay', 'icbc')] }], '2021-06');
    expect(state[0].reconciliation).toBe('unconfirmed');
  });

  it('confirms an institution’s recognition of its own codes', () => {
    const state = reconcileDeclarations(
      [{ institution: 'alipay', period: '2021-01', declarations: [live('alipay', 'alipay')] }],
      '2021-06',
    );
    expect(state[0].reconciliation).toBe('confirmed');
  });

  it('gives the statuses reconcilePairs gives, in its order, without the evidence', () => {
    // Every kind of pair: both agree, both differ, one omits, only the issuer, never reported, its own codes; out of order.
    const reports = [
      {
        institution: 'wechat',
        period: '2021-06',
        declarations: [
          live('wechat', 'icbc'),
          live('wechat', 'alipay', 'pilot'),
          live('wechat', 'wechat'),
          live('wechat', 'cmb', 'suspended'),
        ],
      },
      {
        institution: 'alipay',
        period: '2021-06',
        declarations: [live('wechat', 'alipay'), live('alipay', 'wechat'), live('cmb', 'alipay', 'planned')],
      },
      { institution: 'cmb', period: '2021-05', declarations: [live('wechat', 'cmb', 'suspended'), live('cmb', 'unionpay')] },
      { institution: 'unionpay', period: '2021-06', declarations: [] },
    ];
    const byPair = new Map<string, PairDeclarations>();
    for (const r of reports) for (const d of r.declarations) addDeclaration(byPair, r.institution, d);
    const periodOf = new Map(reports.map((r) => [r.institution, r.period]));
    const omitted: StateLink[] = [];
    const expected = reconcilePairs(byPair.values(), periodOf, '2021-06', omitted).map(
      ({ scanner, issuer, status, since, reconciliation }) => ({ scanner, issuer, status, since, reconciliation }),
    );
    expect(new Set(expected.map((l) => l.reconciliation))).toEqual(new Set(['confirmed', 'disputed', 'unconfirmed']));
    // CMB's report leaves out the link Alipay declares: no cell.
    expect(omitted.map((l) => `${l.scanner}>${l.issuer}`)).toEqual(['cmb>alipay']);
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
      [alipay, { ...live('icbc', 'alipay'), row: 3 }],
      [alipay, { ...live('cmb', 'alipay'), row: 4 }],
    ];
    for (const [report, d] of declared) addDeclaration(byPair, report.institution, d, undefined, report);
    // ICBC reported, declaring nothing.
    const periodOf = new Map([wechat, alipay, { institution: 'icbc', period: '2021-04' }].map((r) => [r.institution, r.period]));
    const { links, byKey, omitted } = reconcileKeyedPairs(byPair, periodOf, '2021-06');
    const omittedInOrder: StateLink[] = [];
    expect(links).toEqual(reconcilePairs(byPair.values(), periodOf, '2021-06', omittedInOrder));
    // ICBC's report leaves out its scanning of Alipay's codes; CMB has no report, so Alipay's word stands.
    expect([...omitted]).toEqual(omittedInOrder.map((l) => [`${l.scanner}|${l.issuer}`, l]));
    expect([...omitted.keys()]).toEqual(['icbc|alipay']);
    expect(byKey.get('cmb|alipay')?.reconciliation).toBe('unconfirmed');
    expect([...byKey]).toEqual(links.map((l) => [`${l.scanner}|${l.issuer}`, l]));
    expect(linkSources(byKey.get('wechat|alipay')!)).toEqual([
      { reportId: 1, version: 1, institution: 'wechat', period: '2021-06', row: 1 },
      { reportId: 2, version: 3, institution: 'alipay', period: '2021-05', row: 0 },
    ]);
    expect(linkSources(byKey.get('alipay|wechat')!)).toEqual([
      { reportId: 2, version: 3, institution: 'alipay', period: '2021-05', row: 1 },
    ]);
  });
});
