import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingSummary } from '../contract/findings.js';
import type { ApiClient } from '../test/api-client.js';
import { aLink, anAgreement, aReport, submitted } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { CSV_COLUMNS } from './csv-export.js';

const INJECTED_REF = '=HYPERLINK("http://evil.example","x")';

let app: TestApp;
let auditor: ApiClient;
let everyFinding: FindingSummary[];

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2021-07-20T08:00:00Z') });
  auditor = await app.as('auditor');
  const alipay = await app.as('alipay');
  const unionpay = await app.as('unionpay');
  // Alipay scans UnionPay's codes in Beijing, UnionPay does not return the favour (RECIP-001) and
  // leaves the link out of its own report (CONS-001), and
  // Alipay has an exclusive agreement with UnionPay whose ref looks like a spreadsheet formula (EXCL-001).
  await submitted(
    alipay,
    aReport({ period: '2021-06', links: [aLink()], agreements: [anAgreement({ ref: INJECTED_REF, exclusive: true })] }),
  );
  await submitted(
    unionpay,
    aReport({ institution: 'unionpay', period: '2021-06', links: [aLink({ scanner: 'unionpay', issuer: 'unionpay' })] }),
  );
  everyFinding = (await auditor.get('/api/v1/findings?sort=id&pageSize=500')).body.items;
});
afterAll(() => app.close());

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function exported(format: string, query = '') {
  const res = await auditor.download(`/api/v1/exports/findings?format=${format}&sort=id${query}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('x-content-sha256')).toBe(sha256(res.bytes));
  expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="interop-findings.*\\.${format}"$`));
  return res;
}

describe('exporting findings', () => {
  it('has findings of more than one rule to export', () => {
    expect(new Set(everyFinding.map((f) => f.ruleId))).toEqual(new Set(['CONS-001', 'EXCL-001', 'RECIP-001']));
  });

  it('writes CSV with a UTF-8 BOM, one row per finding matching the list, Chinese names included', async () => {
    const { bytes } = await exported('csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse<Record<string, string>>(bytes.toString('utf8').slice(1), { columns: true });
    expect(Object.keys(rows[0])).toEqual([...CSV_COLUMNS]);
    expect(
      rows.map((r) => [
        Number(r.id),
        r.rule,
        r.severity,
        r.status,
        r.subjects,
        r.explanation,
        r.explanation_zh,
        r.first_period,
        r.last_period,
      ]),
    ).toEqual(
      everyFinding.map((f) => [
        f.id,
        f.ruleId,
        f.severity,
        f.status,
        f.subjects.join(';'),
        f.explanation,
        f.explanationZh,
        f.firstPeriod,
        f.lastPeriod,
      ]),
    );
    const exclusive = rows.find((r) => r.rule === 'EXCL-001')!;
    expect(exclusive.subject_names_zh).toBe('支付宝;中国银联');
    expect(exclusive.evidence).toContain(`agreement ${JSON.stringify(INJECTED_REF)}`);
    expect(exclusive.history).toContain('system: — → open');
  });

  it('writes JSON for machines with the filters, the exact total and every finding with evidence and history', async () => {
    const { bytes } = await exported('json', '&rule=EXCL-001');
    const body = JSON.parse(bytes.toString('utf8'));
    const expected = everyFinding.filter((f) => f.ruleId === 'EXCL-001');
    expect(body.filters).toEqual({ rule: ['EXCL-001'] });
    expect(body.total).toBe(expected.length);
    expect(body.findings.map((f: FindingSummary) => f.id)).toEqual(expected.map((f) => f.id));
    expect(body.findings[0]).toMatchObject({
      ...expected[0],
      subjectNames: [
        { id: 'alipay', name: 'Alipay', nameZh: '支付宝' },
        { id: 'unionpay', name: 'China UnionPay', nameZh: '中国银联' },
      ],
    });
    expect(body.findings[0].history[0]).toMatchObject({ actor: 'system', from: null, to: 'open' });
  });

  it('writes an XLSX workbook that reads back: frozen, filtered header, dates as dates, evidence and history sheets', async () => {
    const { bytes } = await exported('xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Findings', 'Evidence', 'Status history', 'Comments']);
    const sheet = workbook.getWorksheet('Findings')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(sheet.getColumn(col('Explanation')).width).toBeGreaterThan(40);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
    expect(
      rows.map((r) => [
        r.getCell(col('ID')).value,
        r.getCell(col('Rule')).value,
        r.getCell(col('Explanation')).value,
        r.getCell(col('说明')).value,
      ]),
    ).toEqual(everyFinding.map((f) => [f.id, f.ruleId, f.explanation, f.explanationZh]));
    const first = rows[0].getCell(col('First period'));
    expect(first.value).toBeInstanceOf(Date);
    expect((first.value as Date).toISOString().slice(0, 7)).toBe(everyFinding[0].firstPeriod);
    expect(first.numFmt).toBe('yyyy-mm');
    expect(rows.find((r) => r.getCell(col('Rule')).value === 'EXCL-001')!.getCell(col('主体名称')).value).toBe('支付宝、中国银联');

    const evidence = workbook.getWorksheet('Evidence')!;
    const evidenceCount = everyFinding.reduce((n, f) => n + f.evidence.length, 0);
    expect(evidence.rowCount - 1).toBe(evidenceCount);
    const refCells = Array.from({ length: evidenceCount }, (_, i) => evidence.getRow(i + 2).getCell(8)).filter((c) => c.value);
    // The formula-looking agreement ref is stored as the text it is, never as a formula.
    expect(refCells.map((c) => [c.value, c.type])).toEqual([[INJECTED_REF, ExcelJS.ValueType.String]]);
    expect(workbook.getWorksheet('Status history')!.rowCount - 1).toBeGreaterThanOrEqual(everyFinding.length);
  });

  it('writes a PDF whose text holds the Chinese institution names, the count and the data hash of the JSON export', async () => {
    const { bytes } = await exported('pdf');
    const json = await exported('json');
    const file = path.join(os.tmpdir(), `interop-export-test-${process.pid}.pdf`);
    fs.writeFileSync(file, bytes);
    try {
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('支付宝');
      expect(text).toContain('中国银联');
      expect(text).toContain(sha256(json.bytes));
      expect(text).toMatch(new RegExp(`Findings · 发现数量\\s+${everyFinding.length}`));
      for (const f of everyFinding) expect(text).toContain(`#${f.id} · ${f.ruleId}`);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('opens the PDF with a page saying in words what it holds, the filters as labels, one explained hash, and numbers every page', async () => {
    const { bytes } = await exported('pdf', '&rule=EXCL-001&status=open');
    const file = path.join(os.tmpdir(), `interop-export-cover-${process.pid}.pdf`);
    fs.writeFileSync(file, bytes);
    try {
      const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
        .split('\f')
        .filter((p) => p.trim());
      const [cover] = pages;
      expect(cover).toContain('This file is a report of the finding matching the filters below: 1 in all');
      expect(cover).toMatch(/Rule · 规则\s+EXCL-001 Exclusive/);
      expect(cover).toMatch(/Status · 状态\s+open · 待处理/);
      expect(cover).not.toContain('rule=EXCL-001');
      expect(cover).toContain('It is not the hash of this PDF file');
      expect(cover.match(/[0-9a-f]{64}/g)).toHaveLength(1);
      expect(pages.length).toBeGreaterThan(1);
      pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} · 第 ${i + 1} 页`));
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('records every export in the audit trail with its actor, filters, format, row count and file hash', async () => {
    const { bytes } = await exported('xlsx', '&rule=EXCL-001,RECIP-001&status=open');
    const res = await auditor.get('/api/v1/audit?action=export.findings&sort=-seq&pageSize=1');
    expect(res.body.items[0]).toMatchObject({
      actor: 'auditor',
      action: 'export.findings',
      details: {
        format: 'xlsx',
        sort: 'id',
        filename: expect.stringMatching(/^interop-findings_status-open_rule-EXCL-001\+RECIP-001_.*\.xlsx$/),
        filters: { rule: ['EXCL-001', 'RECIP-001'], status: ['open'] },
        rows: everyFinding.filter((f) => ['EXCL-001', 'RECIP-001'].includes(f.ruleId)).length,
        sha256: sha256(bytes),
      },
    });
  });

  it('lists past exports to analysts, who may not read the rest of the audit trail', async () => {
    const analyst = await app.as('analyst');
    const { bytes } = await exported('json', '&severity=high');
    const res = await analyst.get('/api/v1/exports?pageSize=1');
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({
      action: 'export.findings',
      actor: 'auditor',
      details: { format: 'json', filters: { severity: ['high'] }, sha256: sha256(bytes) },
    });
    expect(res.body.total).toBeGreaterThan(1);
    expect((await analyst.get('/api/v1/audit')).status).toBe(403);
    expect((await (await app.as('alipay')).get('/api/v1/exports')).status).toBe(403);
  });

  it('answers an empty export with the header only', async () => {
    const { bytes, headers } = await exported('csv', '&city=440300');
    expect(headers.get('x-export-rows')).toBe('0');
    expect(parse(bytes.toString('utf8').slice(1), { columns: true })).toEqual([]);
  });

  it('writes status history and comments in XLSX as rows of their own, finding after finding in the export order', async () => {
    const analyst = await app.as('analyst');
    const [first, second] = everyFinding.filter((f) => f.ruleId !== 'CONS-001');
    expect((await analyst.patch(`/api/v1/findings/${second.id}`, { status: 'acknowledged' })).status).toBe(200);
    for (const [id, text] of [
      [second.id, '已转交 · passed on'],
      [first.id, '=1+1 is only text'],
      [second.id, 'second look'],
    ] as const) {
      expect((await analyst.post(`/api/v1/findings/${id}/comments`, { text })).status).toBe(201);
    }
    const { bytes } = await exported('xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const rowsOf = (name: string) =>
      workbook
        .getWorksheet(name)!
        .getSheetValues()
        .slice(2)
        .map((r) => (r as unknown[]).slice(1));
    // Grouped by finding in the export's order (by id), not in the order they were written.
    expect(rowsOf('Comments').map(([findingId, at, author, , text]) => [findingId, at instanceof Date, author, text])).toEqual([
      [first.id, true, 'analyst', '=1+1 is only text'],
      [second.id, true, 'analyst', '已转交 · passed on'],
      [second.id, true, 'analyst', 'second look'],
    ]);
    const history = rowsOf('Status history').filter(([findingId]) => findingId === second.id);
    expect(history.map(([, , actor, from, to]) => [actor, from ?? null, to])).toEqual([
      ['system', null, 'open'],
      ['analyst', 'open', 'acknowledged'],
    ]);
  });

  it('answers 422 for an unknown format and a bad filter', async () => {
    const bad = await auditor.get('/api/v1/exports/findings?format=docx');
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ code: 'BAD_FORMAT', path: '$.format' });
    expect((await auditor.get('/api/v1/exports/findings?format=csv&period=2021-13')).body.errors[0].code).toBe('BAD_PERIOD');
  });

  it('lets analysts and admins export, forbids institutions and needs a login', async () => {
    expect((await (await app.as('analyst')).download('/api/v1/exports/findings?format=json')).status).toBe(200);
    expect((await (await app.as('admin')).download('/api/v1/exports/findings?format=json')).status).toBe(200);
    const institution = await (await app.as('alipay')).get('/api/v1/exports/findings?format=json');
    expect(institution.status).toBe(403);
    expect(institution.headers.get('content-type')).toContain('application/problem+json');
    expect((await (await app.as()).get('/api/v1/exports/findings?format=json')).status).toBe(401);
  });
});

describe('who wrote what, whatever a comment holds', () => {
  const FORGED_LINE = 'ok\n• 2026-12-08T09:00:00.000Z analyst: Reviewed with legal; no breach. Dismiss.';
  const FORGED_BAR = 'ok | 2026-12-08T09:00:00.000Z analyst: Reviewed with legal; no breach. Dismiss.';
  /** A line separator breaks lines in PDF and some viewers; a right-to-left override reorders what follows. */
  const FORGED_SEPARATOR = 'ok\u2028• 2026-12-08T09:00:00.000Z analyst: Dismiss.\u202e';
  let finding: FindingSummary;

  beforeAll(async () => {
    finding = everyFinding.find((f) => f.ruleId === 'EXCL-001')!;
    const unionpay = await app.as('unionpay');
    for (const text of [FORGED_LINE, FORGED_BAR, FORGED_SEPARATOR])
      expect((await unionpay.post(`/api/v1/findings/${finding.id}/comments`, { text })).status).toBe(201);
    expect(
      (await (await app.as('analyst')).post(`/api/v1/findings/${finding.id}/comments`, { text: 'Asked "why" | awaiting reply' })).status,
    ).toBe(201);
  });

  /** The comments of one finding as they are, from the export's own JSON for reference. */
  async function comments() {
    const body = JSON.parse((await exported('json', `&rule=EXCL-001`)).bytes.toString('utf8'));
    return body.findings.find((f: FindingSummary) => f.id === finding.id).comments as {
      at: string;
      author: string;
      institution: string | null;
      text: string;
    }[];
  }

  it('writes each CSV comment as its author, then its text in quotes: a "|" or a forged line stays inside them', async () => {
    const { bytes } = await exported('csv', '&rule=EXCL-001');
    const rows = parse<Record<string, string>>(bytes.toString('utf8').slice(1), { columns: true });
    const cell = rows.find((r) => Number(r.id) === finding.id)!.comments;
    // The cell read back as a program would: entries "<at> <author> (<institution>): <JSON string>", joined by " | ".
    const entry = /(\S+) ([a-z0-9._-]+)(?: \(([a-z0-9-]+)\))?: ("(?:[^"\\]|\\.)*")(?: \| |$)/gy;
    const read = [...cell.matchAll(entry)].map(([, at, author, institution, text]) => ({
      at,
      author,
      institution: institution ?? null,
      text: JSON.parse(text) as string,
    }));
    expect(read.slice(-4).map((c) => [c.author, c.text])).toEqual([
      ['unionpay', FORGED_LINE],
      ['unionpay', FORGED_BAR],
      ['unionpay', FORGED_SEPARATOR],
      ['analyst', 'Asked "why" | awaiting reply'],
    ]);
    expect(read).toEqual(await comments());
    expect(cell).not.toMatch(/[\n\u2028\u202e]/);
  });

  it('prints each PDF comment under its author, its text quoted and indented, so no forged line starts an entry', async () => {
    const { bytes } = await exported('pdf', '&rule=EXCL-001');
    const file = path.join(os.tmpdir(), `interop-export-authors-${process.pid}.pdf`);
    fs.writeFileSync(file, bytes);
    try {
      const lines = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\n');
      const entries = lines.filter((l) => l.startsWith('• 20'));
      const byAuthors = (await comments()).map((c) => `• ${c.at} ${c.author}${c.institution ? ` (${c.institution})` : ''} wrote:`);
      expect(entries.filter((l) => l.endsWith(' wrote:'))).toEqual(byAuthors);
      expect(entries.some((l) => l.includes('analyst: Reviewed with legal'))).toBe(false);
      const text = lines.join('\n');
      expect(text).toContain('"ok\\n• 2026-12-08T09:00:00.000Z analyst: Reviewed with legal; no breach. Dismiss."');
      expect(text).toContain('"Asked \\"why\\" | awaiting reply"');
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});
