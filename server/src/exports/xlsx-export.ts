// Findings as an Excel workbook, written as a stream: a Findings sheet (frozen header, filters,
// column widths, dates as dates), an Evidence sheet (one row per report row or agreement behind a
// finding), a Status history sheet (Excel reserves the name History) and a Comments sheet. Text is
// stored as text (exceljs writes a formula only when given one), so a reporter's "=…" is never run.
// Sheets are written one after the other, in the order the zip streams them. (exceljs applies no
// backpressure to its zip: 100,000 findings peak at about 400 MB of RSS; see the note of issue 4.)
import ExcelJS from 'exceljs';
import type { ExportedFinding } from './finding-source.js';
import { periodsText, type ExportWriter } from './export-writer.js';

interface SheetColumn {
  header: string;
  key: string;
  width: number;
  numFmt?: string;
}

const MONTH = 'yyyy-mm';
const DATE_TIME = 'yyyy-mm-dd hh:mm:ss';

const FINDING_COLUMNS: SheetColumn[] = [
  { header: 'ID', key: 'id', width: 8 },
  { header: 'Rule', key: 'rule', width: 11 },
  { header: 'Severity', key: 'severity', width: 9 },
  { header: 'Status', key: 'status', width: 13 },
  { header: 'Subjects', key: 'subjects', width: 28 },
  { header: 'Subject names', key: 'subjectNames', width: 40 },
  { header: '主体名称', key: 'subjectNamesZh', width: 30 },
  { header: 'City', key: 'city', width: 8 },
  { header: 'City name', key: 'cityName', width: 16 },
  { header: '城市', key: 'cityNameZh', width: 12 },
  { header: 'Mode', key: 'mode', width: 6 },
  { header: 'Channel', key: 'channel', width: 8 },
  { header: 'First period', key: 'firstPeriod', width: 11, numFmt: MONTH },
  { header: 'Last period', key: 'lastPeriod', width: 11, numFmt: MONTH },
  { header: 'Periods held', key: 'periods', width: 22 },
  { header: 'Holds now', key: 'holds', width: 9 },
  { header: 'Explanation', key: 'explanation', width: 80 },
  { header: '说明', key: 'explanationZh', width: 60 },
  { header: 'Updated (UTC)', key: 'updatedAt', width: 19, numFmt: DATE_TIME },
  { header: 'Fingerprint', key: 'fingerprint', width: 40 },
];

const EVIDENCE_COLUMNS: SheetColumn[] = [
  { header: 'Finding ID', key: 'findingId', width: 10 },
  { header: 'Rule', key: 'rule', width: 11 },
  { header: 'Report ID', key: 'reportId', width: 10 },
  { header: 'Version', key: 'version', width: 8 },
  { header: 'Reporter', key: 'institution', width: 16 },
  { header: 'Report period', key: 'period', width: 13, numFmt: MONTH },
  { header: 'Link # (0-based)', key: 'row', width: 16 },
  { header: 'Agreement ref', key: 'agreementRef', width: 32 },
];

const COMMENT_COLUMNS: SheetColumn[] = [
  { header: 'Finding ID', key: 'findingId', width: 10 },
  { header: 'At (UTC)', key: 'at', width: 19, numFmt: DATE_TIME },
  { header: 'Author', key: 'author', width: 14 },
  { header: 'Institution', key: 'institution', width: 14 },
  { header: 'Comment', key: 'text', width: 100 },
];

const HISTORY_COLUMNS: SheetColumn[] = [
  { header: 'Finding ID', key: 'findingId', width: 10 },
  { header: 'At (UTC)', key: 'at', width: 19, numFmt: DATE_TIME },
  { header: 'Actor', key: 'actor', width: 14 },
  { header: 'From', key: 'from', width: 13 },
  { header: 'To', key: 'to', width: 13 },
  { header: 'Note', key: 'note', width: 80 },
];

/** A YYYY-MM period as the first day of the month, so Excel sorts and filters it as a date. */
const monthDate = (period: string) => new Date(`${period}-01T00:00:00Z`);

function findingRow(f: ExportedFinding) {
  return {
    id: f.id,
    rule: f.ruleId,
    severity: f.severity,
    status: f.status,
    subjects: f.subjects.join(', '),
    subjectNames: f.subjectNames.map((n) => n.name).join(', '),
    subjectNamesZh: f.subjectNames.map((n) => n.nameZh).join('、'),
    city: f.city,
    cityName: f.cityName,
    cityNameZh: f.cityNameZh,
    mode: f.mode,
    channel: f.channel,
    firstPeriod: monthDate(f.firstPeriod),
    lastPeriod: monthDate(f.lastPeriod),
    periods: periodsText(f),
    holds: f.holds,
    explanation: f.explanation,
    explanationZh: f.explanationZh,
    updatedAt: new Date(f.updatedAt),
    fingerprint: f.fingerprint,
  };
}

function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: SheetColumn[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map(({ header, key, width, numFmt }) => ({ header, key, width, ...(numFmt ? { style: { numFmt } } : {}) }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

export const writeXlsx: ExportWriter = async (source, out, meta) => {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = `Interop Monitor (${meta.exportedBy})`;
  workbook.created = new Date(meta.exportedAt);

  const findings = addSheet(workbook, 'Findings', FINDING_COLUMNS);
  for await (const chunk of source.chunks({})) for (const f of chunk) findings.addRow(findingRow(f)).commit();
  findings.commit();

  const evidence = addSheet(workbook, 'Evidence', EVIDENCE_COLUMNS);
  for await (const chunk of source.chunks({})) {
    for (const f of chunk) {
      for (const e of f.evidence) {
        evidence.addRow({ findingId: f.id, rule: f.ruleId, reportId: e.reportId, version: e.version, institution: e.institution, period: monthDate(e.period), row: e.row ?? null, agreementRef: e.agreementRef ?? null }).commit();
      }
    }
  }
  evidence.commit();

  const history = addSheet(workbook, 'Status history', HISTORY_COLUMNS);
  for await (const chunk of source.chunks({ history: true })) {
    for (const f of chunk) {
      for (const h of f.history) history.addRow({ findingId: f.id, at: new Date(h.at), actor: h.actor, from: h.from, to: h.to, note: h.note }).commit();
    }
  }
  history.commit();

  const comments = addSheet(workbook, 'Comments', COMMENT_COLUMNS);
  for await (const chunk of source.chunks({ comments: true })) {
    for (const f of chunk) {
      for (const c of f.comments) comments.addRow({ findingId: f.id, at: new Date(c.at), author: c.author, institution: c.institution, text: c.text }).commit();
    }
  }
  comments.commit();
  await workbook.commit();
};
