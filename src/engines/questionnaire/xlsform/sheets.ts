/** Workbook sheets as rows of text cells, read with exceljs (Node side only). */
import ExcelJS from 'exceljs';
import { type Header, parseHeader } from './columns.ts';

export interface SheetRow {
  /** The spreadsheet row number (1 = the header row). */
  row: number;
  /** Cell text by header column index (only non-blank cells, as written). */
  cells: Map<number, string>;
}

export interface Sheet {
  name: string;
  headers: Header[];
  rows: SheetRow[];
}

export class WorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookError';
  }
}

/** The text of an exceljs cell value: numbers as written, booleans as true/false, dates as YYYY-MM-DD. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v)
      return cellText((v as { result?: ExcelJS.CellValue }).result as ExcelJS.CellValue);
    if ('text' in v) return cellText((v as { text: ExcelJS.CellValue }).text);
    if ('error' in v) return '';
  }
  return String(v);
}

export async function loadWorkbook(data: Uint8Array | ArrayBuffer): Promise<Map<string, Sheet>> {
  const wb = new ExcelJS.Workbook();
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  try {
    await wb.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer,
    );
  } catch (e) {
    throw new WorkbookError(`not a readable .xlsx workbook (${(e as Error).message})`);
  }
  const sheets = new Map<string, Sheet>();
  for (const ws of wb.worksheets) {
    const name = ws.name.trim().toLowerCase();
    if (sheets.has(name)) continue;
    const headers: Header[] = [];
    ws.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
      const h = parseHeader(cellText(cell.value), col);
      if (h) headers.push(h);
    });
    const rows: SheetRow[] = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells = new Map<number, string>();
      for (const h of headers) {
        const t = cellText(row.getCell(h.col).value);
        if (t.trim() !== '') cells.set(h.col, t);
      }
      if (cells.size > 0) rows.push({ row: r, cells });
    }
    sheets.set(name, { name, headers, rows });
  }
  return sheets;
}
