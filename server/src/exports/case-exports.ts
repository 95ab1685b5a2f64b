// Cases as files (GET /exports/findings?by=case): one row a case with its rule, subjects, mode and
// channel, worst severity, cities (count and list), findings by status, periods, explanation and the
// case's thread: stored once, exported once here (an export by finding names the case instead).
// The XLSX puts the thread in a Comments sheet, a row a comment, as the findings' XLSX does: a
// thread can outgrow the 32,767 characters an Excel cell holds.
// CSV with a BOM and formula-safe cells, as the findings' CSV; XLSX with text stored as text;
// JSON deterministic (no timestamp), as the findings' JSON.
import type { Writable } from 'node:stream';
import { csvRecord } from '../documents/csv-record.js';
import type { CaseSource, ExportedCase } from './case-source.js';
import { write } from '../documents/stream-write.js';
import { commentsText, type ExportMeta } from './export-writer.js';
import { writeJsonRows } from './json-export.js';
import { StreamingWorkbook, type WorkbookCell, type WorkbookColumn } from './streaming-workbook.js';
import { commentCells, commentColumns } from './xlsx-export.js';

export type CaseExportWriter = (source: CaseSource, out: Writable, meta: ExportMeta) => Promise<void>;

export const CASE_CSV_COLUMNS = [
  'case',
  'rule',
  'severity',
  'subjects',
  'subject_names',
  'subject_names_zh',
  'mode',
  'channel',
  'city_count',
  'cities',
  'city_names',
  'city_names_zh',
  'findings',
  'open',
  'acknowledged',
  'confirmed',
  'dismissed',
  'resolved',
  'first_period',
  'last_period',
  'explanation',
  'explanation_zh',
  'comments',
  'updated_at',
] as const;

function caseCells(c: ExportedCase): (string | number | null)[] {
  return [
    c.id,
    c.ruleId,
    c.severity,
    c.subjects.join(';'),
    c.subjectNames.map((n) => n.name).join(';'),
    c.subjectNames.map((n) => n.nameZh).join(';'),
    c.mode,
    c.channel,
    c.cities.length,
    c.cities.join(';'),
    c.cityNames.map((n) => n.name).join(';'),
    c.cityNames.map((n) => n.nameZh).join(';'),
    c.findingCount,
    c.statuses.open,
    c.statuses.acknowledged,
    c.statuses.confirmed,
    c.statuses.dismissed,
    c.statuses.resolved,
    c.firstPeriod,
    c.lastPeriod,
    c.explanation,
    c.explanationZh,
    commentsText(c),
    c.updatedAt,
  ];
}

export const writeCaseCsv: CaseExportWriter = async (source, out) => {
  await write(out, '\uFEFF' + csvRecord(CASE_CSV_COLUMNS));
  for await (const chunk of source.chunks())
    await write(out, chunk.map((c) => csvRecord(caseCells(c).map((cell) => (cell === null ? '' : String(cell))))).join(''));
};

export const writeCaseJson: CaseExportWriter = (source, out, meta) => writeJsonRows('case', source.chunks(), out, meta);

const CASE_COLUMNS: WorkbookColumn[] = [
  { header: 'Case', width: 18 },
  { header: 'Rule', width: 11 },
  { header: 'Severity', width: 9 },
  { header: 'Subjects', width: 28 },
  { header: 'Subject names', width: 40 },
  { header: '主体名称', width: 30 },
  { header: 'Mode', width: 6 },
  { header: 'Channel', width: 8 },
  { header: 'Cities', width: 8 },
  { header: 'City codes', width: 40 },
  { header: 'City names', width: 40 },
  { header: '城市', width: 30 },
  { header: 'Findings', width: 9 },
  { header: 'Open', width: 7 },
  { header: 'Acknowledged', width: 13 },
  { header: 'Confirmed', width: 10 },
  { header: 'Dismissed', width: 10 },
  { header: 'Resolved', width: 9 },
  { header: 'First period', width: 11, numFmt: 'yyyy-mm' },
  { header: 'Last period', width: 11, numFmt: 'yyyy-mm' },
  { header: 'Explanation', width: 80 },
  { header: '说明', width: 60 },
  { header: 'Updated (UTC)', width: 19, numFmt: 'yyyy-mm-dd hh:mm:ss' },
];

const monthDate = (period: string) => new Date(`${period}-01T00:00:00Z`);

function caseRow(c: ExportedCase): WorkbookCell[] {
  return [
    c.id,
    c.ruleId,
    c.severity,
    c.subjects.join(', '),
    c.subjectNames.map((n) => n.name).join(', '),
    c.subjectNames.map((n) => n.nameZh).join('、'),
    c.mode,
    c.channel,
    c.cities.length,
    c.cities.join(', '),
    c.cityNames.map((n) => n.name).join(', '),
    c.cityNames.map((n) => n.nameZh).join('、'),
    c.findingCount,
    c.statuses.open,
    c.statuses.acknowledged,
    c.statuses.confirmed,
    c.statuses.dismissed,
    c.statuses.resolved,
    monthDate(c.firstPeriod),
    monthDate(c.lastPeriod),
    c.explanation,
    c.explanationZh,
    new Date(c.updatedAt),
  ];
}

export const writeCaseXlsx: CaseExportWriter = async (source, out, meta) => {
  const workbook = new StreamingWorkbook(
    out,
    [
      { name: 'Cases', columns: CASE_COLUMNS },
      { name: 'Comments', columns: commentColumns({ header: 'Case', width: 18 }) },
    ],
    { creator: `Interop Monitor (${meta.exportedBy})`, created: new Date(meta.exportedAt) },
  );
  const sheet = workbook.sheet('Cases');
  for await (const chunk of source.chunks({})) await sheet.addRows(chunk.map(caseRow));
  sheet.end();
  const comments = workbook.sheet('Comments');
  for await (const chunk of source.comments()) await comments.addRows(chunk.map((c) => commentCells(c.caseId, c)));
  comments.end();
  await workbook.end();
};
