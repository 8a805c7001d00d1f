import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** One row of an uploaded table: its line (as a person sees it in the file) and cells by column. */
export interface TableRow {
  line: number;
  cells: Record<string, unknown>;
}

export interface Table {
  columns: string[];
  rows: TableRow[];
}

export class TableError extends Error {
  constructor(
    readonly line: number,
    readonly column: string,
    message: string,
  ) {
    super(message);
  }
}

export const MAX_IMPORT_ROWS = 200_000;
const MAX_COLUMNS = 200;

export type TableFormat = 'csv' | 'xlsx' | 'json';

export function formatOf(filename: string): TableFormat | null {
  const ext = filename.toLowerCase().split('.').pop();
  return ext === 'csv' || ext === 'xlsx' || ext === 'json' ? ext : null;
}

function checkSize(columns: string[], rows: number) {
  if (columns.length > MAX_COLUMNS)
    throw new TableError(1, '', `The file has more than ${MAX_COLUMNS} columns.`);
  if (rows > MAX_IMPORT_ROWS)
    throw new TableError(
      MAX_IMPORT_ROWS + 2,
      '',
      `The file has more than ${MAX_IMPORT_ROWS} rows: split it.`,
    );
}

function readCsv(bytes: Buffer): Table {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  let columns: string[] = [];
  try {
    records = parse(bytes, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      comment: '#',
      columns: (header: string[]) => {
        columns = header.map((h) => h.trim());
        return columns;
      },
    }) as typeof records;
  } catch (e) {
    const err = e as { lines?: number; message: string };
    throw new TableError(err.lines ?? 1, '', `The file is not valid CSV: ${err.message}`);
  }
  checkSize(columns, records.length);
  return { columns, rows: records.map((r) => ({ line: r.info.lines, cells: r.record })) };
}

function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('error' in v) return null;
  }
  return v;
}

async function readXlsx(bytes: Buffer): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new TableError(1, '', `The file is not a valid XLSX workbook: ${(e as Error).message}`);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new TableError(1, '', 'The workbook has no sheet.');
  // The header is the first row whose first cell is not a "#" comment (exports start with the marking).
  let headerRow = 1;
  while (
    headerRow <= ws.rowCount &&
    String(cellValue(ws.getRow(headerRow).getCell(1).value) ?? '').startsWith('#')
  )
    headerRow++;
  const header = ws.getRow(headerRow);
  const columns: string[] = [];
  header.eachCell({ includeEmpty: false }, (cell, col) => {
    columns[col - 1] = String(cellValue(cell.value) ?? '').trim();
  });
  checkSize(columns, ws.rowCount - headerRow);
  const rows: TableRow[] = [];
  for (let i = headerRow + 1; i <= ws.rowCount; i++) {
    const row = ws.getRow(i);
    if (!row.hasValues) continue;
    const cells: Record<string, unknown> = {};
    columns.forEach((c, idx) => {
      if (c) cells[c] = cellValue(row.getCell(idx + 1).value);
    });
    rows.push({ line: i, cells });
  }
  return { columns: columns.filter(Boolean), rows };
}

function readJson(bytes: Buffer): Table {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new TableError(1, '', `The file is not valid JSON: ${(e as Error).message}`);
  }
  const items = Array.isArray(parsed) ? parsed : (parsed as { items?: unknown })?.items;
  if (!Array.isArray(items))
    throw new TableError(1, '', 'Expected a JSON array of records (or an object with "items").');
  const columns = new Set<string>();
  const rows = items.map((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item))
      throw new TableError(i + 1, '', `Item ${i + 1} is not an object.`);
    const cells = (
      'data' in item && typeof (item as { data: unknown }).data === 'object'
        ? (item as { data: Record<string, unknown> }).data
        : item
    ) as Record<string, unknown>;
    for (const k of Object.keys(cells)) columns.add(k);
    return { line: i + 1, cells };
  });
  checkSize([...columns], rows.length);
  return { columns: [...columns], rows };
}

/** Reads an uploaded CSV, XLSX or JSON file into rows (size-limited; malformed files rejected). */
export async function readTable(format: TableFormat, bytes: Buffer): Promise<Table> {
  if (bytes.length === 0) throw new TableError(1, '', 'The file is empty.');
  if (format === 'csv') return readCsv(bytes);
  if (format === 'xlsx') return readXlsx(bytes);
  return readJson(bytes);
}
