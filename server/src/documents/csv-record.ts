// One CSV record as findings exports and the audit trail's export write it: formula-safe, quoted as
// csv-stringify quotes, with the line ending Excel expects.
import { neutraliseFormula } from './formula-guard.js';

const NEEDS_QUOTES = /[",\r\n]/;

/** A CSV field as csv-stringify writes it: quoted when it holds a quote, comma or line break. */
function field(text: string): string {
  const safe = neutraliseFormula(text);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One record with its Windows line ending, as Excel expects; formula-safe (the audit trail's CSV uses it too). */
export const csvRecord = (cells: readonly string[]) => cells.map(field).join(',') + '\r\n';
