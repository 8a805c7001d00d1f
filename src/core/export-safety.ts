import { stringify } from 'csv-stringify/sync';

/**
 * Spreadsheet formula injection: a cell that begins with =, +, -, @ (or a tab / carriage return
 * followed by one) is executed by spreadsheet programs. Prefix it with an apostrophe.
 */
export function neutraliseCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = value instanceof Date ? value.toISOString() : String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/**
 * A CSV file whose first line states the marking and sharing rule (a "#" comment line, kept
 * unquoted so a person reads it first), then the header and the rows.
 */
export function csvWithMarking(markingLine: string, header: string[], rows: string[][]): string {
  return `# ${markingLine.replace(/[\r\n]+/g, ' ')}\n${stringify([header, ...rows])}`;
}
