import type { Matrix } from '../core/api/api-types';
import { changedCells, changedSinceFrame, unionOfInstitutions } from './matrix-diff';

const matrix = (period: string, institutions: string[], cells: [string, string, Matrix['cells'][number]['status']][]): Matrix => ({
  period,
  city: '110000',
  mode: 'mpm',
  channel: 'offline',
  institutions,
  cells: cells.map(([scanner, issuer, status]) => ({ scanner, issuer, status, since: '2020-01-01', reconciliation: 'confirmed' })),
});

describe('changedCells', () => {
  it('lists links that appeared, disappeared or changed status, and nothing that stayed the same', () => {
    const before = matrix(
      '2021-02',
      ['alipay', 'unionpay', 'icbc'],
      [
        ['alipay', 'alipay', 'live'],
        ['alipay', 'unionpay', 'pilot'],
        ['icbc', 'alipay', 'live'],
      ],
    );
    const after = matrix(
      '2021-03',
      ['alipay', 'unionpay', 'icbc'],
      [
        ['alipay', 'alipay', 'live'],
        ['alipay', 'unionpay', 'live'],
        ['unionpay', 'alipay', 'live'],
      ],
    );
    expect(changedCells(before, after)).toEqual([
      { scanner: 'alipay', issuer: 'unionpay', before: 'pilot', after: 'live' },
      { scanner: 'icbc', issuer: 'alipay', before: 'live', after: 'none' },
      { scanner: 'unionpay', issuer: 'alipay', before: 'none', after: 'live' },
    ]);
  });

  it('finds no change between a matrix and itself', () => {
    const m = matrix('2021-02', ['alipay'], [['alipay', 'alipay', 'live']]);
    expect(changedCells(m, m)).toEqual([]);
  });
});

describe('unionOfInstitutions', () => {
  it('keeps the later order and adds those only the earlier matrix has', () => {
    expect(unionOfInstitutions(matrix('a', ['x', 'y', 'z'], []), matrix('b', ['y', 'x'], []))).toEqual(['y', 'x', 'z']);
  });
});

describe('changedSinceFrame', () => {
  const feb = matrix('2021-02', ['alipay', 'unionpay'], [['alipay', 'unionpay', 'pilot']]);
  const mar = matrix(
    '2021-03',
    ['alipay', 'unionpay'],
    [
      ['alipay', 'unionpay', 'live'],
      ['unionpay', 'alipay', 'live'],
    ],
  );

  it('gives the cells that changed since the previous frame of the time-lapse', () => {
    expect(changedSinceFrame(feb, mar)).toEqual([
      { scanner: 'alipay', issuer: 'unionpay', before: 'pilot', after: 'live' },
      { scanner: 'unionpay', issuer: 'alipay', before: 'none', after: 'live' },
    ]);
  });

  it('compares nothing on the first frame, on the same period again, or after the city, mode or channel changed', () => {
    expect(changedSinceFrame(undefined, mar)).toBeNull();
    expect(changedSinceFrame(mar, mar)).toBeNull();
    expect(changedSinceFrame({ ...feb, city: '440100' }, mar)).toBeNull();
    expect(changedSinceFrame({ ...feb, mode: 'cpm' }, mar)).toBeNull();
    expect(changedSinceFrame({ ...feb, channel: 'online' }, mar)).toBeNull();
  });
});
