import type { Matrix } from '../core/api/api-types';
import { matrixCsv, matrixCsvName } from './matrix-csv';

const MATRIX: Matrix = {
  period: '2021-06',
  city: '110000',
  mode: 'mpm',
  channel: 'offline',
  institutions: ['alipay', 'odd'],
  cells: [{ scanner: 'odd', issuer: 'alipay', status: 'pilot', since: '2021-03-01', reconciliation: 'disputed' }],
};
const NAMES: Record<string, { name: string; nameZh: string }> = {
  alipay: { name: 'Alipay', nameZh: '支付宝' },
  odd: { name: 'Pay, "Quick" & Co', nameZh: '=快付' },
};
const BEIJING = { name: 'Beijing', nameZh: '北京市' };

describe('matrixCsv', () => {
  const text = matrixCsv(MATRIX, BEIJING, (id) => NAMES[id]);
  const lines = text.slice(1).split('\r\n');

  it('starts with a UTF-8 BOM, so that Excel reads the Chinese names, and ends each record with CRLF', () => {
    expect(text.startsWith('\uFEFFcity,city_name,city_name_zh,period,mode,channel,scanner,scanner_name,scanner_name_zh,issuer,')).toBe(
      true,
    );
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('writes one row per pair of the grid, "none" where no link is declared, with the filters, ids and both names', () => {
    expect(lines.slice(1, -1)).toEqual([
      '110000,Beijing,北京市,2021-06,mpm,offline,alipay,Alipay,支付宝,alipay,Alipay,支付宝,none,,',
      `110000,Beijing,北京市,2021-06,mpm,offline,alipay,Alipay,支付宝,odd,"Pay, ""Quick"" & Co",'=快付,none,,`,
      `110000,Beijing,北京市,2021-06,mpm,offline,odd,"Pay, ""Quick"" & Co",'=快付,alipay,Alipay,支付宝,pilot,2021-03-01,disputed`,
      `110000,Beijing,北京市,2021-06,mpm,offline,odd,"Pay, ""Quick"" & Co",'=快付,odd,"Pay, ""Quick"" & Co",'=快付,none,,`,
    ]);
  });

  it('falls back to the id for a name the reference data does not know', () => {
    expect(matrixCsv(MATRIX, undefined, () => undefined)).toContain(
      '110000,110000,110000,2021-06,mpm,offline,odd,odd,odd,alipay,alipay,alipay,pilot',
    );
  });

  it('names the file after the filters', () => {
    expect(matrixCsvName(MATRIX)).toBe('interop-matrix_110000_2021-06_mpm_offline.csv');
  });
});
