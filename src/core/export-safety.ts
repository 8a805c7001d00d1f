import { stringify } from 'csv-stringify/sync';

/**
 * Characters that begin a formula once a spreadsheet program has read them: = + - @ and a tab or
 * carriage return (a program may drop it and read the next character as the start), plus the
 * look-alikes that NFKC does not fold into those: the minus sign U+2212 (the NFKC form of the
 * superscript and subscript minus), and the heavy plus / minus signs U+2795 / U+2796.
 */
const FORMULA_START = /^[=+\-@\t\r\u2212\u2795\u2796]/;

/**
 * Spreadsheet formula injection: a cell that begins with =, +, -, @ (or a tab / carriage return),
 * or with a look-alike that a spreadsheet program (Excel, LibreOffice) may normalise into one —
 * fullwidth ＝ ＋ － ＠ (U+FF1D U+FF0B U+FF0D U+FF20), the small variants ﹢ ﹣ ﹦ ﹫ (U+FE62 U+FE63
 * U+FE66 U+FE6B), superscript / subscript ⁺ ⁻ ₊ ₋, the minus sign − (U+2212) — is executed or
 * turned into a formula. Prefix it with an apostrophe. The first character is checked after NFKC
 * normalisation (compatibility forms fold into their ASCII characters); the value itself is kept.
 * Every export (CSV, XLSX, JSON download) passes each text cell through this one function.
 */
export function neutraliseCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = value instanceof Date ? value.toISOString() : String(value);
  const first = s.codePointAt(0);
  if (first === undefined) return s;
  const normalised = String.fromCodePoint(first).normalize('NFKC');
  return FORMULA_START.test(s) || FORMULA_START.test(normalised) ? `'${s}` : s;
}

/**
 * A CSV file whose first line states the marking and sharing rule (a "#" comment line, kept
 * unquoted so a person reads it first), then the header and the rows.
 */
export function csvWithMarking(markingLine: string, header: string[], rows: string[][]): string {
  return `# ${markingLine.replace(/[\r\n]+/g, ' ')}\n${stringify([header, ...rows])}`;
}
