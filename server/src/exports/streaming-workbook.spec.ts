import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { StreamingWorkbook, xmlText, type WorkbookCell, type WorkbookSheet } from './streaming-workbook.js';

const SHEETS: WorkbookSheet[] = [
  {
    name: 'Findings',
    columns: [
      { header: 'ID', width: 8 },
      { header: '说明', width: 60 },
      { header: 'First period', width: 11, numFmt: 'yyyy-mm' },
      { header: 'Holds now', width: 9 },
      { header: 'Updated (UTC)', width: 19, numFmt: 'yyyy-mm-dd hh:mm:ss' },
    ],
  },
  { name: "Bob's & Co <history>", columns: [{ header: 'Note', width: 40 }] },
];

async function written(rows: WorkbookCell[][], second: WorkbookCell[][] = []): Promise<ExcelJS.Workbook> {
  const out = new PassThrough();
  const bytes = buffer(out);
  const workbook = new StreamingWorkbook(out, SHEETS, { creator: 'Interop Monitor (auditor)', created: new Date('2021-07-20T08:00:00Z') });
  const first = workbook.sheet('Findings');
  await first.addRows(rows);
  first.end();
  const other = workbook.sheet(SHEETS[1].name);
  await other.addRows(second);
  other.end();
  await workbook.end();
  const read = new ExcelJS.Workbook();
  await read.xlsx.load((await bytes) as unknown as ArrayBuffer);
  return read;
}

describe('a streaming workbook', () => {
  it('reads back with its sheets in order, a frozen, filtered, bold header and the column widths', async () => {
    const workbook = await written([[1, 'x', null, true, null]]);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Findings', "Bob's & Co <history>"]);
    expect(workbook.creator).toBe('Interop Monitor (auditor)');
    const sheet = workbook.getWorksheet('Findings')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:E1');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['ID', '说明', 'First period', 'Holds now', 'Updated (UTC)']);
    expect(sheet.getCell('B1').font).toMatchObject({ bold: true });
    expect([1, 2, 3].map((c) => sheet.getColumn(c).width)).toEqual([8, 60, 11]);
  });

  it('keeps numbers, booleans, Chinese text and dates in their number format, and leaves empty cells empty', async () => {
    const sheet = (
      await written([
        [7, '支付宝的App未识别中国银联的付款码', new Date('2021-06-01T00:00:00Z'), false, new Date('2021-07-20T08:30:15Z')],
        [8, null, undefined, true, null],
      ])
    ).getWorksheet('Findings')!;
    expect(sheet.rowCount).toBe(3);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
      7,
      '支付宝的App未识别中国银联的付款码',
      new Date('2021-06-01T00:00:00Z'),
      false,
      new Date('2021-07-20T08:30:15Z'),
    ]);
    expect(sheet.getCell('C2').numFmt).toBe('yyyy-mm');
    expect(sheet.getCell('E2').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect([sheet.getCell('A3').value, sheet.getCell('B3').value, sheet.getCell('C3').value, sheet.getCell('D3').value]).toEqual([
      8,
      null,
      null,
      true,
    ]);
  });

  it('stores formula-looking text as the text it is, never as a formula', async () => {
    const injected = ['=HYPERLINK("http://evil.example","x")', '+1+1', '@SUM(A1)', '-2'];
    const sheet = (await written(injected.map((text, i) => [i, text, null, null, null]))).getWorksheet('Findings')!;
    const cells = injected.map((_, i) => sheet.getCell(`B${i + 2}`));
    expect(cells.map((c) => [c.value, c.type])).toEqual(injected.map((text) => [text, ExcelJS.ValueType.String]));
  });

  it('keeps markup, quotes, spaces at the ends, line breaks and emoji as written', async () => {
    const notes = ['<b>&amp; "quoted"</b>', '  indented ', 'line one\nline two\r\nthree', '已确认 ✅ 👍'];
    const sheet = (
      await written(
        [],
        notes.map((n) => [n]),
      )
    ).getWorksheet(SHEETS[1].name)!;
    expect(notes.map((_, i) => sheet.getCell(`A${i + 2}`).value)).toEqual(notes);
  });

  it('writes a sheet without rows as its header alone', async () => {
    const workbook = await written([]);
    expect(workbook.getWorksheet('Findings')!.rowCount).toBe(1);
    expect(workbook.getWorksheet(SHEETS[1].name)!.rowCount).toBe(1);
  });

  it('starts sheets only in the order it was given', () => {
    const workbook = new StreamingWorkbook(new PassThrough(), SHEETS, { creator: 'x', created: new Date() });
    expect(() => workbook.sheet(SHEETS[1].name)).toThrow('The next sheet is Findings');
  });
});

describe('text in XML', () => {
  it('escapes markup and drops the characters XML cannot hold', () => {
    expect(xmlText('a<b & "c">')).toBe('a&lt;b &amp; &quot;c&quot;&gt;');
    expect(xmlText('bell\u0007 vt\u000b ok\ttab\nline')).toBe('bell vt ok\ttab\nline');
    expect(xmlText('lone \ud800 surrogate, pair 👍')).toBe('lone  surrogate, pair 👍');
  });

  it('leaves ordinary and Chinese text as it is', () => {
    for (const text of ['Alipay', '支付宝（财付通）', 'a=b', '']) expect(xmlText(text)).toBe(text);
  });
});
