/**
 * Columnar declaration frame and streaming readers (CSV, JSON lines). Values are parsed by role;
 * bad rows are reported with line, column and reason. A file is read once, row by row, into typed
 * columns: it is never held in memory as text.
 */
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { PassThrough, pipeline, Transform } from 'node:stream';
import { createGunzip, gunzipSync, constants as zlibConstants } from 'node:zlib';
import { CsvError, parse } from 'csv-parse';
import {
  DEFAULT_DIALECT,
  DELIMITERS,
  type DetectedDialect,
  type Dialect,
  type DialectOverrides,
  dateFormatLabel,
  detectDialect,
  isGzip,
  parseDate,
  parseNumber,
  textDecoderFor,
} from './dialect.ts';
import { DataError, type RowProblem } from './frame-error.ts';
import { adaptMappingForScoring, type CompiledColumn, compileMapping, type Mapping } from './mapping.ts';

export interface CatCol {
  /** Code per row, -1 when empty. */
  codes: Int32Array;
  dict: string[];
}

export interface Frame {
  n: number;
  ids: string[];
  /** Source line per row (1-based, header is line 1 for CSV). */
  lines: Int32Array;
  /** Days since 1970-01-01 (UTC); NaN when no date role. */
  date: Float64Array;
  cats: Map<string, CatCol>;
  nums: Map<string, Float64Array>;
  /** 1 fraud, 0 no fraud, -1 unknown / not given. */
  label: Int8Array;
  revenue: Float64Array | null;
  /** Source file index per row when several files were loaded into one frame. */
  source: Uint8Array;
  hasDate: boolean;
}

export { DataError, type RowProblem } from './frame-error.ts';

class Grow<T extends Int32Array | Float64Array | Int8Array | Uint8Array> {
  arr: T;
  len = 0;
  constructor(private make: (n: number) => T) {
    this.arr = make(1024);
  }
  push(v: number): void {
    if (this.len === this.arr.length) {
      const a = this.make(this.arr.length * 2);
      a.set(this.arr);
      this.arr = a;
    }
    this.arr[this.len++] = v;
  }
  done(): T {
    return this.arr.slice(0, this.len) as T;
  }
}

/** Days since 1970-01-01 of an ISO date (yyyy-mm-dd or yyyy/mm/dd); NaN when not a date. */
export function parseDay(s: string): number {
  return parseDate(s, 'ymd');
}

export function dayToIso(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

const LABEL_TRUE = new Set(['1', 'true', 'yes', 'y']);
const LABEL_FALSE = new Set(['0', 'false', 'no', 'n']);

/** Builds a frame row by row. Several files with the same mapping can be appended (shared codes). */
export class FrameBuilder {
  private ids: string[] = [];
  private lines = new Grow((n) => new Int32Array(n));
  private date = new Grow((n) => new Float64Array(n));
  private label = new Grow((n) => new Int8Array(n));
  private revenue = new Grow((n) => new Float64Array(n));
  private source = new Grow((n) => new Uint8Array(n));
  private cats = new Map<string, { codes: Grow<Int32Array>; dict: string[]; index: Map<string, number> }>();
  private nums = new Map<string, Grow<Float64Array>>();
  private hasRevenue = false;
  private hasDate = false;
  problems: RowProblem[] = [];
  maxProblems = 20;

  constructor(
    public readonly columns: CompiledColumn[],
    public dialect: Pick<Dialect, 'decimal' | 'dateFormat'> = DEFAULT_DIALECT,
  ) {
    for (const c of columns) {
      if (c.role === 'revenue') this.hasRevenue = true;
      else if (c.role === 'date') this.hasDate = true;
      else if (c.role === 'value' || c.role === 'mass' || c.role === 'quantity' || c.role === 'numeric')
        this.nums.set(c.field, new Grow((n) => new Float64Array(n)));
      else if (c.role !== 'id' && c.role !== 'label' && c.role !== 'text')
        this.cats.set(c.field, { codes: new Grow((n) => new Int32Array(n)), dict: [], index: new Map() });
    }
  }

  get rows(): number {
    return this.ids.length;
  }

  private problem(line: number, column: string, reason: string): void {
    if (this.problems.length < this.maxProblems) this.problems.push({ line, column, reason });
  }

  /** Add one row given as values per compiled column (get(i) returns the raw value of column i). */
  add(line: number, get: (c: CompiledColumn) => string | undefined, source = 0): boolean {
    const before = this.problems.length;
    let id = '';
    let day = Number.NaN;
    let lab = -1;
    let rev = Number.NaN;
    const catVals: Array<[string, string]> = [];
    const numVals: Array<[string, number]> = [];
    for (const c of this.columns) {
      const raw = (get(c) ?? '').trim();
      switch (c.role) {
        case 'id':
          if (raw === '') this.problem(line, c.column, 'empty id');
          id = raw;
          break;
        case 'date':
          day = parseDate(raw, this.dialect.dateFormat);
          if (Number.isNaN(day))
            this.problem(
              line,
              c.column,
              raw === ''
                ? 'missing date'
                : `not a date (${dateFormatLabel(this.dialect.dateFormat)}): "${raw}"`,
            );
          break;
        case 'label': {
          const v = raw.toLowerCase();
          if (v === '') lab = -1;
          else if (LABEL_TRUE.has(v)) lab = 1;
          else if (LABEL_FALSE.has(v)) lab = 0;
          else
            this.problem(
              line,
              c.column,
              `label must be 0/1 (or yes/no, true/false, empty for unknown): "${raw}"`,
            );
          break;
        }
        case 'revenue':
        case 'value':
        case 'mass':
        case 'quantity':
        case 'numeric': {
          let x = Number.NaN;
          if (raw !== '') {
            x = parseNumber(raw, this.dialect.decimal);
            if (Number.isNaN(x))
              this.problem(
                line,
                c.column,
                `not a number${this.dialect.decimal === ',' ? ' (decimal comma expected)' : ''}: "${raw}"`,
              );
          }
          if (c.role === 'revenue') rev = Number.isNaN(x) ? 0 : x;
          else numVals.push([c.field, x]);
          break;
        }
        case 'text':
          break;
        case 'hs': {
          const digits = raw.replace(/[\s.]/g, '');
          if (raw !== '' && !/^\d+$/.test(digits))
            this.problem(line, c.column, `HS/CN code must be digits: "${raw}"`);
          catVals.push([c.field, digits]);
          break;
        }
        default:
          catVals.push([c.field, raw]);
      }
    }
    if (this.problems.length > before) return false;
    this.ids.push(id);
    this.lines.push(line);
    this.date.push(day);
    this.label.push(lab);
    this.revenue.push(rev);
    this.source.push(source);
    for (const [f, v] of catVals) {
      const c = this.cats.get(f)!;
      if (v === '') c.codes.push(-1);
      else {
        let code = c.index.get(v);
        if (code === undefined) {
          code = c.dict.length;
          c.dict.push(v);
          c.index.set(v, code);
        }
        c.codes.push(code);
      }
    }
    for (const [f, x] of numVals) this.nums.get(f)!.push(x);
    return true;
  }

  finish(): Frame {
    const cats = new Map<string, CatCol>();
    for (const [f, c] of this.cats) cats.set(f, { codes: c.codes.done(), dict: c.dict });
    const hs = cats.get('hs');
    if (hs) {
      for (const len of [6, 4, 2]) {
        const index = new Map<string, number>();
        const dict: string[] = [];
        const map = hs.dict.map((v) => {
          const p = v.slice(0, len);
          let c = index.get(p);
          if (c === undefined) {
            c = dict.length;
            dict.push(p);
            index.set(p, c);
          }
          return c;
        });
        const codes = new Int32Array(hs.codes.length);
        for (let i = 0; i < codes.length; i++) {
          const c = hs.codes[i]!;
          codes[i] = c < 0 ? -1 : map[c]!;
        }
        cats.set(`hs${len}`, { codes, dict });
      }
    }
    const nums = new Map<string, Float64Array>();
    for (const [f, g] of this.nums) nums.set(f, g.done());
    return {
      n: this.ids.length,
      ids: this.ids,
      lines: this.lines.done(),
      date: this.date.done(),
      cats,
      nums,
      label: this.label.done(),
      revenue: this.hasRevenue ? this.revenue.done() : null,
      source: this.source.done(),
      hasDate: this.hasDate,
    };
  }
}

export interface ReadOptions {
  mapping: Mapping;
  requireLabel?: boolean;
  onProgress?: (rows: number) => void;
  /** Overrides of the detected dialect (applied to every file). */
  dialect?: DialectOverrides;
  /** Called per file with the dialect it was read in. */
  onDialect?: (path: string, detected: DetectedDialect) => void;
  /**
   * Scoring new declarations: outcome columns (label, revenue) and free text may be absent, and
   * columns the mapping does not know are ignored (each reported through onWarning).
   */
  forScoring?: boolean;
  onWarning?: (message: string) => void;
}

function isJsonl(path: string): boolean {
  return /\.(jsonl|ndjson)$/i.test(path);
}

/** The first bytes of a file, gunzipped when it is gzip-compressed (for dialect detection). */
function headOf(path: string): { head: Uint8Array; gzip: boolean } {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const raw = buf.subarray(0, n);
    if (!isGzip(raw)) return { head: raw, gzip: false };
    try {
      const out = gunzipSync(raw.subarray(0, 16 * 1024), { finishFlush: zlibConstants.Z_SYNC_FLUSH });
      return { head: out.subarray(0, 64 * 1024), gzip: true };
    } catch (e) {
      throw new DataError(
        [
          {
            line: 1,
            column: '*',
            reason: `the file starts like gzip but cannot be decompressed: ${(e as Error).message}`,
          },
        ],
        path,
      );
    }
  } finally {
    closeSync(fd);
  }
}

/** Detects (or takes from the overrides) the dialect of a file: compression, encoding, delimiter, decimal, dates. */
export function sniffFile(path: string, overrides: DialectOverrides = {}): DetectedDialect {
  if (!statSync(path).isFile()) throw new DataError([{ line: 0, column: '*', reason: 'not a file' }], path);
  const { head, gzip } = headOf(path);
  try {
    return detectDialect(head, gzip, overrides);
  } catch (e) {
    if (e instanceof DataError) throw new DataError(e.problems, path);
    throw e;
  }
}

/** Decodes a byte stream in the given encoding into UTF-8 text (a byte order mark is dropped). */
function decoder(dialect: Dialect): Transform {
  const td = textDecoderFor(dialect.encoding);
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      cb(null, td.decode(chunk, { stream: true }));
    },
    flush(cb) {
      cb(null, td.decode());
    },
  });
}

/** The file as text (gunzipped, decoded) piped into `sink`; an error anywhere destroys the sink with it. */
function textInto<T extends NodeJS.WritableStream & NodeJS.ReadableStream>(
  path: string,
  dialect: Dialect,
  sink: T,
): T {
  const stages: unknown[] = [createReadStream(path)];
  if (dialect.gzip) stages.push(createGunzip());
  stages.push(decoder(dialect), sink);
  (pipeline as unknown as (s: unknown[], cb: (e?: Error | null) => void) => void)(stages, () => {});
  return sink;
}

function zlibProblem(e: unknown, path: string): DataError | null {
  const code = (e as { code?: string }).code ?? '';
  if (code.startsWith('Z_') || code === 'ERR_BUFFER_TOO_LARGE')
    return new DataError(
      [{ line: 0, column: '*', reason: `the gzip data is damaged or truncated: ${(e as Error).message}` }],
      path,
    );
  return null;
}

export interface RecordOptions {
  /** Overrides of the detected dialect (encoding, delimiter, decimal, date format). */
  dialect?: DialectOverrides;
  /** Called once with the dialect used for the file, and the notes on how it was found. */
  onDialect?: (detected: DetectedDialect) => void;
}

/** Stream records (header first) from a CSV file, with their line numbers. */
export async function* readRecords(
  path: string,
  opts: RecordOptions = {},
): AsyncGenerator<{ line: number; values: string[] }> {
  const detected = sniffFile(path, opts.dialect);
  opts.onDialect?.(detected);
  const dialect = detected.dialect;
  if (isJsonl(path)) {
    let header: string[] | null = null;
    let line = 0;
    const rl = createInterface({
      input: textInto(path, dialect, new PassThrough()),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    try {
      for await (const text of rl) {
        line++;
        if (text.trim() === '') continue;
        let obj: unknown;
        try {
          obj = JSON.parse(text);
        } catch (e) {
          throw new DataError([{ line, column: '*', reason: `invalid JSON: ${(e as Error).message}` }], path);
        }
        if (!obj || typeof obj !== 'object' || Array.isArray(obj))
          throw new DataError([{ line, column: '*', reason: 'each line must be a JSON object' }], path);
        const rec = obj as Record<string, unknown>;
        if (!header) {
          header = Object.keys(rec);
          yield { line: 0, values: header };
        }
        yield {
          line,
          values: header.map((h) => {
            const v = rec[h];
            return v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
          }),
        };
      }
    } catch (e) {
      throw zlibProblem(e, path) ?? e;
    }
    return;
  }
  const parser = textInto(
    path,
    dialect,
    parse({
      bom: true,
      delimiter: DELIMITERS[dialect.delimiter],
      skip_empty_lines: true,
      info: true,
      // a stray quote inside a field (ACME 5" PIPES) is kept as a character
      relax_quotes: true,
      relax_column_count: false,
    }),
  );
  let header: string[] = [];
  let lastLine = 0;
  try {
    for await (const r of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (lastLine === 0) header = r.record;
      lastLine = r.info.lines;
      yield { line: r.info.lines, values: r.record };
    }
  } catch (e) {
    const z = zlibProblem(e, path);
    if (z) throw z;
    if (e instanceof CsvError) throw csvProblem(e, path, header, lastLine, dialect);
    throw e;
  }
}

/** A csv-parse error as a DataError at the line (and column) where the problem starts. */
function csvProblem(
  e: CsvError,
  path: string,
  header: string[],
  lastLine: number,
  dialect: Dialect,
): DataError {
  const ctx = e as CsvError & { lines?: number; column?: string | number; index?: number };
  let line = ctx.lines ?? lastLine + 1;
  let reason = e.message;
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    line = lastLine + 1;
    reason = `a quote opened in the record starting on line ${line} is never closed (the rest of the file was read as one field)`;
  } else if (e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
    const n = (e as CsvError & { record?: string[] }).record?.length ?? 'a different number of';
    const counted =
      header.length > 0
        ? `${n} values for ${header.length} columns`
        : `${n} values, not as many as on the first line`;
    reason = `${counted} (the file is read with the delimiter ${dialect.delimiter}: give the right one if the file uses another)`;
  }
  const column =
    typeof ctx.column === 'number'
      ? (header[ctx.column] ?? `column ${ctx.column + 1}`)
      : typeof ctx.index === 'number' && ctx.code !== 'CSV_QUOTE_NOT_CLOSED'
        ? (header[ctx.index] ?? `column ${ctx.index + 1}`)
        : '*';
  if (line < 1) line = 1;
  return new DataError([{ line, column, reason }], path);
}

/** Header and up to n sample rows, with the dialect the file was read in. */
export async function readSample(
  path: string,
  n: number,
  opts: RecordOptions = {},
): Promise<{ header: string[]; rows: string[][]; dialect: DetectedDialect }> {
  let header: string[] | null = null;
  let dialect: DetectedDialect | null = null;
  const rows: string[][] = [];
  const records = readRecords(path, {
    ...opts,
    onDialect: (d) => {
      dialect = d;
      opts.onDialect?.(d);
    },
  });
  for await (const r of records) {
    if (!header) header = r.values;
    else rows.push(r.values);
    if (rows.length >= n) break;
  }
  if (!header) throw new DataError([{ line: 1, column: '*', reason: 'file is empty (no header)' }], path);
  return { header, rows, dialect: dialect! };
}

/** Read one or more files with the same mapping into one frame (shared category codes). */
export async function readFrame(paths: string | string[], opts: ReadOptions): Promise<Frame> {
  const list = Array.isArray(paths) ? paths : [paths];
  let builder: FrameBuilder | null = null;
  let firstHeader: string[] | null = null;
  for (let s = 0; s < list.length; s++) {
    const path = list[s]!;
    let columns: CompiledColumn[] | null = null;
    let dialect: Dialect = DEFAULT_DIALECT;
    const records = readRecords(path, {
      dialect: opts.dialect,
      onDialect: (d) => {
        dialect = d.dialect;
        opts.onDialect?.(path, d);
      },
    });
    for await (const r of records) {
      if (!columns) {
        let mapping = opts.mapping;
        if (opts.forScoring) {
          const adapted = adaptMappingForScoring(opts.mapping, r.values, {
            keepOutcomes: opts.requireLabel ?? false,
          });
          mapping = adapted.mapping;
          for (const w of adapted.warnings) opts.onWarning?.(`${path}: ${w}`);
        }
        columns = compileMapping(mapping, r.values, { requireLabel: opts.requireLabel ?? false });
        if (!firstHeader) firstHeader = r.values;
        else if (r.values.join('\u0001') !== firstHeader.join('\u0001'))
          throw new DataError([{ line: 1, column: '*', reason: 'header differs from the first file' }], path);
        if (!builder) builder = new FrameBuilder(columns, dialect);
        else builder.dialect = dialect;
        continue;
      }
      const values = r.values;
      builder!.add(r.line, (c) => values[c.index], s);
      if (builder!.problems.length >= builder!.maxProblems) break;
      if (opts.onProgress && builder!.rows % 100_000 === 0) opts.onProgress(builder!.rows);
    }
    if (!columns) throw new DataError([{ line: 1, column: '*', reason: 'file is empty (no header)' }], path);
    if (builder!.problems.length > 0) throw new DataError(builder!.problems, path);
  }
  const frame = builder!.finish();
  const labelColumn = builder!.columns.find((c) => c.role === 'label')?.column ?? 'label';
  if (opts.requireLabel) {
    for (let i = 0; i < frame.n; i++)
      if (frame.label[i] === -1)
        throw new DataError([
          { line: frame.lines[i]!, column: labelColumn, reason: 'label is empty (needed to train)' },
        ]);
  }
  return frame;
}

/** Frame from in-memory rows (tests, small inputs). */
export function frameFromRows(mapping: Mapping, header: string[], rows: string[][]): Frame {
  const columns = compileMapping(mapping, header);
  const b = new FrameBuilder(columns);
  b.maxProblems = 1_000_000;
  rows.forEach((r, i) => {
    b.add(i + 2, (c) => r[c.index]);
  });
  if (b.problems.length > 0) throw new DataError(b.problems.slice(0, 20));
  return b.finish();
}

/** Rows of a frame as a new frame sharing dictionaries. */
export function subsetFrame(f: Frame, rows: ArrayLike<number>): Frame {
  const k = rows.length;
  const pick = <T extends Int32Array | Float64Array | Int8Array | Uint8Array>(a: T): T => {
    const out = new (a.constructor as new (n: number) => T)(k);
    for (let i = 0; i < k; i++) out[i] = a[rows[i]!]!;
    return out;
  };
  const cats = new Map<string, CatCol>();
  for (const [name, c] of f.cats) cats.set(name, { codes: pick(c.codes), dict: c.dict });
  const nums = new Map<string, Float64Array>();
  for (const [name, a] of f.nums) nums.set(name, pick(a));
  const ids: string[] = new Array(k);
  for (let i = 0; i < k; i++) ids[i] = f.ids[rows[i]!]!;
  return {
    n: k,
    ids,
    lines: pick(f.lines),
    date: pick(f.date),
    cats,
    nums,
    label: pick(f.label),
    revenue: f.revenue ? pick(f.revenue) : null,
    source: pick(f.source),
    hasDate: f.hasDate,
  };
}
