import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

/** A PDF's pages as pdftotext reads them. */
function pdfText(bytes: Buffer): string[] {
  const file = path.join(os.tmpdir(), `interop-cases-export-${process.pid}-${sha256(bytes).slice(0, 8)}.pdf`);
  fs.writeFileSync(file, bytes);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((p) => p.trim());
  } finally {
    fs.rmSync(file, { force: true });
  }
}

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
    const rows = parse<Record<string, string>>(bytes.toString('utf8').slice(1), { columns: true });
    expect(Object.keys(rows[0])).toEqual([...CASE_CSV_COLUMNS]);
    expect(rows.map((r) => r.case)).toEqual((await cases(auditor, 'sort=-cities')).items.map((c) => c.id));
    expect(rows[0]).toMatchObject({
      rule: 'CONS-001',
      severity: 'low',
      subjects: 'icbc;alipay',
      subject_names_zh: '中国工商银行;支付宝',
      mode: 'mpm',
      channel: 'offline',
      city_count: '3',
      cities: [BEIJING, GUANGZHOU, SHENZHEN].join(';'),
      findings: '3',
      open: '3',
      acknowledged: '0',
      first_period: '2021-02',
      last_period: '2021-02',
    });
    expect(rows[0].city_names_zh.split(';')).toHaveLength(3);
    const entry = await latestExport();
    expect(entry.details).toMatchObject({ format: 'csv', by: 'case', sort: '-cities', rows: 4, sha256: headers.get('x-content-sha256') });
  });

  it('writes JSON with the filters and the cases as GET /cases describes them, deterministic', async () => {
    const { bytes, headers } = await exported('json', '&rule=CONS-001');
    const body = JSON.parse(bytes.toString('utf8'));
    expect(body).toMatchObject({ filters: { rule: ['CONS-001'] }, by: 'case', sort: '-severity', total: 1 });
    expect(body.cases).toEqual([
      {
        ...(await caseOf(auditor, 'CONS-001')),
        subjectNames: expect.any(Array),
        cityNames: expect.any(Array),
        comments: expect.any(Array),
      },
    ]);
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

  describe('when a case has a thread', () => {
    // 4,000 characters each, the most a comment may hold: repeated in each finding's row, the
    // thread would grow a by-finding export by 3 × 3 × 4,000 characters on this 3-city case.
    const THREAD = ['Asked Alipay why', 'Alipay answered', 'Closing soon'].map((words) => words + '.'.repeat(4000 - words.length));
    let caseId: string;
    let findingIds: number[];
    let byFindingBefore: Record<'csv' | 'json', number>;

    const byFinding = (format: string) => auditor.download(`/api/v1/exports/findings?format=${format}&rule=CONS-001&sort=id`);

    beforeAll(async () => {
      const analyst = await app.as('analyst');
      ({ id: caseId } = await caseOf(analyst, 'CONS-001'));
      findingIds = (await caseDetail(analyst, caseId)).findings.items.map((f) => f.id);
      expect((await analyst.post(`/api/v1/findings/${findingIds[0]}/comments`, { text: 'Own note' })).status).toBe(201);
      byFindingBefore = { csv: (await byFinding('csv')).bytes.length, json: (await byFinding('json')).bytes.length };
      const alipay = await app.as('alipay');
      for (const [i, text] of THREAD.entries())
        expect((await (i === 1 ? alipay : analyst).post(`/api/v1/cases/${caseId}/comments`, { text })).status).toBe(201);
      // The finding's page still shows the thread with the finding's own comment.
      expect((await detail(analyst, findingIds[1])).comments.map((c) => c.text)).toEqual(THREAD);
    });

    it('leaves it out of every row of an export by finding, which names each finding’s case and keeps its own comments, and does not grow', async () => {
      const json = JSON.parse((await byFinding('json')).bytes.toString('utf8'));
      expect(json.findings.map((f: { caseId: string; comments: { text: string }[] }) => [f.caseId, f.comments.map((c) => c.text)])).toEqual(
        [
          [caseId, ['Own note']],
          [caseId, []],
          [caseId, []],
        ],
      );
      const csv = await byFinding('csv');
      const rows = parse<Record<string, string>>(csv.bytes.toString('utf8').slice(1), { columns: true });
      expect(rows.map((r) => r.case)).toEqual([caseId, caseId, caseId]);
      expect(rows.map((r) => r.comments)).toEqual([expect.stringContaining('"Own note"'), '', '']);
      expect({ csv: csv.bytes.length, json: (await byFinding('json')).bytes.length }).toEqual(byFindingBefore);

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await byFinding('xlsx')).bytes as unknown as ArrayBuffer);
      const findings = workbook.getWorksheet('Findings')!;
      const caseColumn = (findings.getRow(1).values as string[]).indexOf('Case');
      expect([2, 3, 4].map((n) => findings.getRow(n).getCell(caseColumn).value)).toEqual([caseId, caseId, caseId]);
      expect(
        workbook
          .getWorksheet('Comments')!
          .getSheetValues()
          .slice(2)
          .map((row) => (row as unknown[])[5]),
      ).toEqual(['Own note']);

      const pdf = pdfText((await byFinding('pdf')).bytes).join('\n');
      expect(pdf.split(`Case · 案件: ${caseId}`)).toHaveLength(4);
      expect(pdf).toContain('Own note');
      expect(pdf).not.toContain('Alipay answered');
    });

    it('writes it once, in its case’s row, in every format of the export by case', async () => {
      const json = JSON.parse((await exported('json')).bytes.toString('utf8'));
      const threads = json.cases.map((c: { id: string; comments: unknown[] }) => [c.id, c.comments]);
      expect(threads.filter(([, comments]: [string, unknown[]]) => comments.length > 0)).toEqual([
        [
          caseId,
          THREAD.map((text, i) => ({
            at: expect.any(String),
            author: i === 1 ? 'alipay' : 'analyst',
            institution: i === 1 ? 'alipay' : null,
            text,
          })),
        ],
      ]);

      const rows = parse<Record<string, string>>((await exported('csv')).bytes.toString('utf8').slice(1), { columns: true });
      const thread = rows.find((r) => r.case === caseId)!.comments.split(' | ');
      expect(thread.map((entry) => entry.replace(/^\S+ /, ''))).toEqual(
        THREAD.map((text, i) => `${i === 1 ? 'alipay (alipay)' : 'analyst'}: ${JSON.stringify(text)}`),
      );
      expect(rows.filter((r) => r.comments !== '')).toHaveLength(1);

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await exported('xlsx')).bytes as unknown as ArrayBuffer);
      const comments = workbook.getWorksheet('Comments')!;
      expect((comments.getRow(1).values as string[]).slice(1)).toEqual(['Case', 'At (UTC)', 'Author', 'Institution', 'Comment']);
      expect(
        comments
          .getSheetValues()
          .slice(2)
          .map((row) => {
            const [, id, , author, , text] = row as unknown[];
            return [id, author, text];
          }),
      ).toEqual(THREAD.map((text, i) => [caseId, i === 1 ? 'alipay' : 'analyst', text]));

      const pdf = pdfText((await exported('pdf')).bytes).join('\n');
      expect(pdf.match(/Alipay answered/g)).toHaveLength(1);
      expect(pdf).toContain('analyst wrote:');
    });
  });

  it('writes a PDF with a section a case: its cities named, its findings by status, and the data hash of the JSON by case', async () => {
    const { bytes } = await exported('pdf', '&rule=CONS-001');
    const json = await exported('json', '&rule=CONS-001');
    {
      const pages = pdfText(bytes);
      const text = pages.join('\n');
      expect(pages[0]).toContain('Cases report · 案件报告');
      expect(pages[0]).toContain('This file is a report of the case matching the filters below: 1 in all');
      expect(pages[0]).toMatch(/Cases · 案件数量\s+1/);
      expect(pages[0]).toContain(sha256(json.bytes));
      expect(text).toContain('CONS-001 · low · 低 · case');
      expect(text).toMatch(/Cities · 城市 \(3\): Beijing 北京市 \(110000\)/);
      expect(text).toContain('open · 待处理 3');
      pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} · 第 ${i + 1} 页`));
    }
  });

  it('answers 422 to a sort of findings by case and to an unknown unit, exporting nothing', async () => {
    const before = (await latestExport()).seq;
    const badSort = await auditor.get('/api/v1/exports/findings?by=case&format=csv&sort=city');
    expect(badSort.status).toBe(422);
    expect(badSort.body.errors[0]).toMatchObject({ code: 'BAD_SORT', path: '$.sort' });
    const badUnit = await auditor.get('/api/v1/exports/findings?by=cases&format=csv');
    expect(badUnit.status).toBe(422);
    expect(badUnit.body.errors[0]).toMatchObject({ code: 'BAD_VALUE', path: '$.by' });
    expect((await latestExport()).seq).toBe(before);
  });
});
