// Findings as an Excel workbook, written as a stream: a Findings sheet (frozen header, filters,
// column widths, dates as dates), an Evidence sheet (one row per report row or agreement behind a
// finding), a Status history sheet (Excel reserves the name History) and a Comments sheet (each
// finding's own; a case's thread is in the export by case, the Findings sheet naming each case). Text is
// stored as text, so a reporter's "=…" is never run. Sheets are written one after the other, in the
// order the zip streams them, each from its own light pass over the findings.
import type { ExportedFinding } from './finding-source.js';
import { periodsText, type ExportWriter } from './export-writer.js';
import { StreamingWorkbook, type WorkbookCell, type WorkbookColumn } from './streaming-workbook.js';

const MONTH = 'yyyy-mm';
const DATE_TIME = 'yyyy-mm-dd hh:mm:ss';

const FINDING_COLUMNS: WorkbookColumn[] = [
  { header: 'ID', width: 8 },
  { header: 'Rule', width: 11 },
  { header: 'Severity', width: 9 },
  { header: 'Status', width: 13 },
  { header: 'Subjects', width: 28 },
  { header: 'Subject names', width: 40 },
  { header: '主体名称', width: 30 },
  { header: 'City', width: 8 },
  { header: 'City name', width: 16 },
  { header: '城市', width: 12 },
  { header: 'Mode', width: 6 },
  { header: 'Channel', width: 8 },
  { header: 'First period', width: 11, numFmt: MONTH },
  { header: 'Last period', width: 11, numFmt: MONTH },
  { header: 'Periods held', width: 22 },
  { header: 'Holds now', width: 9 },
  { header: 'Explanation', width: 80 },
  { header: '说明', width: 60 },
  { header: 'Updated (UTC)', width: 19, numFmt: DATE_TIME },
  { header: 'Fingerprint', width: 40 },
  { header: 'Case', width: 18 },
];

const EVIDENCE_COLUMNS: WorkbookColumn[] = [
  { header: 'Finding ID', width: 10 },
  { header: 'Rule', width: 11 },
  { header: 'Report ID', width: 10 },
  { header: 'Version', width: 8 },
  { header: 'Reporter', width: 16 },
  { header: 'Report period', width: 13, numFmt: MONTH },
  { header: 'Link # (0-based)', width: 16 },
  { header: 'Agreement ref', width: 32 },
  { header: 'Superseded', width: 11 },
];

/** A sheet of comments, a row each, after the column naming what they are on (a finding, or a case). */
export const commentColumns = (on: WorkbookColumn): WorkbookColumn[] => [
  on,
  { header: 'At (UTC)', width: 19, numFmt: DATE_TIME },
  { header: 'Author', width: 14 },
  { header: 'Institution', width: 14 },
  { header: 'Comment', width: 100 },
];

/** A comment's row: its own author column, so that no text can pass for another author's. */
export const commentCells = (on: WorkbookCell, c: ExportedFinding['comments'][number]): WorkbookCell[] => [
  on,
  new Date(c.at),
  c.author,
  c.institution,
  c.text,
];

const HISTORY_COLUMNS: WorkbookColumn[] = [
  { header: 'Finding ID', width: 10 },
  { header: 'At (UTC)', width: 19, numFmt: DATE_TIME },
  { header: 'Actor', width: 14 },
  { header: 'From', width: 13 },
  { header: 'To', width: 13 },
  { header: 'Note', width: 80 },
];

/** A YYYY-MM period as the first day of the month, so Excel sorts and filters it as a date. */
const monthDate = (period: string) => new Date(`${period}-01T00:00:00Z`);

function findingRow(f: ExportedFinding): WorkbookCell[] {
  return [
    f.id,
    f.ruleId,
    f.severity,
    f.status,
    f.subjects.join(', '),
    f.subjectNames.map((n) => n.name).join(', '),
    f.subjectNames.map((n) => n.nameZh).join('、'),
    f.city,
    f.cityName,
    f.cityNameZh,
    f.mode,
    f.channel,
    monthDate(f.firstPeriod),
    monthDate(f.lastPeriod),
    periodsText(f),
    f.holds,
    f.explanation,
    f.explanationZh,
    new Date(f.updatedAt),
    f.fingerprint,
    f.caseId,
  ];
}

export const writeXlsx: ExportWriter = async (source, out, meta) => {
  const workbook = new StreamingWorkbook(
    out,
    [
      { name: 'Findings', columns: FINDING_COLUMNS },
      { name: 'Evidence', columns: EVIDENCE_COLUMNS },
      { name: 'Status history', columns: HISTORY_COLUMNS },
      { name: 'Comments', columns: commentColumns({ header: 'Finding ID', width: 10 }) },
    ],
    { creator: `Interop Monitor (${meta.exportedBy})`, created: new Date(meta.exportedAt) },
  );

  const findings = workbook.sheet('Findings');
  for await (const chunk of source.chunks({})) await findings.addRows(chunk.map(findingRow));
  findings.end();

  const evidence = workbook.sheet('Evidence');
  for await (const chunk of source.evidence()) {
    await evidence.addRows(
      chunk.map((e) => [
        e.findingId,
        e.ruleId,
        e.reportId,
        e.version,
        e.institution,
        monthDate(e.period),
        e.row,
        e.agreementRef,
        e.superseded === true,
      ]),
    );
  }
  evidence.end();

  const history = workbook.sheet('Status history');
  for await (const chunk of source.history())
    await history.addRows(chunk.map((h) => [h.findingId, new Date(h.at), h.actor, h.from, h.to, h.note]));
  history.end();

  const comments = workbook.sheet('Comments');
  for await (const chunk of source.comments()) await comments.addRows(chunk.map((c) => commentCells(c.findingId, c)));
  comments.end();
  await workbook.end();
};
