import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../contract/audit.js';
import type { ApiClient } from '../test/api-client.js';
import { BEIJING, GUANGZHOU, NOW, SHENZHEN, caseDetail, caseOf, cases, reportCases } from '../test/cases-kit.js';
import { detail } from '../test/findings-kit.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { CASE_CSV_COLUMNS } from '../exports/case-exports.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('exporting by case', () => {
  let app: TestApp;
  let auditor: ApiClient;
  beforeAll(async () => {
    app = await startTestApp({ now: NOW });
    await reportCases(app);
    auditor = await app.as('auditor');
  });
  afterAll(() => app.close());

  async function exported(format: string, query = '') {
    const res = await auditor.download(`/api/v1/exports/findings?by=case&format=${format}${query}`);
    expect(res.status, res.bytes.toString('utf8').slice(0, 300)).toBe(200);
    expect(res.headers.get('x-content-sha256')).toBe(sha256(res.bytes));
    expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="interop-cases.*\\.${format}"$`));
    return res;
  }

  async function latestExport(): Promise<AuditEntry> {
    const res = await auditor.get<{ items: AuditEntry[] }>('/api/v1/audit?action=export.findings&pageSize=1');
    return res.body.items[0];
  }

  it('writes CSV with one row a case, in the list’s order: cities counted and named, findings by status', async () => {
    const { bytes, headers } = await exported('csv', '&sort=-cities');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.toString('utf8').slice(1), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([...CASE_CSV_COLUMNS]);
    expect(rows.map((r) => r.case)).toEqual((await cases(auditor, 'sort=-cities')).items.map((c) => c.id));
    expect(rows[0]).toMatchObject({
      rule: 'CONS-001', severity: 'low', subjects: 'icbc;alipay', subject_names_zh: '中国工商银行;支付宝', mode: 'mpm', channel: 'offline',
      city_count: '3', cities: [BEIJING, GUANGZHOU, SHENZHEN].join(';'), findings: '3', open: '3', acknowledged: '0', first_period: '2021-02', last_period: '2021-02',
    });
    expect(rows[0].city_names_zh.split(';')).toHaveLength(3);
    const entry = await latestExport();
    expect(entry.details).toMatchObject({ format: 'csv', by: 'case', sort: '-cities', rows: 4, sha256: headers.get('x-content-sha256') });
  });

  it('writes JSON with the filters and the cases as GET /cases describes them, deterministic', async () => {
    const { bytes, headers } = await exported('json', '&rule=CONS-001');
    const body = JSON.parse(bytes.toString('utf8'));
    expect(body).toMatchObject({ filters: { rule: ['CONS-001'] }, by: 'case', sort: '-severity', total: 1 });
    expect(body.cases).toEqual([{ ...(await caseOf(auditor, 'CONS-001')), subjectNames: expect.any(Array), cityNames: expect.any(Array) }]);
    expect(body.cases[0].cityNames.map((c: { id: string }) => c.id)).toEqual([BEIJING, GUANGZHOU, SHENZHEN]);
    expect((await exported('json', '&rule=CONS-001')).headers.get('x-content-sha256')).toBe(headers.get('x-content-sha256'));
    expect((await latestExport()).details).toMatchObject({ format: 'json', by: 'case', filters: { rule: ['CONS-001'] }, rows: 1 });
  });

  it('writes an XLSX sheet of cases that reads back', async () => {
    const { bytes } = await exported('xlsx', '&sort=ruleId');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Cases')!;
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(2).getCell(2).value).toBe('CONS-001');
    expect(sheet.getRow(2).getCell(9).value).toBe(3);
  });

  it('shows a case’s comment among the comments of each of its findings in a findings export', async () => {
    const analyst = await app.as('analyst');
    const { id } = await caseOf(analyst, 'CONS-001');
    expect((await analyst.post(`/api/v1/cases/${id}/comments`, { text: 'Asked Alipay' })).status).toBe(201);
    const findings = (await caseDetail(analyst, id)).findings.items;
    expect((await detail(analyst, findings[0].id)).comments.map((c) => c.text)).toEqual(['Asked Alipay']);
    const res = await auditor.download('/api/v1/exports/findings?format=json&rule=CONS-001');
    const body = JSON.parse(res.bytes.toString('utf8'));
    expect(body.findings.map((f: { comments: { text: string }[] }) => f.comments.map((c) => c.text))).toEqual([['Asked Alipay'], ['Asked Alipay'], ['Asked Alipay']]);
  });

  it('answers 422 to a sort of findings by case, and to a PDF by case, exporting nothing', async () => {
    const before = (await latestExport()).seq;
    const badSort = await auditor.get('/api/v1/exports/findings?by=case&format=csv&sort=city');
    expect(badSort.status).toBe(422);
    expect(badSort.body.errors[0]).toMatchObject({ code: 'BAD_SORT', path: '$.sort' });
    const pdf = await auditor.get('/api/v1/exports/findings?by=case&format=pdf');
    expect(pdf.status).toBe(422);
    expect(pdf.body.errors[0].code).toBe('BAD_FORMAT');
    expect((await auditor.get('/api/v1/exports/findings?by=cases&format=csv')).status).toBe(422);
    expect((await latestExport()).seq).toBe(before);
  });
});
