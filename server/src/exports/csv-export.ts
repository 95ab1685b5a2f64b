// Findings as CSV: UTF-8 with a BOM so that Excel opens Chinese names correctly, one finding a row,
// evidence, history and the finding's own comments as text, and its case (whose thread the export by case holds). Cells that would start a formula are neutralised: a
// spreadsheet runs a CSV cell's formula, whereas XLSX stores text as text.
import type { ExportedFinding } from './finding-source.js';
import { write } from '../documents/stream-write.js';
import { commentsText, evidenceText, historyText, periodsText, type ExportWriter } from './export-writer.js';
import { csvRecord } from '../documents/csv-record.js';

export const CSV_COLUMNS = [
  'id',
  'rule',
  'rule_version',
  'severity',
  'status',
  'subjects',
  'subject_names',
  'subject_names_zh',
  'city',
  'city_name',
  'city_name_zh',
  'mode',
  'channel',
  'first_period',
  'last_period',
  'periods',
  'holds',
  'explanation',
  'explanation_zh',
  'evidence',
  'history',
  'comments',
  'updated_at',
  'fingerprint',
  'case',
] as const;

function csvRow(f: ExportedFinding): string {
  const cells = [
    String(f.id),
    f.ruleId,
    String(f.ruleVersion),
    f.severity,
    f.status,
    f.subjects.join(';'),
    f.subjectNames.map((n) => n.name).join(';'),
    f.subjectNames.map((n) => n.nameZh).join(';'),
    f.city ?? '',
    f.cityName ?? '',
    f.cityNameZh ?? '',
    f.mode ?? '',
    f.channel ?? '',
    f.firstPeriod,
    f.lastPeriod,
    periodsText(f),
    f.holds ? 'true' : 'false',
    f.explanation,
    f.explanationZh,
    evidenceText(f),
    historyText(f),
    commentsText(f),
    f.updatedAt,
    f.fingerprint,
    f.caseId,
  ];
  return csvRecord(cells);
}

export const writeCsv: ExportWriter = async (source, out) => {
  await write(out, '\uFEFF' + csvRecord(CSV_COLUMNS));
  for await (const chunk of source.chunks()) await write(out, chunk.map(csvRow).join(''));
};
