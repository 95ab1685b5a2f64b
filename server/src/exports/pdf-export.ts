// Findings, or cases, as a PDF report for reading and filing: a first page saying in words what the
// file holds (filters as labels, time, count) and what its one printed hash, the data hash, proves; a
// summary by rule and severity; then every finding with its case, explanation, evidence, history and
// own comments, or every case with its subjects, cities, findings by status, explanation and thread.
// Every page is numbered (streamed page by page, so without the total). Text is set in Noto Sans Hans (shipped by @embedpdf/fonts-sc and embedded as a
// subset), so Chinese names render instead of empty boxes.
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { RULES } from '../rules/catalog.js';
import type { CaseExportWriter } from './case-exports.js';
import type { ExportedCase } from './case-source.js';
import type { ExportedFinding } from './finding-source.js';
import type { FindingFilters } from '../contract/findings.js';
import { write } from '../documents/stream-write.js';
import { commentAuthorship, evidenceLine, historyLine, type ExportMeta, type ExportWriter } from './export-writer.js';
import { Conflict } from '../domain/errors.js';
import { quotedText } from '../text/quoted-text.js';
import { JsonExportText, writeJsonRows } from './json-export.js';
import { registerCjkFonts } from '../documents/pdf-fonts.js';

const SEVERITIES = ['high', 'medium', 'low'] as const;
const GREY = '#555555';

/** Severities and statuses in both languages, worded as the client words them. */
const SEVERITY_WORDS: Record<string, string> = { high: 'high · 高', medium: 'medium · 中', low: 'low · 低' };
const STATUS_WORDS: Record<string, string> = {
  open: 'open · 待处理',
  acknowledged: 'acknowledged · 已知悉',
  confirmed: 'confirmed · 已确认',
  dismissed: 'dismissed · 已排除',
  resolved: 'resolved · 已解决',
};

/** Each filter as a labelled line a person reads: "Rule · 规则: EXCL-001 Exclusive agreement · 排他协议". */
export function filterLines(filters: FindingFilters): [label: string, value: string][] {
  const words = (values: readonly string[], table: Record<string, string>) => values.map((v) => table[v] ?? v).join(', ');
  const ruleWords = (id: string) => {
    const rule = RULES.find((r) => r.id === id);
    return rule ? `${id} ${rule.title.en} · ${rule.title.zh}` : id;
  };
  const lines: [string, string][] = [];
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value.map(String) : [String(value)];
    if (key === 'status') lines.push(['Status · 状态', words(values, STATUS_WORDS)]);
    else if (key === 'severity') lines.push(['Severity · 严重程度', words(values, SEVERITY_WORDS)]);
    else if (key === 'rule') lines.push(['Rule · 规则', values.map(ruleWords).join('; ')]);
    else if (key === 'institution') lines.push(['Institution named · 涉及机构', values.join(', ')]);
    else if (key === 'city') lines.push(['City (GB/T 2260 code) · 城市代码', values.join(', ')]);
    else if (key === 'period') lines.push(['Holding in period · 所属期间', values.join(', ')]);
    else if (key === 'q') lines.push(['Text searched for · 搜索文字', quotedText(values.join(' '))]);
    else lines.push([key, values.join(', ')]);
  }
  return lines;
}

interface Digest {
  sha256: string;
  /** rule id → severity → count */
  counts: Map<string, Record<(typeof SEVERITIES)[number], number>>;
}

/** What a report is of, in words, and how one of its rows is drawn. */
interface ReportKind<Row> {
  by: 'finding' | 'case';
  words: {
    title: string;
    running: string;
    every: string;
    everyZh: string;
    one: string;
    many: string;
    manyZh: string;
    matchingZh: string;
    unitZh: string;
    follows: string;
    countLabel: string;
    noFilters: string;
    none: string;
    jsonQuery: string;
  };
  section(doc: PDFKit.PDFDocument, row: Row): void;
}

type Rows<Row> = () => AsyncIterable<Row[]>;

/** The SHA-256 of the JSON export of the same rows, and the counts the summary shows. */
async function digest<Row extends { ruleId: string; severity: (typeof SEVERITIES)[number] }>(
  rows: Rows<Row>,
  meta: ExportMeta,
  by: ReportKind<Row>['by'],
): Promise<Digest> {
  const hash = createHash('sha256');
  const counts: Digest['counts'] = new Map();
  async function* tallying() {
    for await (const chunk of rows()) {
      for (const row of chunk) {
        const byRule = counts.get(row.ruleId) ?? counts.set(row.ruleId, { high: 0, medium: 0, low: 0 }).get(row.ruleId)!;
        byRule[row.severity] += 1;
      }
      yield chunk;
    }
  }
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done();
    },
  });
  await writeJsonRows(by, tallying(), sink, meta);
  return { sha256: hash.digest('hex'), counts };
}

const FINDINGS_REPORT: ReportKind<ExportedFinding> = {
  by: 'finding',
  words: {
    title: 'Findings report · 发现报告',
    running: 'findings report',
    every: 'every finding on record',
    everyZh: '全部线索',
    manyZh: '线索',
    one: 'finding',
    many: 'findings',
    matchingZh: '符合下列筛选条件的线索',
    unitZh: '条',
    follows:
      "each finding follows with its case, explanation, evidence, status history and own comments (a case's comments are in the report by case)",
    countLabel: 'Findings · 发现数量',
    noFilters: 'none: every finding · 无（全部线索）',
    none: 'No finding matches these filters. 没有符合筛选条件的发现。',
    jsonQuery: 'format=json',
  },
  section: findingSection,
};

const CASES_REPORT: ReportKind<ExportedCase> = {
  by: 'case',
  words: {
    title: 'Cases report · 案件报告',
    running: 'cases report',
    every: 'every case on record',
    everyZh: '全部案件',
    manyZh: '案件',
    one: 'case',
    many: 'cases',
    matchingZh: '含有符合下列筛选条件线索的案件',
    unitZh: '件',
    follows: 'each case follows with its subjects, cities, findings by status, explanation and comments',
    countLabel: 'Cases · 案件数量',
    noFilters: 'none: every case · 无（全部案件）',
    none: 'No case matches these filters. 没有符合筛选条件的案件。',
    jsonQuery: 'format=json, by=case',
  },
  section: caseSection,
};

export const writePdf: ExportWriter = (source, out, meta) => writeReport(() => source.chunks(), out, meta, FINDINGS_REPORT);

/** One case a section: what GET /exports/findings?by=case&format=pdf writes. */
export const writeCasePdf: CaseExportWriter = (source, out, meta) => writeReport(() => source.chunks(), out, meta, CASES_REPORT);

async function writeReport<Row extends { ruleId: string; severity: (typeof SEVERITIES)[number] }>(
  rows: Rows<Row>,
  out: Writable,
  meta: ExportMeta,
  kind: ReportKind<Row>,
): Promise<void> {
  const { sha256, counts } = await digest(rows, meta, kind.by);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    bufferPages: false,
    info: { Title: `Interop Monitor — ${kind.words.many}`, Author: meta.exportedBy, CreationDate: new Date(meta.exportedAt) },
  });
  registerCjkFonts(doc);
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  // pdfkit emits data synchronously; forward it with backpressure between rows.
  const pending: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => pending.push(chunk));
  const flush = async () => {
    while (pending.length > 0) await write(out, pending.shift()!);
  };
  let pageNumber = 1;
  doc.on('pageAdded', () => {
    pageNumber += 1;
    pageFrame(doc, meta, sha256, pageNumber, kind);
  });

  pageFrame(doc, meta, sha256, pageNumber, kind);
  titlePage(doc, meta, sha256, kind);
  summaryPage(doc, counts, meta.total);
  // The pages are drawn from a second read: hash it too, so that a report whose pages do not match
  // its printed data hash (a finding changed in between) is never handed out.
  const json = new JsonExportText(kind.by);
  const drawn = createHash('sha256').update(json.head(meta));
  for await (const chunk of rows()) {
    drawn.update(json.chunk(chunk));
    for (const row of chunk) {
      kind.section(doc, row);
      await flush();
    }
  }
  if (drawn.update(json.tail()).digest('hex') !== sha256) {
    doc.end();
    throw new Conflict(
      { en: 'Findings changed while the PDF was being made; export it again.', zh: '生成 PDF 期间发现有变化；请重新导出。' },
      'EXPORT_DATA_CHANGED',
    );
  }
  if (meta.total === 0) doc.font('text').fontSize(11).text(kind.words.none);
  doc.end();
  await finished;
  await flush();
}

/** The running header (after the first page) and the page number at the foot of every page. */
function pageFrame<Row>(doc: PDFKit.PDFDocument, meta: ExportMeta, sha256: string, pageNumber: number, kind: ReportKind<Row>): void {
  const { x, y } = doc;
  const bottom = doc.page.margins.bottom;
  // Text below the bottom margin would start a new page: lift the margin while the foot is drawn.
  doc.page.margins.bottom = 0;
  doc.font('text').fontSize(7).fillColor(GREY);
  if (pageNumber > 1)
    doc.text(`Interop Monitor ${kind.words.running} · ${meta.exportedAt} · data hash ${sha256.slice(0, 16)}…`, 50, 25, {
      lineBreak: false,
    });
  doc.text(`Page ${pageNumber} · 第 ${pageNumber} 页`, 50, doc.page.height - 35, {
    width: doc.page.width - 100,
    align: 'center',
    lineBreak: false,
  });
  doc.page.margins.bottom = bottom;
  doc.fillColor('black');
  doc.x = x;
  doc.y = y;
}

function titlePage<Row>(doc: PDFKit.PDFDocument, meta: ExportMeta, sha256: string, { words }: ReportKind<Row>): void {
  doc.font('bold').fontSize(22).text('Interop Monitor', { align: 'left' });
  doc.fontSize(16).text(words.title);
  doc.moveDown(1);
  const filters = filterLines(meta.filters);
  const scope = filters.length === 0 ? words.every : `the ${meta.total === 1 ? words.one : words.many} matching the filters below`;
  doc
    .font('text')
    .fontSize(10.5)
    .text(
      `This file is a report of ${scope}: ${meta.total} in all, as the regulator's Interop Monitor held them on ${meta.exportedAt.slice(0, 10)} at ${meta.exportedAt.slice(11, 16)} UTC, ` +
        `exported by ${meta.exportedBy}. After a summary by rule and severity, ${words.follows}.`,
    )
    .text(
      `本文件为互联互通监测系统${filters.length === 0 ? words.everyZh : words.matchingZh}报告，共 ${meta.total} ${words.unitZh}，由 ${meta.exportedBy} 于 ${meta.exportedAt.slice(0, 16).replace('T', ' ')}（UTC）导出。`,
    )
    .moveDown(1);
  const line = (label: string, value: string) => {
    doc.font('bold').fontSize(10).text(label);
    doc.font('text').fontSize(10).text(value).moveDown(0.5);
  };
  if (filters.length === 0) line('Filters · 筛选条件', words.noFilters);
  for (const [label, value] of filters) line(label, value);
  line('Exported at (UTC) · 导出时间', meta.exportedAt);
  line('Exported by · 导出人', meta.exportedBy);
  line('Order · 排序', `${meta.sort.replace(/^-/, '')}, ${meta.sort.startsWith('-') ? 'descending · 降序' : 'ascending · 升序'}`);
  line(words.countLabel, String(meta.total));
  doc.moveDown(0.5);
  line('Data hash · 数据哈希 (SHA-256)', sha256);
  doc
    .font('text')
    .fontSize(8.5)
    .fillColor(GREY)
    .text(
      `What the data hash proves: it is the SHA-256 of the JSON export (${words.jsonQuery}) of the same ${words.many} with the same filters and order, which is the same bytes whenever ` +
        `the ${words.many} are the same. Export the JSON again and hash it: the same hash means the ${words.many} in this report have not changed since. ` +
        // An ASCII apostrophe: the CJK font draws U+2019 full-width, leaving a gap.
        "It is not the hash of this PDF file: that one (the file's SHA-256, sent as X-Content-SHA256) differs at every export because the time is printed; " +
        'it is recorded in the audit trail, and Exports → Check a file matches this file to its record.',
    )
    .moveDown(0.3)
    .text(
      `数据哈希是相同筛选条件和排序下 JSON 导出文件（${words.jsonQuery}）的 SHA-256；${words.manyZh}不变，其字节即不变。重新导出 JSON 并计算哈希，相同即说明本报告中的${words.manyZh}未被更改。` +
        '它不是本 PDF 文件的哈希：文件的 SHA-256 因印有导出时间而每次不同，已记入审计日志，可在“导出 → 核对文件”中与其记录相匹配。',
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
  row(['Rule · 规则', 'high · 高', 'medium · 中', 'low · 低', 'total · 合计'], 'bold');
  for (const rule of RULES) {
    const c = counts.get(rule.id);
    if (!c) continue;
    row(
      [
        `${rule.id} ${rule.title.en} · ${rule.title.zh}`,
        String(c.high),
        String(c.medium),
        String(c.low),
        String(c.high + c.medium + c.low),
      ],
      'text',
    );
  }
  row(['Total · 合计', ...SEVERITIES.map((s) => String([...counts.values()].reduce((n, c) => n + c[s], 0))), String(total)], 'bold');
}

function findingSection(doc: PDFKit.PDFDocument, f: ExportedFinding): void {
  if (doc.y > doc.page.height - 160) doc.addPage();
  else doc.moveDown(1);
  doc
    .font('bold')
    .fontSize(11)
    .text(`#${f.id} · ${f.ruleId} · ${SEVERITY_WORDS[f.severity] ?? f.severity} · ${STATUS_WORDS[f.status] ?? f.status}`);
  const where = [f.city ? `${f.cityName ?? f.city} ${f.cityNameZh ?? ''} (${f.city})` : null, f.mode, f.channel]
    .filter(Boolean)
    .join(' · ');
  doc.font('text').fontSize(9).fillColor(GREY);
  doc.text(`Subjects · 主体: ${f.subjectNames.map((n) => `${n.name} ${n.nameZh} (${n.id})`).join('; ')}`);
  if (where) doc.text(`Scope · 范围: ${where}`);
  doc.text(`Periods · 期间: ${f.periods.map(([a, b]) => (a === b ? a : `${a}…${b}`)).join(', ')} · holds now: ${f.holds ? 'yes' : 'no'}`);
  // The case's thread is printed once, in the report by case; here only the case is named.
  doc.text(`Case · 案件: ${f.caseId}`);
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
  commentsBlock(doc, f.comments);
}

/** A finding's own comments, or a case's thread. */
function commentsBlock(doc: PDFKit.PDFDocument, comments: ExportedFinding['comments']): void {
  if (comments.length === 0) return;
  doc.font('bold').text('Comments · 评论');
  doc.font('text');
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  for (const c of comments) {
    // Who wrote it on a line of its own; the text, quoted, in a block indented past every
    // bullet, so that not even a wrapped line of it starts where an entry starts.
    doc.text(`• ${commentAuthorship(c)} wrote:`, left, undefined, { indent: 8 });
    doc
      .fillColor(GREY)
      .text(quotedText(c.text), left + 20, undefined, { width: width - 20 })
      .fillColor('black');
    doc.x = left;
  }
}

function caseSection(doc: PDFKit.PDFDocument, c: ExportedCase): void {
  if (doc.y > doc.page.height - 160) doc.addPage();
  else doc.moveDown(1);
  doc
    .font('bold')
    .fontSize(11)
    .text(`${c.ruleId} · ${SEVERITY_WORDS[c.severity] ?? c.severity} · case ${c.id}`);
  doc.font('text').fontSize(9).fillColor(GREY);
  doc.text(`Subjects · 主体: ${c.subjectNames.map((n) => `${n.name} ${n.nameZh} (${n.id})`).join('; ')}`);
  const scope = [c.mode, c.channel].filter(Boolean).join(' · ');
  if (scope) doc.text(`Scope · 范围: ${scope}`);
  if (c.cities.length > 0)
    doc.text(`Cities · 城市 (${c.cities.length}): ${c.cityNames.map((n) => `${n.name} ${n.nameZh} (${n.id})`).join('; ')}`);
  const statuses = (Object.keys(STATUS_WORDS) as (keyof typeof c.statuses)[])
    .filter((s) => c.statuses[s] > 0)
    .map((s) => `${STATUS_WORDS[s]} ${c.statuses[s]}`);
  doc.text(`Findings · 发现: ${c.findingCount} — ${statuses.join(', ')}`);
  doc.text(`Periods · 期间: ${c.firstPeriod === c.lastPeriod ? c.firstPeriod : `${c.firstPeriod}…${c.lastPeriod}`}`);
  doc.fillColor('black').fontSize(10).text(c.explanation).text(c.explanationZh);
  doc.fontSize(8.5);
  commentsBlock(doc, c.comments);
}
