/**
 * CPU-heavy risk work, run in a worker thread (never on the request path): file validation and
 * chunking, training, scoring with explanations, outcome matching. Only the engine and node
 * built-ins are imported here — no database, no web — so the worker stays small.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  DEFAULT_TABLE_LIMITS,
  TableError,
  type TableErrorData,
  type TableLimits,
  tableRecords,
} from '../../core/table-reader/index.ts';
import {
  DEFAULT_DIALECT,
  DELIMITERS,
  type DetectedDialect,
  type Dialect,
  type DialectOverrides,
  detectDialect,
  isGzip,
  parseDate,
  parseNumber,
  textDecoderFor,
  unclosedQuoteLine,
} from '../../engines/risk/dialect.ts';
import { DataError, dayToIso, type Frame, FrameBuilder, type RowProblem } from '../../engines/risk/frame.ts';
import type { LeakageFinding } from '../../engines/risk/leakage.ts';
import { type CompiledColumn, compileMapping, type Mapping } from '../../engines/risk/mapping.ts';
import type { MetricReport } from '../../engines/risk/metrics.ts';
import {
  evaluateModel,
  loadModel,
  modelToJson,
  scoreRows,
  topContributions,
  trainModel,
} from '../../engines/risk/model.ts';
import type { RuleSet } from '../../engines/risk/rules.ts';
import { selectBatch } from '../../engines/risk/select.ts';

export type Progress = (p: { done: number; total: number | null; phase: string }) => void;

export const CHUNK_ROWS = 5_000;
const MAX_PROBLEMS = 100;

export function encodeChunk(rows: string[][]): Uint8Array {
  return gzipSync(Buffer.from(JSON.stringify(rows), 'utf8'));
}
export function decodeChunk(bytes: Uint8Array): string[][] {
  return JSON.parse(gunzipSync(bytes).toString('utf8')) as string[][];
}

/**
 * An upload made readable: gunzipped (within TABLE_MAX_UNCOMPRESSED_BYTES), its dialect detected
 * (or taken from the overrides) and reported, its text re-encoded as UTF-8. Binary data is refused
 * as a DataError; so is damaged gzip.
 */
function prepareUpload(
  bytes: Uint8Array,
  fileName: string,
  overrides: DialectOverrides,
  limits: TableLimits,
): { bytes: Uint8Array; format: 'csv' | 'jsonl'; detected: DetectedDialect } {
  const gz = isGzip(bytes);
  let raw = bytes;
  if (gz) {
    try {
      raw = gunzipSync(bytes, { maxOutputLength: Math.max(1, limits.maxUncompressedBytes) });
    } catch (e) {
      const big = (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      throw new DataError([
        {
          line: 1,
          column: '*',
          reason: big
            ? `the gzip-compressed file unpacks to more than the limit (TABLE_MAX_UNCOMPRESSED_BYTES = ${limits.maxUncompressedBytes} bytes)`
            : `the gzip data is damaged or truncated: ${(e as Error).message}`,
        },
      ]);
    }
  }
  const detected = detectDialect(raw.subarray(0, 64 * 1024), gz, overrides);
  const enc = detected.dialect.encoding;
  const text =
    enc === 'utf-8' || enc === 'utf-8-bom' ? raw : Buffer.from(textDecoderFor(enc).decode(raw), 'utf8');
  const format = /\.(jsonl|ndjson)(\.gz)?$/i.test(fileName) ? 'jsonl' : 'csv';
  return { bytes: text, format, detected };
}

/**
 * The records of an upload (CSV or JSON lines, possibly gzip-compressed, in any supported encoding
 * and delimiter; the header first) through the one bounded table reader (src/core/table-reader),
 * values as text. A malformed file is a DataError (its problem is reported by line; an unclosed
 * quote at the line its record starts); a file over a TABLE_MAX_* limit throws its TableError.
 */
async function* uploadRecords(
  bytes: Uint8Array,
  fileName: string,
  limits: TableLimits = DEFAULT_TABLE_LIMITS,
  overrides: DialectOverrides = {},
  onDialect?: (d: DetectedDialect) => void,
): AsyncGenerator<{ line: number; values: string[] }> {
  const up = prepareUpload(bytes, fileName, overrides, limits);
  onDialect?.(up.detected);
  let lastLine = 0;
  try {
    for await (const r of tableRecords(up.format, up.bytes, {
      limits,
      trim: false,
      delimiter: DELIMITERS[up.detected.dialect.delimiter],
      relaxQuotes: true,
    })) {
      lastLine = r.line;
      yield {
        line: r.line,
        values: r.values.map((v) =>
          v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v),
        ),
      };
    }
  } catch (e) {
    if (e instanceof TableError && e.limit === undefined && e.status === 422) {
      if (/Quote Not Closed/i.test(e.message)) {
        const at =
          unclosedQuoteLine(
            Buffer.from(up.bytes).toString('utf8'),
            DELIMITERS[up.detected.dialect.delimiter],
          ) ?? lastLine + 1;
        throw new DataError([
          {
            line: at,
            column: '*',
            reason: `a quote opened on line ${at} is never closed (the rest of the file was read as one field)`,
          },
        ]);
      }
      const hint = /Invalid Record Length|columns length/i.test(e.message)
        ? ` (read with the delimiter ${up.detected.dialect.delimiter}: choose the right one if the file uses another)`
        : '';
      throw new DataError([{ line: e.line ?? 1, column: e.column || '*', reason: `${e.message}${hint}` }]);
    }
    throw e;
  }
}

/** Values stored in the platform's canonical form: numbers with a decimal point, dates as yyyy-mm-dd. */
function canonicalise(values: string[], cols: CompiledColumn[], dialect: Dialect): string[] {
  if (dialect.decimal === '.' && dialect.dateFormat === 'ymd') return values;
  const out = values.slice();
  for (const c of cols) {
    const raw = (out[c.index] ?? '').trim();
    if (raw === '') continue;
    if (c.role === 'date') {
      const d = parseDate(raw, dialect.dateFormat);
      if (!Number.isNaN(d)) out[c.index] = dayToIso(d);
    } else if (['value', 'mass', 'quantity', 'numeric', 'revenue'].includes(c.role)) {
      const x = parseNumber(raw, dialect.decimal);
      if (!Number.isNaN(x)) out[c.index] = String(x);
    }
  }
  return out;
}

/** A file refused by a limit: the limit's error, also as the one problem (so nothing is stored). */
function refused<T extends object>(
  e: unknown,
  empty: T,
): T & { problems: RowProblem[]; tableError: TableErrorData } {
  if (!(e instanceof TableError)) throw e;
  return {
    ...empty,
    problems: [{ line: e.line ?? 1, column: e.column || '*', reason: e.message }],
    tableError: e.toData(),
  };
}

/** Header and first rows of an upload (for the mapping proposal). */
export async function sampleTask(input: {
  bytes: Uint8Array;
  fileName: string;
  n: number;
  limits?: TableLimits;
  dialect?: DialectOverrides;
}): Promise<{
  header: string[];
  rows: string[][];
  dialect: DetectedDialect | null;
  tableError?: TableErrorData;
}> {
  let header: string[] | null = null;
  let dialect: DetectedDialect | null = null;
  const rows: string[][] = [];
  try {
    const records = uploadRecords(input.bytes, input.fileName, input.limits, input.dialect, (d) => {
      dialect = d;
    });
    for await (const r of records) {
      if (!header) header = r.values;
      else rows.push(r.values);
      if (rows.length >= input.n) break;
    }
  } catch (e) {
    if (e instanceof TableError) return refused(e, { header: [], rows: [], dialect });
    throw e;
  }
  return { header: header ?? [], rows, dialect };
}

export interface ValidateInput {
  bytes: Uint8Array;
  fileName: string;
  mapping: Mapping;
  /** History rows need a label on every row; batch rows are scored. */
  requireLabel: boolean;
  /** TABLE_MAX_* of the configuration (default: the documented defaults). */
  limits?: TableLimits;
  /** Overrides of the detected dialect (encoding, delimiter, decimal, date format). */
  dialect?: DialectOverrides;
  /** File column → name stored (a batch mapped differently is stored with the model's column names). */
  rename?: Record<string, string>;
}

export interface ValidateResult {
  header: string[];
  problems: RowProblem[];
  rows: number;
  labelled: number;
  positives: number;
  dateFrom: string | null;
  dateTo: string | null;
  chunks: Uint8Array[];
  chunkRows: number[];
  /** Set when the file was refused by a limit of the table reader (problems has it too). */
  tableError?: TableErrorData;
  /** The dialect the file was read in, and how it was found. */
  dialect?: DetectedDialect;
}

/** Parse and validate every row (line, column, reason; duplicate ids), and cut the rows into compressed chunks. */
export async function validateTask(input: ValidateInput, progress?: Progress): Promise<ValidateResult> {
  try {
    return await validateRecords(input, progress);
  } catch (e) {
    return refused(e, {
      header: [],
      problems: [],
      rows: 0,
      labelled: 0,
      positives: 0,
      dateFrom: null,
      dateTo: null,
      chunks: [],
      chunkRows: [],
    });
  }
}

async function validateRecords(input: ValidateInput, progress?: Progress): Promise<ValidateResult> {
  {
    let header: string[] | null = null;
    let builder: FrameBuilder | null = null;
    let labelCol: CompiledColumn | undefined;
    const problems: RowProblem[] = [];
    const seen = new Map<string, number>();
    let idCol: CompiledColumn | undefined;
    const chunks: Uint8Array[] = [];
    const chunkRows: number[] = [];
    let current: string[][] = [];
    let rows = 0;
    let detected: DetectedDialect | undefined;
    let dialect: Dialect = DEFAULT_DIALECT;
    try {
      const records = uploadRecords(input.bytes, input.fileName, input.limits, input.dialect, (d) => {
        detected = d;
        dialect = d.dialect;
      });
      for await (const r of records) {
        if (!header) {
          header = r.values.map((h) => input.rename?.[h] ?? h);
          const cols = compileMapping(input.mapping, header, { requireLabel: input.requireLabel });
          builder = new FrameBuilder(cols, dialect);
          builder.maxProblems = MAX_PROBLEMS;
          idCol = cols.find((c) => c.role === 'id');
          labelCol = cols.find((c) => c.role === 'label');
          continue;
        }
        const values = r.values;
        if (values.length !== header.length) {
          problems.push({
            line: r.line,
            column: '*',
            reason: `${values.length} values for ${header.length} columns`,
          });
        } else {
          const before = builder!.problems.length;
          builder!.add(r.line, (c) => values[c.index]);
          if (builder!.problems.length === before) {
            const id = values[idCol!.index]!.trim();
            const first = seen.get(id);
            if (first !== undefined)
              problems.push({
                line: r.line,
                column: idCol!.column,
                reason: `duplicate id "${id}" (first on line ${first})`,
              });
            else seen.set(id, r.line);
            if (input.requireLabel && labelCol && values[labelCol.index]!.trim() === '')
              problems.push({
                line: r.line,
                column: labelCol.column,
                reason: 'label is empty (needed to train)',
              });
          }
        }
        if (problems.length + builder!.problems.length >= MAX_PROBLEMS) break;
        current.push(canonicalise(values, builder!.columns, dialect));
        rows++;
        if (current.length === CHUNK_ROWS) {
          chunks.push(encodeChunk(current));
          chunkRows.push(current.length);
          current = [];
          progress?.({ done: rows, total: null, phase: 'reading' });
        }
      }
    } catch (e) {
      const err = e as Error & { problems?: RowProblem[] };
      if (err.name === 'DataError' && err.problems) problems.push(...err.problems);
      else if (err.name === 'MappingError')
        problems.push(
          ...(e as { problems: string[] }).problems.map((p) => ({ line: 1, column: '*', reason: p })),
        );
      else throw e;
    }
    if (!header) problems.push({ line: 1, column: '*', reason: 'the file is empty (no header)' });
    const all = [...(builder?.problems ?? []), ...problems]
      .sort((a, b) => a.line - b.line)
      .slice(0, MAX_PROBLEMS);
    if (rows === 0 && all.length === 0) all.push({ line: 2, column: '*', reason: 'the file has no rows' });
    if (all.length > 0)
      return {
        header: header ?? [],
        problems: all,
        rows,
        labelled: 0,
        positives: 0,
        dateFrom: null,
        dateTo: null,
        chunks: [],
        chunkRows: [],
        dialect: detected,
      };
    if (current.length > 0) {
      chunks.push(encodeChunk(current));
      chunkRows.push(current.length);
    }
    const f = builder!.finish();
    let labelled = 0;
    let positives = 0;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < f.n; i++) {
      if (f.label[i] !== -1) labelled++;
      if (f.label[i] === 1) positives++;
      const d = f.date[i]!;
      if (!Number.isNaN(d)) {
        if (d < lo) lo = d;
        if (d > hi) hi = d;
      }
    }
    return {
      header: header!,
      problems: [],
      rows,
      labelled,
      positives,
      dateFrom: Number.isFinite(lo) ? dayToIso(lo) : null,
      dateTo: Number.isFinite(hi) ? dayToIso(hi) : null,
      chunks,
      chunkRows,
      dialect: detected,
    };
  }
}

/** One stored dataset handed to the worker: its header, and the rows as compressed chunks. */
export interface DatasetPart {
  header: string[];
  chunks: Uint8Array[];
  /** For a scored batch: the fed-back outcomes (only these rows are used, labelled by them). */
  outcomes?: Array<[id: string, fraud: 0 | 1, revenue: number | null]>;
}

/** Builds one frame from several stored datasets, by column name, with the model's mapping (also the risk-sharing backtest). */
export function buildFrame(
  mapping: Mapping,
  header: string[],
  parts: DatasetPart[],
  requireLabel: boolean,
): Frame {
  const cols = compileMapping(mapping, header, { requireLabel });
  const builder = new FrameBuilder(cols);
  builder.maxProblems = MAX_PROBLEMS;
  parts.forEach((part, s) => {
    const pos = new Map(part.header.map((h, i) => [h, i]));
    const idIdx = pos.get(cols.find((c) => c.role === 'id')!.column);
    const outcomes = part.outcomes ? new Map(part.outcomes.map((o) => [o[0], o])) : null;
    let line = 1;
    for (const chunk of part.chunks) {
      for (const row of decodeChunk(chunk)) {
        line++;
        let get: (c: CompiledColumn) => string | undefined;
        if (outcomes) {
          const o = outcomes.get((row[idIdx ?? -1] ?? '').trim());
          if (!o) continue;
          get = (c) =>
            c.role === 'label'
              ? String(o[1])
              : c.role === 'revenue'
                ? o[2] === null
                  ? ''
                  : String(o[2])
                : row[pos.get(c.column) ?? -1];
        } else {
          const lab = cols.find((c) => c.role === 'label');
          if (requireLabel && lab && (row[pos.get(lab.column) ?? -1] ?? '').trim() === '') continue;
          get = (c) => row[pos.get(c.column) ?? -1];
        }
        builder.add(line, get, Math.min(s, 255));
      }
    }
  });
  if (builder.problems.length > 0) {
    const p = builder.problems[0]!;
    throw new Error(`stored rows do not fit the mapping: line ${p.line}, column "${p.column}": ${p.reason}`);
  }
  return builder.finish();
}

export interface TrainInput {
  mapping: Mapping;
  header: string[];
  parts: DatasetPart[];
  seed: number;
  rules: RuleSet | null;
  /** Share of the most recent rows held out to measure the model honestly (0 = none). */
  holdout: number;
  nTrees?: number;
  /** Columns kept although the leakage guard finds them (explicit, audited override). */
  allowLeaky?: string[];
}

export interface TrainResult {
  document: Uint8Array;
  rows: number;
  positives: number;
  metrics: {
    validation: MetricReport | null;
    trainInSample: MetricReport | null;
    holdoutRows: number;
    /** Columns the leakage guard excluded (or kept by the override), with the reason. */
    leakage: LeakageFinding[];
  };
  /** The mapping the model reads (excluded columns set to ignore). */
  mapping: Mapping;
  importance: Array<{ feature: string; gain: number; share: number }>;
  ruleImportance: Array<Record<string, unknown>>;
}

export async function trainTask(input: TrainInput, progress?: Progress): Promise<TrainResult> {
  progress?.({ done: 0, total: null, phase: 'reading' });
  const frame = buildFrame(input.mapping, input.header, input.parts, true);
  if (frame.n < 50) throw new Error(`only ${frame.n} labelled rows: at least 50 are needed to train`);
  let positives = 0;
  for (let i = 0; i < frame.n; i++) positives += frame.label[i] === 1 ? 1 : 0;
  if (positives === 0 || positives === frame.n)
    throw new Error('the labelled rows are all frauds or all non-frauds: both outcomes are needed to train');
  const gbdt = input.nTrees ? { nTrees: input.nTrees } : {};
  const total = (input.nTrees ?? 300) * (input.holdout > 0 ? 2 : 1);
  let done = 0;
  const onProgress = (msg: string) => {
    if (msg.startsWith('trees ') && ++done % 10 === 0) progress?.({ done, total, phase: 'training' });
  };
  let validation: MetricReport | null = null;
  let holdoutRows = 0;
  if (input.holdout > 0 && frame.n >= 200) {
    // the most recent rows (by date, then id) are held out
    const order = Array.from({ length: frame.n }, (_, i) => i).sort((a, b) => {
      const d = (frame.date[a] ?? 0) - (frame.date[b] ?? 0);
      return d !== 0 ? d : frame.ids[a]! < frame.ids[b]! ? -1 : 1;
    });
    const cut = Math.floor(frame.n * (1 - input.holdout));
    const trainRows = Uint32Array.from(order.slice(0, cut));
    const validRows = Uint32Array.from(order.slice(cut));
    let vPos = 0;
    for (const r of validRows) vPos += frame.label[r] === 1 ? 1 : 0;
    let tPos = 0;
    for (const r of trainRows) tPos += frame.label[r] === 1 ? 1 : 0;
    if (vPos > 0 && tPos > 0 && tPos < trainRows.length) {
      const m = trainModel(frame, trainRows, {
        seed: input.seed,
        rules: input.rules,
        mapping: input.mapping,
        leakage: { allow: input.allowLeaky ?? [] },
        gbdt,
        onProgress,
      });
      validation = evaluateModel(m, frame, validRows);
      holdoutRows = validRows.length;
    } else done = total / 2;
  } else done = total / 2;
  const model = trainModel(frame, null, {
    seed: input.seed,
    rules: input.rules,
    mapping: input.mapping,
    leakage: { allow: input.allowLeaky ?? [] },
    gbdt,
    onProgress,
  });
  if (validation) model.doc.metrics.validation = validation;
  progress?.({ done: total, total, phase: 'saving' });
  return {
    document: gzipSync(Buffer.from(modelToJson(model), 'utf8')),
    rows: frame.n,
    positives,
    metrics: {
      validation,
      trainInSample: model.doc.metrics.trainInSample ?? null,
      holdoutRows,
      leakage: model.doc.leakage ?? [],
    },
    mapping: model.doc.mapping ?? input.mapping,
    importance: model.doc.importance.slice(0, 40),
    ruleImportance: (model.doc.metrics.rules ?? []).map((r) => {
      const rule = model.rules?.rules.find((x) => x.id === r.id);
      return { ...r, weight: rule?.weight ?? 0, rationale: rule?.rationale ?? '', name: rule?.name ?? r.id };
    }) as unknown as Array<Record<string, unknown>>,
  };
}

export interface ScoreInput {
  document: Uint8Array;
  header: string[];
  mapping: Mapping;
  chunks: Uint8Array[];
  budget: { percent: number } | { k: number };
  explorationShare: number;
  seed: number;
  /** Declaration id → reasons, from the registered mandatory sources (screening …). */
  mandatory: Record<string, string[]>;
  topK: number;
}

export interface ScoredRow {
  rank: number;
  id: string;
  reason: 'mandatory' | 'exploit' | 'explore';
  score: number;
  probability: number;
  base: number;
  contributions: Array<{ name: string; value: number }>;
  /** score − base − Σ contributions shown: so that base + contributions + rest = score. */
  rest: number;
  ruleHits: string[];
  mandatoryReasons: string[];
}

export async function scoreTask(input: ScoreInput, progress?: Progress) {
  const model = loadModel(JSON.parse(gunzipSync(input.document).toString('utf8')));
  progress?.({ done: 0, total: null, phase: 'reading' });
  const frame = buildFrame(
    input.mapping,
    input.header,
    [{ header: input.header, chunks: input.chunks }],
    false,
  );
  const res = scoreRows(model, frame, null, {
    onProgress: (done, total) => progress?.({ done, total, phase: 'scoring' }),
  });
  const mandatory = new Uint8Array(frame.n);
  for (let i = 0; i < frame.n; i++) mandatory[i] = res.mandatory[i] || input.mandatory[frame.ids[i]!] ? 1 : 0;
  const sel = selectBatch({
    ids: frame.ids,
    score: res.score,
    probability: res.probability,
    novelty: res.novelty,
    mandatory,
    budget: input.budget,
    explorationShare: input.explorationShare,
    seed: input.seed,
  });
  const rules = model.rules?.rules ?? [];
  const out: ScoredRow[] = new Array(sel.rows.length);
  const pos = new Map<number, number>();
  sel.rows.forEach((r, t) => {
    pos.set(r, t);
  });
  // explanations for the selected rows only (same arithmetic as the first pass: identical scores)
  const rowsSel = Uint32Array.from(sel.rows);
  scoreRows(model, frame, rowsSel, {
    onExplain: (i, e) => {
      const r = rowsSel[i]!;
      const t = pos.get(r)!;
      const top = topContributions(model, e, input.topK);
      const score = res.score[r]!;
      let sum = e.bias;
      for (const c of top) sum += c.value;
      const hits = rules.filter((_, k) => res.ruleHits[k]![r]).map((x) => x.id);
      const reasons = [
        ...rules
          .filter((x, k) => x.mandatory && res.ruleHits[k]![r])
          .map((x) => `rule ${x.id}: ${x.rationale}`),
        ...(input.mandatory[frame.ids[r]!] ?? []),
      ];
      out[t] = {
        rank: t + 1,
        id: frame.ids[r]!,
        reason: sel.reasons[t]!,
        score,
        probability: res.probability[r]!,
        base: e.bias,
        contributions: top,
        rest: score - sum,
        ruleHits: hits,
        mandatoryReasons: sel.reasons[t] === 'mandatory' ? reasons : [],
      };
    },
  });
  let explore = 0;
  let mand = 0;
  for (const r of sel.reasons) {
    if (r === 'explore') explore++;
    if (r === 'mandatory') mand++;
  }
  return { rows: frame.n, selected: out, exploreCount: explore, mandatoryCount: mand, k: sel.k };
}

export interface OutcomesInput {
  bytes: Uint8Array;
  fileName: string;
  /** The batch: header and stored rows (to match ids). */
  header: string[];
  idColumn: string;
  chunks: Uint8Array[];
  /** TABLE_MAX_* of the configuration (default: the documented defaults). */
  limits?: TableLimits;
  /** Overrides of the detected dialect (encoding, delimiter, decimal, date format). */
  dialect?: DialectOverrides;
  /** File column → name stored (a batch mapped differently is stored with the model's column names). */
  rename?: Record<string, string>;
}

const ID_NAMES = new Set(['id', 'declaration id', 'declaration_id', 'declaration']);
const FRAUD_NAMES = new Set(['fraud', 'label', 'result', 'outcome', 'fraud found']);
const REVENUE_NAMES = new Set(['revenue', 'revenue recovered', 'recovered']);

/** Parse an outcomes file (id, fraud yes/no, optional revenue) and match it to the batch's ids. */
export async function outcomesTask(input: OutcomesInput): Promise<{
  matched: Array<[string, 0 | 1, number | null]>;
  unmatched: Array<{ line: number; id: string }>;
  problems: RowProblem[];
  tableError?: TableErrorData;
}> {
  try {
    return await matchOutcomes(input);
  } catch (e) {
    return refused(e, { matched: [], unmatched: [], problems: [] });
  }
}

async function matchOutcomes(input: OutcomesInput) {
  const ids = new Set<string>();
  const idIdx = input.header.indexOf(input.idColumn);
  for (const c of input.chunks) for (const row of decodeChunk(c)) ids.add((row[idIdx] ?? '').trim());
  {
    const problems: RowProblem[] = [];
    const matched: Array<[string, 0 | 1, number | null]> = [];
    const unmatched: Array<{ line: number; id: string }> = [];
    const seen = new Map<string, number>();
    let cols: { id: number; fraud: number; revenue: number; names: string[] } | null = null;
    try {
      for await (const r of uploadRecords(input.bytes, input.fileName, input.limits)) {
        if (!cols) {
          const names = r.values.map((h) => h.trim().toLowerCase());
          const find = (set: Set<string>) =>
            names.findIndex((h) => set.has(h) || set.has(h.replace(/_/g, ' ')));
          cols = {
            id: find(ID_NAMES),
            fraud: find(FRAUD_NAMES),
            revenue: find(REVENUE_NAMES),
            names: r.values,
          };
          if (cols.id < 0)
            problems.push({
              line: 1,
              column: '*',
              reason: 'no id column (name it "id" or "declaration_id")',
            });
          if (cols.fraud < 0)
            problems.push({
              line: 1,
              column: '*',
              reason: 'no fraud column (name it "fraud"; values yes/no or 1/0)',
            });
          if (problems.length) break;
          continue;
        }
        const v = r.values;
        const id = (v[cols.id] ?? '').trim();
        const fr = (v[cols.fraud] ?? '').trim().toLowerCase();
        const rv = cols.revenue >= 0 ? (v[cols.revenue] ?? '').trim() : '';
        const idName = cols.names[cols.id]!;
        if (id === '') {
          problems.push({ line: r.line, column: idName, reason: 'empty id' });
          continue;
        }
        let fraud: 0 | 1;
        if (['1', 'yes', 'y', 'true'].includes(fr)) fraud = 1;
        else if (['0', 'no', 'n', 'false'].includes(fr)) fraud = 0;
        else {
          problems.push({
            line: r.line,
            column: cols.names[cols.fraud]!,
            reason: `fraud must be yes/no (or 1/0): "${fr}"`,
          });
          continue;
        }
        let revenue: number | null = null;
        if (rv !== '') {
          const x = Number(rv);
          if (!Number.isFinite(x) || x < 0) {
            problems.push({
              line: r.line,
              column: cols.names[cols.revenue]!,
              reason: `revenue must be a number ≥ 0: "${rv}"`,
            });
            continue;
          }
          revenue = x;
        }
        const first = seen.get(id);
        if (first !== undefined) {
          problems.push({
            line: r.line,
            column: idName,
            reason: `duplicate id "${id}" (first on line ${first})`,
          });
          continue;
        }
        seen.set(id, r.line);
        if (!ids.has(id)) unmatched.push({ line: r.line, id });
        else matched.push([id, fraud, revenue]);
        if (problems.length >= MAX_PROBLEMS) break;
      }
    } catch (e) {
      const err = e as Error & { problems?: RowProblem[] };
      if (err.name === 'DataError' && err.problems) problems.push(...err.problems);
      else throw e;
    }
    if (!cols && problems.length === 0)
      problems.push({ line: 1, column: '*', reason: 'the file is empty (no header)' });
    return { matched: problems.length ? [] : matched, unmatched, problems: problems.slice(0, MAX_PROBLEMS) };
  }
}

/** Names of the worker tasks (the worker entry dispatches on them). */
export const TASKS = { sampleTask, validateTask, trainTask, scoreTask, outcomesTask } as const;
export type TaskName = keyof typeof TASKS;
