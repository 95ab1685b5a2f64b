// Spreadsheet formula injection: a cell that starts with = + - @ (or a tab or carriage return) is
// run as a formula by Excel and LibreOffice. Such text is prefixed with an apostrophe, which shows
// the text as written and runs nothing (OWASP's advice for CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
