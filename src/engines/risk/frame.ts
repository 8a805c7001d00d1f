/**
 * Columnar declaration frame and streaming readers (CSV, JSON lines). Values are parsed by role;
 * bad rows are reported with line, column and reason. A file is read once, row by row, into typed
 * columns: it is never held in memory as text.
 */
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import { type CompiledColumn, compileMapping, type Mapping } from './mapping.ts';

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

export interface RowProblem {
  line: number;
  column: string;
  reason: string;
}

export class DataError extends Error {
  constructor(
    public readonly problems: RowProblem[],
    public readonly file?: string,
  ) {
    super(
      `invalid data${file ? ` in ${file}` : ''}:\n  ${problems
        .map((p) => `line ${p.line}, column "${p.column}": ${p.reason}`)
        .join('\n  ')}`,
    );
    this.name = 'DataError';
  }
}

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

const NUM_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DATE_RE = /^(\d{4})[-/](\d{2})[-/](\d{2})/;

export function parseDay(s: string): number {
  const m = DATE_RE.exec(s);
  if (!m) return Number.NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return Number.NaN;
  return t / 86_400_000;
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

  constructor(public readonly columns: CompiledColumn[]) {
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
          day = parseDay(raw);
          if (Number.isNaN(day))
            this.problem(line, c.column, raw === '' ? 'missing date' : `not a date (YYYY-MM-DD): "${raw}"`);
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
            if (NUM_RE.test(raw)) x = Number(raw);
            else this.problem(line, c.column, `not a number: "${raw}"`);
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
}

function isJsonl(path: string): boolean {
  return /\.(jsonl|ndjson)$/i.test(path);
}

/** Stream records (header first) from a CSV file, with their line numbers. */
export async function* readRecords(path: string): AsyncGenerator<{ line: number; values: string[] }> {
  if (!statSync(path).isFile()) throw new DataError([{ line: 0, column: '*', reason: 'not a file' }], path);
  if (isJsonl(path)) {
    let header: string[] | null = null;
    let line = 0;
    const rl = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
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
    return;
  }
  const parser = createReadStream(path).pipe(
    parse({ bom: true, skip_empty_lines: true, info: true, relax_quotes: false, relax_column_count: false }),
  );
  try {
    for await (const r of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: r.info.lines, values: r.record };
    }
  } catch (e) {
    const err = e as Error & { lines?: number; code?: string };
    if (err.code?.startsWith('CSV_'))
      throw new DataError([{ line: err.lines ?? 0, column: '*', reason: err.message }], path);
    throw e;
  }
}

/** Header and up to n sample rows. */
export async function readSample(path: string, n: number): Promise<{ header: string[]; rows: string[][] }> {
  let header: string[] | null = null;
  const rows: string[][] = [];
  for await (const r of readRecords(path)) {
    if (!header) header = r.values;
    else rows.push(r.values);
    if (rows.length >= n) break;
  }
  if (!header) throw new DataError([{ line: 1, column: '*', reason: 'file is empty (no header)' }], path);
  return { header, rows };
}

/** Read one or more files with the same mapping into one frame (shared category codes). */
export async function readFrame(paths: string | string[], opts: ReadOptions): Promise<Frame> {
  const list = Array.isArray(paths) ? paths : [paths];
  let builder: FrameBuilder | null = null;
  let firstHeader: string[] | null = null;
  for (let s = 0; s < list.length; s++) {
    const path = list[s]!;
    let columns: CompiledColumn[] | null = null;
    for await (const r of readRecords(path)) {
      if (!columns) {
        columns = compileMapping(opts.mapping, r.values, { requireLabel: opts.requireLabel ?? false });
        if (!firstHeader) firstHeader = r.values;
        else if (r.values.join('\u0001') !== firstHeader.join('\u0001'))
          throw new DataError([{ line: 1, column: '*', reason: 'header differs from the first file' }], path);
        if (!builder) builder = new FrameBuilder(columns);
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
