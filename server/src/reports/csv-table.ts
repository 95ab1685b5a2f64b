// Parses a CSV file into header-checked records that remember their row (1 = header).
import { parse } from 'csv-parse/sync';
import type { ProblemItem } from '../domain/errors.js';
import { decodeText } from './decode-text.js';

export interface CsvRecord {
  row: number;
  values: Record<string, string>;
}

export interface CsvTable {
  records: CsvRecord[];
  errors: ProblemItem[];
}

interface CsvParseError extends Error {
  code?: string;
  lines?: number;
}

/**
 * The longest record read: an agreement row (a 5,000-character text, every city of the registry)
 * fits several times over. A file without line breaks stops here instead of being read whole as one
 * record: a long one holds the parser for a long time, the server answering nothing else meanwhile.
 */
const MAX_RECORD_CHARS = 64 * 1024;

/** A header cell as problems name it: long ones cut, so that an answer never echoes a whole file back. */
const shown = (name: string) => (name.length > 60 ? `${name.slice(0, 60)}…` : name);

export function readCsvTable(bytes: Uint8Array, columns: readonly string[], required: readonly string[], file: string): CsvTable {
  const { text } = decodeText(bytes);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: false,
      max_record_size: MAX_RECORD_CHARS,
    }) as unknown as typeof parsed;
  } catch (err) {
    const e = err as CsvParseError;
    const tooLong = e.code === 'CSV_MAX_RECORD_SIZE';
    const message = tooLong ? `a row is longer than ${MAX_RECORD_CHARS} characters (does the file have line breaks?)` : e.message;
    // The parser's own message exists in English only; the Chinese says what kind of fault it is.
    const messageZh = tooLong ? `有一行超过 ${MAX_RECORD_CHARS} 个字符（文件是否有换行符？）` : `CSV 格式有误（${e.message}）`;
    return {
      records: [],
      errors: [{ code: 'BAD_CSV', message: `${file}: ${message}`, messageZh: `${file} 文件：${messageZh}`, row: e.lines ?? 1 }],
    };
  }
  if (parsed.length === 0)
    return { records: [], errors: [{ code: 'EMPTY_FILE', message: `${file} is empty`, messageZh: `${file} 文件为空`, row: 1 }] };

  const header = parsed[0].record.map((h) => h.trim().toLowerCase());
  const errors: ProblemItem[] = [];
  for (const name of required) {
    if (!header.includes(name))
      errors.push({
        code: 'MISSING_COLUMN',
        message: `${file} has no column "${name}"`,
        messageZh: `${file} 文件缺少列 "${name}"`,
        row: 1,
        column: name,
      });
  }
  header.forEach((name) => {
    if (!columns.includes(name))
      errors.push({
        code: 'UNKNOWN_COLUMN',
        message: `${file} has an unknown column "${shown(name)}"`,
        messageZh: `${file} 文件有未知列 "${shown(name)}"`,
        row: 1,
        column: shown(name),
      });
  });
  if (errors.length > 0) return { records: [], errors };

  const records: CsvRecord[] = [];
  for (const { record, info } of parsed.slice(1)) {
    if (record.length !== header.length) {
      errors.push({
        code: 'BAD_CSV',
        message: `${file}: expected ${header.length} cells, found ${record.length}`,
        messageZh: `${file} 文件：应有 ${header.length} 个单元格，实有 ${record.length} 个`,
        row: info.lines,
      });
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((name, i) => {
      values[name] = record[i].trim();
    });
    records.push({ row: info.lines, values });
  }
  return { records, errors };
}
