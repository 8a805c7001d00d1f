/**
 * Feature pipeline: out-of-fold smoothed target encodings (fraud rate and count) per value of each
 * categorical role and per automatically chosen pair of roles, plus raw numeric features and value
 * per kg (absolute and relative to the HS6 median). Everything is fit on training rows only.
 */
import type { Frame } from './frame.ts';
import { auc } from './metrics.ts';
import { Rng } from './prng.ts';

export interface PipelineOptions {
  folds: number;
  /** m-estimate smoothing: rate = (frauds + m·prior) / (count + m). */
  smoothing: number;
  maxCombos: number;
  /** Minimum AUC gain of a pair over its better single field to be kept. */
  minComboGain: number;
  seed: number;
}

export const DEFAULT_PIPELINE: PipelineOptions = {
  folds: 5,
  smoothing: 10,
  maxCombos: 12,
  minComboGain: 0.001,
  seed: 1,
};

export interface Encoder {
  name: string;
  fields: string[];
  /** key (values joined by U+001F, '' for empty) → [frauds, count] on training rows. */
  table: Map<string, [number, number]>;
}

export interface Pipeline {
  options: PipelineOptions;
  prior: number;
  encoders: Encoder[];
  numeric: string[];
  valuePerKg: boolean;
  /** Median value per kg by HS6 on training rows (at least 5 rows). */
  hs6Median: Map<string, number>;
  featureNames: string[];
  /** Selection trace of the pair search: AUC of each candidate and its gain. */
  comboSearch: Array<{ name: string; auc: number; gain: number; chosen: boolean }>;
}

const SEP = '\u001f';
const COMBO_FIELDS = [
  'importer',
  'declarant',
  'exporter',
  'consignor',
  'consignee',
  'hs6',
  'hs4',
  'hs2',
  'origin',
  'departure',
  'destination',
  'office',
  'direction',
];

function singleFields(frame: Frame): string[] {
  const out: string[] = [];
  const hs = frame.cats.get('hs');
  const hs6 = frame.cats.get('hs6');
  if (hs && hs6 && hs.dict.length !== hs6.dict.length) out.push('hs');
  for (const f of [...COMBO_FIELDS, ...[...frame.cats.keys()].filter((k) => k.startsWith('cat:')).sort()])
    if (frame.cats.has(f)) out.push(f);
  return out;
}

let scratch = new Int32Array(0);

/** Dense key per row for a set of fields: returns keys (0..K-1) and the code tuple of each key. */
function denseKeys(
  frame: Frame,
  fields: string[],
  rows: ArrayLike<number>,
  withTuples = true,
): { keys: Int32Array; K: number; tuples: number[][] } {
  const m = rows.length;
  const keys = new Int32Array(m);
  const cols = fields.map((f) => frame.cats.get(f)!);
  if (cols.length === 1) {
    const c = cols[0]!;
    const remap = new Int32Array(c.dict.length + 1).fill(-1);
    const tuples: number[][] = [];
    for (let i = 0; i < m; i++) {
      const code = c.codes[rows[i]!]! + 1;
      let k = remap[code]!;
      if (k < 0) {
        k = tuples.length;
        remap[code] = k;
        tuples.push([code - 1]);
      }
      keys[i] = k;
    }
    return { keys, K: tuples.length, tuples };
  }
  const tuples: number[][] = [];
  const mult = cols.map((c) => c.dict.length + 1);
  const space = mult.reduce((a, b) => a * b, 1);
  if (space <= 1 << 22) {
    // small key space: a reusable lookup table instead of a hash map (reset only touched entries)
    if (scratch.length < space) scratch = new Int32Array(Math.max(space, 1 << 16)).fill(-1);
    const table = scratch;
    const touched: number[] = [];
    let K = 0;
    for (let i = 0; i < m; i++) {
      const r = rows[i]!;
      let key = 0;
      for (let j = 0; j < cols.length; j++) key = key * mult[j]! + cols[j]!.codes[r]! + 1;
      let k = table[key]!;
      if (k < 0) {
        k = K++;
        table[key] = k;
        touched.push(key);
        if (withTuples) tuples.push(cols.map((c) => c.codes[r]!));
      }
      keys[i] = k;
    }
    for (const key of touched) table[key] = -1;
    return { keys, K, tuples };
  }
  const map = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    const r = rows[i]!;
    let key = 0;
    for (let j = 0; j < cols.length; j++) key = key * mult[j]! + cols[j]!.codes[r]! + 1;
    let k = map.get(key);
    if (k === undefined) {
      k = tuples.length;
      map.set(key, k);
      tuples.push(cols.map((c) => c.codes[r]!));
    }
    keys[i] = k;
  }
  return { keys, K: tuples.length, tuples };
}

function keyString(frame: Frame, fields: string[], tuple: number[]): string {
  return fields.map((f, j) => (tuple[j]! < 0 ? '' : frame.cats.get(f)!.dict[tuple[j]!]!)).join(SEP);
}

/** Out-of-fold rate and count for training rows; also returns per-key totals. */
function oof(
  keys: Int32Array,
  K: number,
  y: ArrayLike<number>,
  fold: Uint8Array,
  nFolds: number,
  prior: number,
  s: number,
): { rate: Float64Array; count: Float64Array; sum: Float64Array; cnt: Float64Array } {
  const m = keys.length;
  const fs = new Float64Array(K * nFolds);
  const fc = new Float64Array(K * nFolds);
  const sum = new Float64Array(K);
  const cnt = new Float64Array(K);
  for (let i = 0; i < m; i++) {
    const k = keys[i]!;
    const j = k * nFolds + fold[i]!;
    fs[j]! += y[i]!;
    fc[j]! += 1;
    sum[k]! += y[i]!;
    cnt[k]! += 1;
  }
  // the prior of each fold comes from the other folds too, so a row's own label never reaches it
  const fy = new Float64Array(nFolds);
  const fn = new Float64Array(nFolds);
  for (let i = 0; i < m; i++) {
    fy[fold[i]!]! += y[i]!;
    fn[fold[i]!]! += 1;
  }
  let ty = 0;
  for (let j = 0; j < nFolds; j++) ty += fy[j]!;
  const foldPrior = Float64Array.from(fy, (v, j) => (m - fn[j]! > 0 ? (ty - v) / (m - fn[j]!) : prior));
  const rate = new Float64Array(m);
  const count = new Float64Array(m);
  const scale = nFolds / (nFolds - 1);
  for (let i = 0; i < m; i++) {
    const k = keys[i]!;
    const j = k * nFolds + fold[i]!;
    const S = sum[k]! - fs[j]!;
    const C = cnt[k]! - fc[j]!;
    rate[i] = (S + s * foldPrior[fold[i]!]!) / (C + s);
    count[i] = C * scale;
  }
  return { rate, count, sum, cnt };
}

export interface FitResult {
  pipeline: Pipeline;
  /** Out-of-fold training features, column-major, aligned with the training rows. */
  cols: Float64Array[];
  novelty: Float64Array;
}

function numericFields(frame: Frame): string[] {
  const out: string[] = [];
  for (const f of ['value', 'mass', 'quantity']) if (frame.nums.has(f)) out.push(f);
  out.push(...[...frame.nums.keys()].filter((k) => k.startsWith('num:')).sort());
  return out;
}

function valuePerKg(frame: Frame, r: number): number {
  const v = frame.nums.get('value')![r]!;
  const kg = frame.nums.get('mass')![r]!;
  return kg > 0 && Number.isFinite(v) ? v / kg : Number.NaN;
}

/** Fit the pipeline on training rows (labels 0/1) and return their out-of-fold features. */
export function fitPipeline(
  frame: Frame,
  rows: ArrayLike<number>,
  opts: Partial<PipelineOptions> = {},
): FitResult {
  const O: PipelineOptions = { ...DEFAULT_PIPELINE, ...opts };
  const m = rows.length;
  const y = new Uint8Array(m);
  let pos = 0;
  for (let i = 0; i < m; i++) {
    const l = frame.label[rows[i]!]!;
    if (l !== 0 && l !== 1) throw new Error(`training row ${rows[i]} has no label`);
    y[i] = l;
    pos += l;
  }
  const prior = m > 0 ? pos / m : 0;
  const rng = new Rng(O.seed * 7919 + 17);
  const perm = new Uint32Array(m);
  for (let i = 0; i < m; i++) perm[i] = i;
  rng.shuffle(perm);
  const fold = new Uint8Array(m);
  for (let i = 0; i < m; i++) fold[perm[i]!] = i % O.folds;

  const singles = singleFields(frame);
  const encoders: Encoder[] = [];
  const cols: Float64Array[] = [];
  const names: string[] = [];
  const singleAuc = new Map<string, number>();
  const novelty = new Float64Array(m);
  const add = (
    fields: string[],
    keysInfo: ReturnType<typeof denseKeys>,
    res: ReturnType<typeof oof>,
    isSingle: boolean,
  ) => {
    const name = fields.join('×');
    const table = new Map<string, [number, number]>();
    for (let k = 0; k < keysInfo.K; k++)
      table.set(keyString(frame, fields, keysInfo.tuples[k]!), [res.sum[k]!, res.cnt[k]!]);
    encoders.push({ name, fields, table });
    cols.push(res.rate, res.count);
    names.push(`rate:${name}`, `count:${name}`);
    if (isSingle) for (let i = 0; i < m; i++) novelty[i]! += 1 / (1 + res.count[i]!);
  };
  for (const f of singles) {
    const ki = denseKeys(frame, [f], rows);
    const res = oof(ki.keys, ki.K, y, fold, O.folds, prior, O.smoothing);
    singleAuc.set(f, auc(res.rate, y));
    add([f], ki, res, true);
  }
  if (singles.length > 0) for (let i = 0; i < m; i++) novelty[i]! /= singles.length;

  // automatic choice of pairs: AUC of the out-of-fold rate against the better of its two fields
  const comboSearch: Pipeline['comboSearch'] = [];
  const candidates: Array<{ fields: string[]; auc: number; gain: number }> = [];
  const pairFields = singles.filter((f) => f !== 'hs');
  for (let a = 0; a < pairFields.length; a++)
    for (let b = a + 1; b < pairFields.length; b++) {
      const fa = pairFields[a]!;
      const fb = pairFields[b]!;
      if (fa.startsWith('hs') && fb.startsWith('hs')) continue;
      const ki = denseKeys(frame, [fa, fb], rows, false);
      const res = oof(ki.keys, ki.K, y, fold, O.folds, prior, O.smoothing);
      const a1 = auc(res.rate, y);
      const gain = a1 - Math.max(singleAuc.get(fa) ?? 0.5, singleAuc.get(fb) ?? 0.5);
      candidates.push({ fields: [fa, fb], auc: a1, gain });
    }
  candidates.sort((p, q) => q.gain - p.gain || (p.fields.join() < q.fields.join() ? -1 : 1));
  const chosen = candidates.filter((c) => c.gain > O.minComboGain).slice(0, O.maxCombos);
  for (const c of candidates)
    comboSearch.push({ name: c.fields.join('×'), auc: c.auc, gain: c.gain, chosen: chosen.includes(c) });
  for (const c of chosen) {
    const ki = denseKeys(frame, c.fields, rows);
    add(c.fields, ki, oof(ki.keys, ki.K, y, fold, O.folds, prior, O.smoothing), false);
  }

  const numeric = numericFields(frame);
  for (const f of numeric) {
    const a = frame.nums.get(f)!;
    const col = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const x = a[rows[i]!]!;
      col[i] = Number.isFinite(x) ? x : Number.NaN;
    }
    cols.push(col);
    names.push(f);
  }
  const vpk = frame.nums.has('value') && frame.nums.has('mass');
  const hs6Median = new Map<string, number>();
  if (vpk) {
    const col = new Float64Array(m);
    for (let i = 0; i < m; i++) col[i] = valuePerKg(frame, rows[i]!);
    cols.push(col);
    names.push('value_per_kg');
    const hs6 = frame.cats.get('hs6');
    if (hs6) {
      const groups = new Map<number, number[]>();
      for (let i = 0; i < m; i++) {
        const c = hs6.codes[rows[i]!]!;
        if (c < 0 || Number.isNaN(col[i]!)) continue;
        const g = groups.get(c);
        if (g) g.push(col[i]!);
        else groups.set(c, [col[i]!]);
      }
      for (const [c, g] of groups) {
        if (g.length < 5) continue;
        g.sort((p, q) => p - q);
        hs6Median.set(hs6.dict[c]!, g[g.length >> 1]!);
      }
      const rel = new Float64Array(m);
      for (let i = 0; i < m; i++) {
        const c = hs6.codes[rows[i]!]!;
        const med = c < 0 ? undefined : hs6Median.get(hs6.dict[c]!);
        rel[i] = med && med > 0 ? col[i]! / med : Number.NaN;
      }
      cols.push(rel);
      names.push('value_per_kg_vs_hs6_median');
    }
  }
  return {
    pipeline: {
      options: O,
      prior,
      encoders,
      numeric,
      valuePerKg: vpk,
      hs6Median,
      featureNames: names,
      comboSearch,
    },
    cols,
    novelty,
  };
}

/** Prepared transform of one frame by a fitted pipeline (per-code lookups built once). */
export class FrameTransformer {
  private single: Array<{ code: Int32Array; rate: Float64Array; count: Float64Array } | null> = [];
  private pairCache: Array<Map<number, number>> = [];
  private pairStats: Array<{ rate: number[]; count: number[] }> = [];
  private pairTable: Array<Int32Array | null> = [];
  private hs6Rel: Float64Array | null = null;

  constructor(
    private p: Pipeline,
    private frame: Frame,
  ) {
    const s = p.options.smoothing;
    for (const e of p.encoders) {
      this.pairCache.push(new Map());
      this.pairStats.push({ rate: [], count: [] });
      if (e.fields.length !== 1) {
        this.single.push(null);
        continue;
      }
      const col = frame.cats.get(e.fields[0]!);
      if (!col) throw new Error(`the data has no "${e.fields[0]}" column needed by the model`);
      const K = col.dict.length + 1;
      const rate = new Float64Array(K);
      const count = new Float64Array(K);
      for (let c = -1; c < col.dict.length; c++) {
        const st = e.table.get(c < 0 ? '' : col.dict[c]!);
        rate[c + 1] = st ? (st[0] + s * p.prior) / (st[1] + s) : p.prior;
        count[c + 1] = st ? st[1] : 0;
      }
      this.single.push({ code: col.codes, rate, count });
    }
    for (const f of p.numeric)
      if (!frame.nums.has(f)) throw new Error(`the data has no "${f}" column needed by the model`);
    const hs6 = frame.cats.get('hs6');
    if (p.valuePerKg && hs6)
      this.hs6Rel = Float64Array.from(hs6.dict, (v) => p.hs6Median.get(v) ?? Number.NaN);
  }

  get nFeatures(): number {
    return this.p.featureNames.length;
  }

  /** Features of the given rows (column-major) and their novelty (mean of 1/(1+count) over single fields). */
  transform(rows: ArrayLike<number>): { cols: Float64Array[]; novelty: Float64Array } {
    const m = rows.length;
    const p = this.p;
    const f = this.frame;
    const s = p.options.smoothing;
    const cols: Float64Array[] = [];
    const novelty = new Float64Array(m);
    let nSingle = 0;
    p.encoders.forEach((e, k) => {
      const rate = new Float64Array(m);
      const count = new Float64Array(m);
      const sg = this.single[k];
      if (sg) {
        nSingle++;
        for (let i = 0; i < m; i++) {
          const c = sg.code[rows[i]!]! + 1;
          rate[i] = sg.rate[c]!;
          count[i] = sg.count[c]!;
          novelty[i]! += 1 / (1 + count[i]!);
        }
      } else {
        const cc = e.fields.map((fl) => {
          const col = f.cats.get(fl);
          if (!col) throw new Error(`the data has no "${fl}" column needed by the model`);
          return col;
        });
        const cache = this.pairCache[k]!;
        const st = this.pairStats[k]!;
        const mult = cc.map((c) => c.dict.length + 1);
        const space = mult.reduce((a, b) => a * b, 1);
        // small key spaces: a dense table (index + 1, 0 = not looked up yet) instead of the map
        let table = this.pairTable[k] ?? null;
        if (!table && space <= 1 << 22) {
          table = new Int32Array(space);
          this.pairTable[k] = table;
        }
        for (let i = 0; i < m; i++) {
          const r = rows[i]!;
          let key = 0;
          for (let j = 0; j < cc.length; j++) key = key * mult[j]! + cc[j]!.codes[r]! + 1;
          let idx = table ? table[key]! - 1 : (cache.get(key) ?? -1);
          if (idx < 0) {
            const str = cc.map((c) => (c.codes[r]! < 0 ? '' : c.dict[c.codes[r]!]!)).join(SEP);
            const t = e.table.get(str);
            idx = st.rate.length;
            st.rate.push(t ? (t[0] + s * p.prior) / (t[1] + s) : p.prior);
            st.count.push(t ? t[1] : 0);
            if (table) table[key] = idx + 1;
            else cache.set(key, idx);
          }
          rate[i] = st.rate[idx]!;
          count[i] = st.count[idx]!;
        }
      }
      cols.push(rate, count);
    });
    if (nSingle > 0) for (let i = 0; i < m; i++) novelty[i]! /= nSingle;
    for (const name of p.numeric) {
      const a = f.nums.get(name)!;
      const col = new Float64Array(m);
      for (let i = 0; i < m; i++) {
        const x = a[rows[i]!]!;
        col[i] = Number.isFinite(x) ? x : Number.NaN;
      }
      cols.push(col);
    }
    if (p.valuePerKg) {
      const col = new Float64Array(m);
      for (let i = 0; i < m; i++) col[i] = valuePerKg(f, rows[i]!);
      cols.push(col);
      if (this.hs6Rel) {
        const hs6 = f.cats.get('hs6')!;
        const rel = new Float64Array(m);
        for (let i = 0; i < m; i++) {
          const c = hs6.codes[rows[i]!]!;
          const med = c < 0 ? Number.NaN : this.hs6Rel[c]!;
          rel[i] = med > 0 ? col[i]! / med : Number.NaN;
        }
        cols.push(rel);
      }
    }
    return { cols, novelty };
  }
}

export interface SerializedPipeline {
  options: PipelineOptions;
  prior: number;
  encoders: Array<{ name: string; fields: string[]; keys: string[]; frauds: number[]; counts: number[] }>;
  numeric: string[];
  valuePerKg: boolean;
  hs6Median: Record<string, number>;
  featureNames: string[];
  comboSearch: Pipeline['comboSearch'];
}

export function serializePipeline(p: Pipeline): SerializedPipeline {
  return {
    options: p.options,
    prior: p.prior,
    encoders: p.encoders.map((e) => {
      const keys = [...e.table.keys()].sort();
      return {
        name: e.name,
        fields: e.fields,
        keys,
        frauds: keys.map((k) => e.table.get(k)![0]),
        counts: keys.map((k) => e.table.get(k)![1]),
      };
    }),
    numeric: p.numeric,
    valuePerKg: p.valuePerKg,
    hs6Median: Object.fromEntries([...p.hs6Median].sort((a, b) => (a[0] < b[0] ? -1 : 1))),
    featureNames: p.featureNames,
    comboSearch: p.comboSearch,
  };
}

export function deserializePipeline(s: SerializedPipeline): Pipeline {
  if (!s || !Array.isArray(s.encoders) || !Array.isArray(s.featureNames))
    throw new Error('invalid pipeline document');
  return {
    options: { ...DEFAULT_PIPELINE, ...s.options },
    prior: s.prior,
    encoders: s.encoders.map((e) => {
      if (e.keys.length !== e.frauds.length || e.keys.length !== e.counts.length)
        throw new Error(`invalid pipeline document: encoder ${e.name} arrays differ in length`);
      return {
        name: e.name,
        fields: e.fields,
        table: new Map(e.keys.map((k, i) => [k, [e.frauds[i]!, e.counts[i]!]])),
      };
    }),
    numeric: s.numeric,
    valuePerKg: s.valuePerKg,
    hs6Median: new Map(Object.entries(s.hs6Median ?? {})),
    featureNames: s.featureNames,
    comboSearch: s.comboSearch ?? [],
  };
}
