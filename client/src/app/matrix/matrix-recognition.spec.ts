import type { Matrix } from '../core/api/api-types';
import { countByStatus, notRecognised } from './matrix-recognition';

const cell = (scanner: string, issuer: string, status: Matrix['cells'][number]['status']) => ({
  scanner,
  issuer,
  status,
  since: '2021-03-01',
  reconciliation: 'confirmed' as const,
});

// Beijing in miniature: UnionPay and ICBC scan Alipay's codes (ICBC only in a pilot), WeChat Pay does not at all;
// Alipay scans UnionPay's codes live, ICBC's are suspended, WeChat Pay's unrecognised.
const BEIJING: Matrix = {
  period: '2021-06',
  city: '110000',
  mode: 'mpm',
  channel: 'offline',
  institutions: ['alipay', 'tenpay', 'unionpay', 'icbc'],
  cells: [
    cell('alipay', 'alipay', 'live'),
    cell('unionpay', 'alipay', 'live'),
    cell('icbc', 'alipay', 'pilot'),
    cell('alipay', 'unionpay', 'live'),
    cell('alipay', 'icbc', 'suspended'),
    cell('tenpay', 'tenpay', 'live'),
  ],
};

describe('notRecognised', () => {
  it('lists the scanners that do not recognise the institution’s codes live, with their link’s status or none', () => {
    expect(notRecognised(BEIJING, 'alipay').scanners).toEqual([
      { institution: 'tenpay', status: 'none', since: null },
      { institution: 'icbc', status: 'pilot', since: '2021-03-01' },
    ]);
  });

  it('lists the issuers whose codes the institution does not recognise live', () => {
    expect(notRecognised(BEIJING, 'alipay').issuers).toEqual([
      { institution: 'tenpay', status: 'none', since: null },
      { institution: 'icbc', status: 'suspended', since: '2021-03-01' },
    ]);
  });

  it('leaves the institution itself out and counts the others', () => {
    const result = notRecognised(BEIJING, 'tenpay');
    expect(result.others).toBe(3);
    expect(result.scanners.map((l) => l.institution)).toEqual(['alipay', 'unionpay', 'icbc']);
    expect(result.issuers.map((l) => l.institution)).toEqual(['alipay', 'unionpay', 'icbc']);
  });

  it('finds nobody when every other institution recognises the codes live both ways', () => {
    const open: Matrix = {
      ...BEIJING,
      institutions: ['alipay', 'unionpay'],
      cells: [cell('alipay', 'unionpay', 'live'), cell('unionpay', 'alipay', 'live')],
    };
    expect(notRecognised(open, 'alipay')).toEqual({ scanners: [], issuers: [], others: 1 });
  });
});

describe('countByStatus', () => {
  it('counts each status present, pilot first and no link last', () => {
    const { scanners, issuers } = notRecognised(BEIJING, 'alipay');
    expect(countByStatus([...scanners, ...issuers])).toEqual([
      { status: 'pilot', count: 1 },
      { status: 'suspended', count: 1 },
      { status: 'none', count: 2 },
    ]);
  });
});
