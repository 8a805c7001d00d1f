/**
 * Leakage guard: before training, every mapped column is measured alone against the label on the
 * training rows. A column whose information about the label is near perfect — single-column AUC
 * ≥ 0.95 (categorical columns by their out-of-fold fraud rate per value, numeric columns by their
 * value) or a deterministic function of the label (every value of a low-cardinality column has one
 * outcome only) — is an outcome in disguise (a renamed severity, a control result code) and is
 * excluded, with the reason. An explicit override keeps it.
 */
import type { Frame } from './frame.ts';
import type { Mapping } from './mapping.ts';
import { auc } from './metrics.ts';
import { Rng } from './prng.ts';

export const LEAKAGE_AUC = 0.95;

export interface LeakageFinding {
  /** Column name in the file (the frame field when the mapping is unknown). */
  column: string;
  field: string;
  /** Single-column AUC on the training rows (≥ 0.5: the better direction). */
  auc: number;
  deterministic: boolean;
  /** true: left out of the features; false: kept because the user overrode the guard. */
  excluded: boolean;
  reason: string;
}

export interface LeakageOptions {
  /** AUC at or above which a column is excluded (default 0.95). */
  threshold?: number;
  /** Columns (names or fields) kept even when they look like leakage (explicit override). */
  allow?: string[];
  seed?: number;
}

const SMOOTHING = 10;
const FOLDS = 5;

/** The column of each frame field, from the mapping (field → column); the field itself when unknown. */
function columnsByField(mapping: Mapping | null | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!mapping) return out;
  for (const [col, role] of Object.entries(mapping.columns)) {
    const field = role === 'categorical' ? `cat:${col}` : role === 'numeric' ? `num:${col}` : role;
    out.set(field, col);
  }
  return out;
}

function catAuc(codes: Int32Array, dictSize: number, rows: ArrayLike<number>, y: Uint8Array, seed: number) {
  const m = rows.length;
  const fold = new Uint8Array(m);
  const perm = Uint32Array.from({ length: m }, (_, i) => i);
  new Rng(seed * 104_729 + 3).shuffle(perm);
  for (let i = 0; i < m; i++) fold[perm[i]!] = i % FOLDS;
  const K = dictSize + 1;
  const sum = new Float64Array(K * FOLDS);
  const cnt = new Float64Array(K * FOLDS);
  const tSum = new Float64Array(K);
  const tCnt = new Float64Array(K);
  const foldPos = new Float64Array(FOLDS);
  const foldN = new Float64Array(FOLDS);
  let pos = 0;
  for (let i = 0; i < m; i++) {
    const k = codes[rows[i]!]! + 1;
    const f = fold[i]!;
    sum[k * FOLDS + f]! += y[i]!;
    cnt[k * FOLDS + f]! += 1;
    tSum[k]! += y[i]!;
    tCnt[k]! += 1;
    foldPos[f]! += y[i]!;
    foldN[f]! += 1;
    pos += y[i]!;
  }
  const rate = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const k = codes[rows[i]!]! + 1;
    const f = fold[i]!;
    const prior = (pos - foldPos[f]!) / Math.max(1, m - foldN[f]!);
    const s = tSum[k]! - sum[k * FOLDS + f]!;
    const c = tCnt[k]! - cnt[k * FOLDS + f]!;
    rate[i] = (s + SMOOTHING * prior) / (c + SMOOTHING);
  }
  // deterministic: few values, each (with at least 2 rows) of one outcome only, covering every row
  let used = 0;
  let pure = true;
  for (let k = 0; k < K; k++) {
    if (tCnt[k]! === 0) continue;
    used++;
    if (tSum[k]! !== 0 && tSum[k]! !== tCnt[k]!) pure = false;
    if (tCnt[k]! < 2) pure = false;
  }
  const deterministic = pure && used >= 2 && used <= Math.max(10, Math.sqrt(m));
  return { auc: auc(rate, y), deterministic };
}

function numAuc(values: Float64Array, rows: ArrayLike<number>, y: Uint8Array) {
  const m = rows.length;
  const x = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const v = values[rows[i]!]!;
    x[i] = Number.isNaN(v) ? Number.NEGATIVE_INFINITY : v;
  }
  return auc(x, y);
}

/**
 * Measures every categorical and numeric field of the frame on the training rows and returns the
 * fields that look like the label, each with its reason (the derived hs6/hs4/hs2 go with hs).
 */
export function findLeakage(
  frame: Frame,
  rows: ArrayLike<number>,
  mapping: Mapping | null | undefined,
  opts: LeakageOptions = {},
): LeakageFinding[] {
  const threshold = opts.threshold ?? LEAKAGE_AUC;
  const allow = new Set(opts.allow ?? []);
  const byField = columnsByField(mapping);
  const m = rows.length;
  const y = new Uint8Array(m);
  for (let i = 0; i < m; i++) y[i] = frame.label[rows[i]!] === 1 ? 1 : 0;
  const out: LeakageFinding[] = [];
  const consider = (field: string, a: number, deterministic: boolean) => {
    if (Number.isNaN(a)) return;
    const best = Math.max(a, 1 - a);
    if (best < threshold && !deterministic) return;
    const column = byField.get(field) ?? field;
    const allowed = allow.has(column) || allow.has(field);
    const why = deterministic
      ? `its value decides the label on the training rows (each of its values has a single outcome): a deterministic function of the outcome`
      : `alone it separates frauds from non-frauds with AUC ${best.toFixed(3)} on the training rows (≥ ${threshold})`;
    out.push({
      column,
      field,
      auc: best,
      deterministic,
      excluded: !allowed,
      reason: allowed
        ? `${why}; kept because the guard was overridden for this column`
        : `${why}: it looks like an outcome in disguise and is excluded from the features (override it only if the column is known before the control)`,
    });
  };
  for (const [field, col] of frame.cats) {
    if (field === 'hs6' || field === 'hs4' || field === 'hs2') continue;
    const r = catAuc(col.codes, col.dict.length, rows, y, opts.seed ?? 1);
    consider(field, r.auc, r.deterministic);
  }
  for (const [field, values] of frame.nums) consider(field, numAuc(values, rows, y), false);
  return out;
}

/** The frame without the given fields (hs takes hs6/hs4/hs2 with it). Rows and dictionaries are shared. */
export function withoutFields(frame: Frame, fields: string[]): Frame {
  if (fields.length === 0) return frame;
  const drop = new Set(fields);
  if (drop.has('hs')) for (const f of ['hs6', 'hs4', 'hs2']) drop.add(f);
  return {
    ...frame,
    cats: new Map([...frame.cats].filter(([f]) => !drop.has(f))),
    nums: new Map([...frame.nums].filter(([f]) => !drop.has(f))),
  };
}

/** The mapping with the excluded columns set to `ignore` (so files to score need not carry them). */
export function mappingWithout(mapping: Mapping, findings: LeakageFinding[]): Mapping {
  const columns = { ...mapping.columns };
  for (const f of findings) if (f.excluded && f.column in columns) columns[f.column] = 'ignore';
  return { ...mapping, columns };
}
