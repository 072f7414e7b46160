/**
 * CSV (RFC 4180) for the report CLI and the history exports, safe to open in a spreadsheet.
 *
 * Host names, titles and URLs come from the pages a user visited, so any of them can be hostile.
 * Per OWASP's CSV Injection guidance (and ASVS 5.0 requirement 1.2.10), a text cell starting with
 * = + - @ tab, carriage return, line feed or NUL is prefixed with a single quote so spreadsheets show it as
 * text instead of running it as a formula; then the cell is quoted as RFC 4180 requires. Spreadsheets in
 * East Asian locales also read the full-width forms (＝ ＋ － ＠, U+FF1D U+FF0B U+FF0D U+FF20) and the small
 * forms (﹦ ﹢ ﹣ ﹫, U+FE66 U+FE62 U+FE63 U+FE6B) as their ASCII twins, so those are prefixed as well.
 * Numbers are written as numbers and not prefixed.
 */

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r\n\0\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function escapeCsvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows → CSV text with CRLF line ends (RFC 4180), ending with a line break. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(escapeCsvCell).join(',')).join('\r\n') + '\r\n';
}
