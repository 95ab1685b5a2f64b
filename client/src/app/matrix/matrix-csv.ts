// The matrix on screen as a CSV file: UTF-8 with a BOM so that Excel opens Chinese names, one row
// per scanner × issuer pair of the grid ("none" where no link is declared), ids and names in both
// languages, the page's filters on every row. The same columns and quoting as the findings export.
import type { Matrix } from '../core/api/api-types';
import { cellKey } from './matrix-diff';

/** A name in both languages, as the reference data holds it. */
export interface BilingualName {
  name: string;
  nameZh: string;
}

export const MATRIX_CSV_COLUMNS = [
  'city',
  'city_name',
  'city_name_zh',
  'period',
  'mode',
  'channel',
  'scanner',
  'scanner_name',
  'scanner_name_zh',
  'issuer',
  'issuer_name',
  'issuer_name_zh',
  'status',
  'since',
  'reconciliation',
] as const;

const NEEDS_QUOTES = /[",\r\n]/;
// A cell starting with = + - @ (or a tab or carriage return) runs as a formula in Excel: an apostrophe shows it as written (OWASP).
const FORMULA_START = /^[=+\-@\t\r]/;

function field(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const record = (cells: readonly string[]) => cells.map(field).join(',') + '\r\n';

/** The file's text, BOM first; rows in the grid's order (scanners as the rows, issuers across). */
export function matrixCsv(matrix: Matrix, city: BilingualName | undefined, institution: (id: string) => BilingualName | undefined): string {
  const cells = new Map(matrix.cells.map((c) => [cellKey(c.scanner, c.issuer), c]));
  const names = (id: string) => [id, institution(id)?.name ?? id, institution(id)?.nameZh ?? id];
  const filters = [matrix.city, city?.name ?? matrix.city, city?.nameZh ?? matrix.city, matrix.period, matrix.mode, matrix.channel];
  let text = '\uFEFF' + record(MATRIX_CSV_COLUMNS);
  for (const scanner of matrix.institutions) {
    for (const issuer of matrix.institutions) {
      const cell = cells.get(cellKey(scanner, issuer));
      text += record([
        ...filters,
        ...names(scanner),
        ...names(issuer),
        cell?.status ?? 'none',
        cell?.since ?? '',
        cell?.reconciliation ?? '',
      ]);
    }
  }
  return text;
}

/** interop-matrix_110000_2021-06_mpm_offline.csv: the filters in the name, so two downloads never overwrite each other. */
export const matrixCsvName = (m: Matrix) => `interop-matrix_${m.city}_${m.period}_${m.mode}_${m.channel}.csv`;
