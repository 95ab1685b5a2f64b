import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csvReport } from './csv-report.js';
import { decodeText } from './decode-text.js';
import { validateReport } from './validate-report.js';
import { reportSha256 } from './canonical-hash.js';
import { aLink, anAgreement } from '../test/report-factory.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const LINKS = 'scanner,issuer,mode,channel,city,status,since\nalipay,unionpay,mpm,offline,110000,live,2021-01-01\n';
const AGREEMENTS =
  'ref,counterparty,kind,exclusive,fee_bps,cities,modes,channels,restrictions,effective,expires,text\nA-1,unionpay,clearing,false,10,*,mpm,offline,,2021-01-01,,\n';
const ref = {
  institutions: new Set(['alipay', 'unionpay']),
  cities: new Set(['110000']),
  accepted: { earliest: '2015-01', latest: '2021-12' },
};

describe('reading CSV files', () => {
  it('tells GB18030 from UTF-8, with or without BOM', () => {
    const text = 'ref,text\nA-1,支付宝与银联互认\n';
    expect(decodeText(utf8(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(iconv.encode(text, 'gb18030'))).toEqual({ text, encoding: 'gb18030' });
    const withBom = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]));
    expect(withBom.text).toBe(text);
  });

  it('turns links and agreements into the JSON report shape', () => {
    const csv = csvReport({ institution: 'alipay', period: '2021-06' }, utf8(LINKS), utf8(AGREEMENTS));
    expect(csv.errors).toEqual([]);
    expect(csv.body).toEqual({
      institution: 'alipay',
      period: '2021-06',
      links: [aLink()],
      agreements: [anAgreement()],
    });
  });

  it('hashes the same declaration sent as CSV or JSON identically', () => {
    const csv = csvReport({ institution: 'alipay', period: '2021-06' }, utf8(LINKS), utf8(AGREEMENTS));
    const fromCsv = validateReport(csv.body, ref);
    const fromJson = validateReport({ institution: 'alipay', period: '2021-06', links: [aLink()], agreements: [anAgreement()] }, ref);
    expect(fromCsv.ok && fromJson.ok).toBe(true);
    if (fromCsv.ok && fromJson.ok) expect(reportSha256(fromCsv.report)).toBe(reportSha256(fromJson.report));
  });

  it('names the CSV row (1 = header) and column of a validation error', () => {
    const links = `${LINKS}alipay,unionpay,mpm,offline,999999,live,2021-01-01\nalipay,unionpay,zpm,online,110000,live,2021-01-01\n`;
    const csv = csvReport({ institution: 'alipay', period: '2021-06' }, utf8(links));
    const result = validateReport(csv.body, ref);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => csv.locate(e)).map(({ code, row, column }) => ({ code, row, column }))).toEqual([
        { code: 'UNKNOWN_CITY', row: 3, column: 'city' },
        { code: 'BAD_VALUE', row: 4, column: 'mode' },
      ]);
    }
  });

  it('maps agreement fields back to their CSV columns', () => {
    const agreements = `${AGREEMENTS}A-2,unionpay,clearing,maybe,10,*,mpm,offline,,2021-01-01,,\n`;
    const csv = csvReport({ institution: 'alipay', period: '2021-06' }, utf8(LINKS), utf8(agreements));
    const result = validateReport(csv.body, ref);
    expect(!result.ok && result.errors.map((e) => csv.locate(e)).map(({ code, row, column }) => ({ code, row, column }))).toEqual([
      { code: 'WRONG_TYPE', row: 3, column: 'exclusive' },
    ]);
  });

  it('reports a missing or unknown header column, a short row and a bare quote', () => {
    expect(csvReport({}, utf8('scanner,issuer,mode,channel,city,status\n')).errors).toEqual([
      expect.objectContaining({ code: 'MISSING_COLUMN', row: 1, column: 'since' }),
    ]);
    expect(csvReport({}, utf8('scanner,issuer,mode,channel,city,status,since,colour\n')).errors).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_COLUMN', row: 1, column: 'colour' }),
    ]);
    expect(csvReport({}, utf8(`${LINKS}alipay,unionpay\n`)).errors).toEqual([expect.objectContaining({ code: 'BAD_CSV', row: 3 })]);
    expect(csvReport({}, utf8(`${LINKS}alipay,union"pay,mpm,offline,110000,live,2021-01-01\n`)).errors).toEqual([
      expect.objectContaining({ code: 'BAD_CSV', row: 3 }),
    ]);
    expect(csvReport({}, utf8('')).errors).toEqual([expect.objectContaining({ code: 'EMPTY_FILE' })]);
  });
});
