// Findings as a PDF report for reading and filing: a title page (filters, time, count and the data
// hash), a summary by rule and severity, then every finding with its explanation, evidence, history
// and comments. Text is set in Noto Sans Hans (shipped by @embedpdf/fonts-sc and embedded as a
// subset), so Chinese names render instead of empty boxes.
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { RULES } from '../rules/catalog.js';
import type { ExportedFinding, FindingSource } from './finding-source.js';
import { commentAuthorship, evidenceLine, filtersText, historyLine, write, type ExportMeta, type ExportWriter } from './export-writer.js';
import { Conflict } from '../http/errors.js';
import { quotedText } from '../text/quoted-text.js';
import { JsonExportText, writeJson } from './json-export.js';
import { registerCjkFonts } from './pdf-fonts.js';

const SEVERITIES = ['high', 'medium', 'low'] as const;
const GREY = '#555555';

interface Digest {
  sha256: string;
  /** rule id → severity → count */
  counts: Map<string, Record<(typeof SEVERITIES)[number], number>>;
}

/** The SHA-256 of the JSON export of the same findings, and the counts the summary shows. */
async function digest(source: FindingSource, meta: ExportMeta): Promise<Digest> {
  const hash = createHash('sha256');
  const counts: Digest['counts'] = new Map();
  const tallying: FindingSource = {
    ...source,
    async *chunks() {
      for await (const chunk of source.chunks()) {
        for (const f of chunk) {
          const byRule = counts.get(f.ruleId) ?? counts.set(f.ruleId, { high: 0, medium: 0, low: 0 }).get(f.ruleId)!;
          byRule[f.severity] += 1;
        }
        yield chunk;
      }
    },
  };
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done();
    },
  });
  await writeJson(tallying, sink, meta);
  return { sha256: hash.digest('hex'), counts };
}

export const writePdf: ExportWriter = async (source, out, meta) => {
  const { sha256, counts } = await digest(source, meta);
  const doc = new PDFDocument({ size: 'A4', margin: 50, bufferPages: false, info: { Title: 'Interop Monitor — findings', Author: meta.exportedBy, CreationDate: new Date(meta.exportedAt) } });
  registerCjkFonts(doc);
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  // pdfkit emits data synchronously; forward it with backpressure between findings.
  const pending: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => pending.push(chunk));
  const flush = async () => {
    while (pending.length > 0) await write(out, pending.shift()!);
  };
  doc.on('pageAdded', () => runningHeader(doc, meta, sha256));

  titlePage(doc, meta, sha256);
  summaryPage(doc, counts, meta.total);
  // The pages are drawn from a second read: hash it too, so that a report whose pages do not match
  // its printed data hash (a finding changed in between) is never handed out.
  const json = new JsonExportText();
  const drawn = createHash('sha256').update(json.head(meta));
  for await (const chunk of source.chunks()) {
    drawn.update(json.chunk(chunk));
    for (const f of chunk) {
      findingSection(doc, f);
      await flush();
    }
  }
  if (drawn.update(json.tail()).digest('hex') !== sha256) {
    doc.end();
    throw new Conflict('Findings changed while the PDF was being made; export it again.', 'EXPORT_DATA_CHANGED');
  }
  if (meta.total === 0) doc.font('text').fontSize(11).text('No finding matches these filters. 没有符合筛选条件的发现。');
  doc.end();
  await finished;
  await flush();
};

function runningHeader(doc: PDFKit.PDFDocument, meta: ExportMeta, sha256: string): void {
  const { x, y } = doc;
  doc.font('text').fontSize(7).fillColor(GREY).text(`Interop Monitor findings export · ${meta.exportedAt} · data SHA-256 ${sha256.slice(0, 16)}…`, 50, 25, { lineBreak: false });
  doc.fillColor('black');
  doc.x = x;
  doc.y = y;
}

function titlePage(doc: PDFKit.PDFDocument, meta: ExportMeta, sha256: string): void {
  doc.font('bold').fontSize(22).text('Interop Monitor', { align: 'left' });
  doc.fontSize(16).text('Findings report · 发现报告');
  doc.moveDown(1.5);
  const line = (label: string, value: string) => {
    doc.font('bold').fontSize(10).text(label);
    doc.font('text').fontSize(10).text(value).moveDown(0.5);
  };
  line('Exported at (UTC) · 导出时间', meta.exportedAt);
  line('Exported by · 导出人', meta.exportedBy);
  line('Filters · 筛选条件', filtersText(meta.filters));
  line('Order · 排序', meta.sort);
  line('Findings · 发现数量', String(meta.total));
  line('Data hash · 数据哈希 (SHA-256)', sha256);
  doc
    .font('text')
    .fontSize(8)
    .fillColor(GREY)
    .text(
      'The data hash is the SHA-256 of the JSON export (format=json) of the same findings with the same filters and order. ' +
        'The export itself is recorded in the audit trail with its own file hash. ' +
        '数据哈希为相同筛选条件和排序下 JSON 导出文件的 SHA-256；本次导出及其文件哈希已记入审计日志。',
    )
    .fillColor('black');
}

function summaryPage(doc: PDFKit.PDFDocument, counts: Digest['counts'], total: number): void {
  doc.addPage();
  doc.font('bold').fontSize(14).text('Summary by rule and severity · 按规则和严重程度汇总').moveDown(0.8);
  const columns = [50, 300, 370, 440, 510];
  const row = (cells: string[], font: 'text' | 'bold') => {
    const y = doc.y;
    doc.font(font).fontSize(9);
    cells.forEach((cell, i) => doc.text(cell, columns[i], y, { width: (columns[i + 1] ?? 560) - columns[i] - 6 }));
    doc.x = 50;
    doc.moveDown(0.4);
  };
  row(['Rule · 规则', 'high', 'medium', 'low', 'total'], 'bold');
  for (const rule of RULES) {
    const c = counts.get(rule.id);
    if (!c) continue;
    row([`${rule.id} ${rule.title.en} · ${rule.title.zh}`, String(c.high), String(c.medium), String(c.low), String(c.high + c.medium + c.low)], 'text');
  }
  row(['Total · 合计', ...SEVERITIES.map((s) => String([...counts.values()].reduce((n, c) => n + c[s], 0))), String(total)], 'bold');
}

function findingSection(doc: PDFKit.PDFDocument, f: ExportedFinding): void {
  if (doc.y > doc.page.height - 160) doc.addPage();
  else doc.moveDown(1);
  doc.font('bold').fontSize(11).text(`#${f.id} · ${f.ruleId} · ${f.severity} · ${f.status}`);
  const where = [f.city ? `${f.cityName ?? f.city} ${f.cityNameZh ?? ''} (${f.city})` : null, f.mode, f.channel].filter(Boolean).join(' · ');
  doc.font('text').fontSize(9).fillColor(GREY);
  doc.text(`Subjects · 主体: ${f.subjectNames.map((n) => `${n.name} ${n.nameZh} (${n.id})`).join('; ')}`);
  if (where) doc.text(`Scope · 范围: ${where}`);
  doc.text(`Periods · 期间: ${f.periods.map(([a, b]) => (a === b ? a : `${a}…${b}`)).join(', ')} · holds now: ${f.holds ? 'yes' : 'no'}`);
  doc.fillColor('black').fontSize(10).text(f.explanation).text(f.explanationZh);
  doc.fontSize(8.5);
  if (f.evidence.length > 0) {
    doc.font('bold').text('Evidence · 证据');
    doc.font('text');
    for (const e of f.evidence) {
      doc.text(`• ${evidenceLine(e)}`, { indent: 8 });
    }
  }
  if (f.history.length > 0) {
    doc.font('bold').text('History · 历史');
    doc.font('text');
    for (const h of f.history) doc.text(`• ${historyLine(h)}`, { indent: 8 });
  }
  if (f.comments.length > 0) {
    doc.font('bold').text('Comments · 评论');
    doc.font('text');
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    for (const c of f.comments) {
      // Who wrote it on a line of its own; the text, quoted, in a block indented past every
      // bullet, so that not even a wrapped line of it starts where an entry starts.
      doc.text(`• ${commentAuthorship(c)} wrote:`, left, undefined, { indent: 8 });
      doc.fillColor(GREY).text(quotedText(c.text), left + 20, undefined, { width: width - 20 }).fillColor('black');
      doc.x = left;
    }
  }
}
