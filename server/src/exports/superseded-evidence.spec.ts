import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../test/api-client.js';
import { anAgreement, aReport, submitted } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

let app: TestApp;
let auditor: ApiClient;
let first: number;
let second: number;

// Alipay reports an exclusive agreement (EXCL-001), then corrects the month, still carrying it: the
// finding's evidence names the new version and keeps the first, marked superseded.
beforeAll(async () => {
  app = await startTestApp({ now: new Date('2021-07-20T08:00:00Z') });
  auditor = await app.as('auditor');
  const alipay = await app.as('alipay');
  const report = aReport({ period: '2021-06', links: [], agreements: [anAgreement({ ref: 'A-EX', exclusive: true })] });
  first = (await submitted(alipay, report)).id;
  second = (await submitted(alipay, report)).id;
});
afterAll(() => app.close());

const exported = (format: string) => auditor.download(`/api/v1/exports/findings?format=${format}&rule=EXCL-001`);

describe('exported evidence of a corrected report', () => {
  it('marks the superseded version’s evidence in CSV, JSON and XLSX, beside the new version’s', async () => {
    const csv = parse<Record<string, string>>((await exported('csv')).bytes.toString('utf8').slice(1), { columns: true });
    expect(csv[0].evidence).toBe(
      `report ${second} v2 (alipay 2021-06) agreement "A-EX"; report ${first} v1 (alipay 2021-06) agreement "A-EX" [superseded by a later version]`,
    );

    const json = JSON.parse((await exported('json')).bytes.toString('utf8'));
    expect(json.findings[0].evidence.map((e: { reportId: number; superseded?: boolean }) => [e.reportId, e.superseded ?? false])).toEqual([
      [second, false],
      [first, true],
    ]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exported('xlsx')).bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Evidence')!;
    expect(sheet.getRow(1).getCell(9).value).toBe('Superseded');
    expect([2, 3].map((r) => [sheet.getRow(r).getCell(3).value, sheet.getRow(r).getCell(9).value])).toEqual([
      [second, false],
      [first, true],
    ]);
  });
});
