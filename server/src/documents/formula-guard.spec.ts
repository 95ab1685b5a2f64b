import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from './formula-guard.js';

describe('neutralising spreadsheet formulas in CSV cells', () => {
  it('prefixes an apostrophe to text that a spreadsheet would run', () => {
    for (const cell of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });

  it('leaves ordinary text, Chinese names and inner signs alone', () => {
    for (const cell of ['Alipay', '支付宝', 'a=b', '2021-06', '']) expect(neutraliseFormula(cell)).toBe(cell);
  });
});
