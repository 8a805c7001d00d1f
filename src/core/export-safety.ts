/**
 * Spreadsheet formula injection: a cell that begins with =, +, -, @ (or a tab / carriage return
 * followed by one) is executed by spreadsheet programs. Prefix it with an apostrophe.
 */
export function neutraliseCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = value instanceof Date ? value.toISOString() : String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
