/**
 * The one bounded reader of uploaded tables (CSV, XLSX, JSON, JSON lines) for every entry point of
 * the server: registry and user imports, screening party and declaration files, risk uploads (and
 * later XLSForm and IATI imports). Rows, columns, cell length and (for XLSX) the inflated size of
 * each zip part are limited WHILE reading (see limits.ts); a limit stops the read at once with a
 * TableError (413 size / 422 rows, columns, cell) naming the limit and the value found. Run it off
 * the main thread with `readTableInWorker` (in-worker.ts). Imports no web or database code.
 */
import { type CsvOptions, csvRecords } from './csv.ts';
import { jsonItems, jsonLinesRecords } from './json.ts';
import {
  cellTooLong,
  TableError,
  type TableLimits,
  textTooLarge,
  tooManyColumns,
  tooManyRows,
} from './limits.ts';
import { columnLabel, OverlongCell, type RawRecord, type ReaderContext } from './records.ts';
import { xlsxRecords } from './xlsx.ts';

export * from './limits.ts';
export type { RawRecord } from './records.ts';

/** One row of an uploaded table: its line (as a person sees it in the file) and cells by column. */
export interface TableRow {
  line: number;
  cells: Record<string, unknown>;
}

export interface Table {
  columns: string[];
  rows: TableRow[];
}

export type TableFormat = 'csv' | 'xlsx' | 'json' | 'jsonl';

/** The format from the file name: .csv, .xlsx, .json, .jsonl / .ndjson; null for anything else. */
export function formatOf(filename: string): TableFormat | null {
  const ext = filename.toLowerCase().split('.').pop();
  if (ext === 'ndjson') return 'jsonl';
  return ext === 'csv' || ext === 'xlsx' || ext === 'json' || ext === 'jsonl' ? ext : null;
}

export interface TableReadOptions extends CsvOptions {
  limits: TableLimits;
  /** Called with the number of data rows read, every 10,000 rows. */
  onProgress?: (rows: number) => void;
}

/**
 * The records of a CSV, XLSX or JSON-lines file: the header first, then every data row, each
 * checked against the limits as it arrives. XLSX rows before the header whose first cell starts
 * with "#" are skipped (exports start with the marking); so are CSV lines starting with
 * `opts.comment`. Stop iterating to stop reading.
 */
export async function* tableRecords(
  format: 'csv' | 'xlsx' | 'jsonl',
  bytes: Uint8Array,
  opts: TableReadOptions,
): AsyncGenerator<RawRecord> {
  const { limits } = opts;
  if (bytes.length === 0) throw new TableError(1, '', 'The file is empty.');
  const ctx: ReaderContext = { limits, header: [] };
  const source =
    format === 'csv'
      ? csvRecords(bytes, ctx, opts)
      : format === 'xlsx'
        ? xlsxRecords(bytes, ctx)
        : jsonLinesRecords(bytes, ctx);
  let header = false;
  let rows = 0;
  let skipped = 0;
  let chars = 0;
  const letters = format === 'xlsx';
  for await (const r of source) {
    const values = r.values;
    // Data rows count; so do the skipped "#" rows before the header, on their own (a sheet of
    // nothing but comment rows is bounded too).
    const comment = !header && letters && String(values[0] ?? '').startsWith('#');
    if (header || comment) {
      const n = header ? ++rows : ++skipped;
      if (n > limits.maxRows) throw tooManyRows(r.line, limits, letters ? 'sheet' : 'file');
    }
    if (values.length > limits.maxColumns)
      throw tooManyColumns(r.line, values.length, limits, header ? (letters ? 'sheet' : 'file') : 'header');
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v === 'string') {
        if (v.length > limits.maxCellChars)
          throw cellTooLong(r.line, columnLabel(ctx, i, letters), v.length, limits);
        chars += v.length;
      } else if (v instanceof OverlongCell)
        throw cellTooLong(r.line, columnLabel(ctx, i, letters), v.length, limits);
    }
    if (chars > limits.maxUncompressedBytes) throw textTooLarge(r.line, limits);
    if (!header) {
      if (comment) continue;
      ctx.header = values.map((v) => String(v ?? '').trim());
      header = true;
      yield r;
      continue;
    }
    if (opts.onProgress && rows % 10_000 === 0) opts.onProgress(rows);
    yield r;
  }
}

/**
 * Reads an uploaded CSV, XLSX, JSON or JSON-lines file into rows, within the limits. CSV and JSON
 * lines: the header's names (trimmed) are the columns; XLSX: the header row's non-empty cells, a
 * row kept when it holds a value, dates as yyyy-mm-dd; JSON: an array of objects (or
 * {"items": […]}). Lines are as a person sees them (CSV line, XLSX row, JSON item number).
 */
export async function readTable(
  format: TableFormat,
  bytes: Uint8Array,
  opts: TableReadOptions,
): Promise<Table> {
  if (bytes.length === 0) throw new TableError(1, '', 'The file is empty.');
  if (format === 'json') return jsonItems(bytes, { limits: opts.limits, header: [] });
  let columns: string[] | null = null;
  const rows: TableRow[] = [];
  for await (const r of tableRecords(format, bytes, opts)) {
    if (!columns) {
      columns = [];
      // XLSX: only the header's non-empty cells name a column (positions kept, holes skipped).
      r.values.forEach((v, i) => {
        if (format !== 'xlsx' || (v !== null && v !== undefined)) columns![i] = String(v ?? '').trim();
      });
      continue;
    }
    const cells: Record<string, unknown> = {};
    const values = r.values;
    columns.forEach((c, i) => {
      if (format !== 'xlsx') cells[c] = values[i];
      else if (c) cells[c] = values[i] ?? null;
    });
    rows.push({ line: r.line, cells });
  }
  const cols = columns ?? [];
  return { columns: format === 'xlsx' ? cols.filter(Boolean) : cols, rows };
}
