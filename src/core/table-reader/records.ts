import type { TableLimits } from './limits.ts';

/** One record of a file as read: its line (CSV, JSON lines) or row number (XLSX) and its values by position. */
export interface RawRecord {
  line: number;
  values: unknown[];
}

/** A cell whose text went beyond the cell limit: reading it stopped, only its length is kept. */
export class OverlongCell {
  constructor(readonly length: number) {}
}

/** What the format readers share: the limits and the names of the columns once the header is known
 * (for messages such as 'column "name"'). */
export interface ReaderContext {
  limits: TableLimits;
  /** Header names by position, filled in by the caller after the header record. */
  header: string[];
}

/** The column's name for messages: its header name, else its position (CSV) or letter (XLSX). */
export function columnLabel(ctx: ReaderContext, index0: number, letters = false): string {
  const h = ctx.header[index0];
  if (h) return h;
  return letters ? columnLetters(index0 + 1) : String(index0 + 1);
}

/** 1 → A, 27 → AA. */
export function columnLetters(n: number): string {
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A → 1, AA → 27 (the letters of a cell reference such as "AB12"); 0 when there are none. */
export function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
    // Excel stops at XFD (16,384): anything longer is not a cell reference of a sheet.
    if (n > 1_000_000) return n;
  }
  return n;
}
