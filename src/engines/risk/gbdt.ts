/**
 * Compact histogram-based gradient-boosted decision trees for binary log-loss.
 *
 * - Features are column-major Float64Arrays; NaN means missing (learned default direction).
 * - Quantile bins per feature (at most maxBins including the missing bin), rows stored as Uint8 bins.
 * - Leaf-wise growth limited by maxLeaves and maxDepth, min child weight (hessian), L2 (lambda).
 * - Histogram subtraction: only the smaller child is scanned, the larger is parent − smaller.
 * - Row (Bernoulli) and feature (per tree) subsampling from a seeded PRNG: deterministic for a seed.
 * - Per-row path attribution (Saabas) on the raw margin: bias + Σ contributions = margin.
 */
import { Rng } from './prng.ts';

export interface GbdtParams {
  nTrees: number;
  learningRate: number;
  maxDepth: number;
  maxLeaves: number;
  minChildWeight: number;
  lambda: number;
  minSplitGain: number;
  subsample: number;
  colsample: number;
  maxBins: number;
  seed: number;
}

export const DEFAULT_GBDT: GbdtParams = {
  nTrees: 300,
  learningRate: 0.05,
  maxDepth: 6,
  maxLeaves: 31,
  minChildWeight: 1,
  lambda: 1,
  minSplitGain: 0,
  subsample: 0.8,
  colsample: 0.8,
  maxBins: 255,
  seed: 1,
};

export interface Tree {
  /** Split feature per node; -1 for a leaf. */
  feature: Int32Array;
  /** Go left when x <= threshold. */
  threshold: Float64Array;
  /** 1 when a missing value goes left. */
  defaultLeft: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  /** Value of every node (already scaled by the learning rate); a leaf's value is its output. */
  value: Float64Array;
}

export interface GbdtModel {
  params: GbdtParams;
  nFeatures: number;
  baseScore: number;
  trees: Tree[];
  /** Total split gain per feature. */
  gain: Float64Array;
}

const INF_THRESHOLD = Number.MAX_VALUE;

/** Cut points for one column: bin(x) = 0 if NaN, else 1 + (first j with x <= cuts[j], or cuts.length). */
export function computeCuts(col: Float64Array, maxBins: number): Float64Array {
  const n = col.length;
  const stride = n > 200_000 ? Math.ceil(n / 200_000) : 1;
  const buf = new Float64Array(Math.ceil(n / stride));
  let cnt = 0;
  for (let i = 0; i < n; i += stride) {
    const v = col[i]!;
    if (!Number.isNaN(v)) buf[cnt++] = v;
  }
  const s = buf.subarray(0, cnt).sort();
  const uniq: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (i === 0 || s[i] !== s[i - 1]) {
      uniq.push(s[i]!);
      if (uniq.length > maxBins) break; // enough to know the quantile branch is needed
    }
  }
  const maxCuts = Math.max(1, maxBins - 2);
  const cuts: number[] = [];
  if (uniq.length <= maxCuts + 1) {
    for (let i = 0; i + 1 < uniq.length; i++) {
      const a = uniq[i]!;
      const b = uniq[i + 1]!;
      let m = a + (b - a) / 2;
      if (!(m >= a && m < b)) m = a;
      cuts.push(m);
    }
  } else {
    const m = s.length;
    const maxV = s[s.length - 1]!;
    for (let q = 1; q <= maxCuts; q++) {
      const v = s[Math.min(m - 1, Math.floor((q * m) / (maxCuts + 1)))]!;
      if (v >= maxV) break;
      if (cuts.length === 0 || v > cuts[cuts.length - 1]!) cuts.push(v);
    }
  }
  return Float64Array.from(cuts);
}

export function binColumn(col: Float64Array, cuts: Float64Array): Uint8Array {
  const n = col.length;
  const out = new Uint8Array(n);
  const nc = cuts.length;
  for (let i = 0; i < n; i++) {
    const x = col[i]!;
    if (Number.isNaN(x)) continue;
    let lo = 0;
    let hi = nc;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (x <= cuts[mid]!) hi = mid;
      else lo = mid + 1;
    }
    out[i] = lo + 1;
  }
  return out;
}

interface Split {
  gain: number;
  feature: number;
  bin: number;
  defaultLeft: boolean;
  GL: number;
  HL: number;
}

interface Leaf {
  node: number;
  start: number;
  end: number;
  depth: number;
  G: number;
  H: number;
  hist: Float64Array;
  split: Split | null;
}

export interface TrainProgress {
  tree: number;
  nTrees: number;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

function gradients(margin: Float64Array, y: ArrayLike<number>, g: Float64Array, h: Float64Array): void {
  const n = margin.length;
  for (let i = 0; i < n; i++) {
    const p = 1 / (1 + Math.exp(-margin[i]!));
    g[i] = p - y[i]!;
    h[i] = Math.max(p * (1 - p), 1e-16);
  }
}

function updateMargins(tree: Tree, sbin: Int32Array, binned: Uint8Array[], margin: Float64Array): void {
  const tf = tree.feature;
  const tl = tree.left;
  const tr = tree.right;
  const td = tree.defaultLeft;
  const tv = tree.value;
  const n = margin.length;
  for (let r = 0; r < n; r++) {
    let nd = 0;
    while (tl[nd]! >= 0) {
      const b = binned[tf[nd]!]![r]!;
      nd = (b === 0 ? td[nd] === 1 : b <= sbin[nd]!) ? tl[nd]! : tr[nd]!;
    }
    margin[r]! += tv[nd]!;
  }
}

function buildHistogram(
  hist: Float64Array,
  rows: Uint32Array,
  start: number,
  end: number,
  feats: Int32Array,
  binned: Uint8Array[],
  off: Int32Array,
  g: Float64Array,
  h: Float64Array,
): void {
  // two features per pass over the rows: half the row / gradient loads, independent updates
  let q = 0;
  for (; q + 1 < feats.length; q += 2) {
    const f1 = feats[q]!;
    const f2 = feats[q + 1]!;
    const c1 = binned[f1]!;
    const c2 = binned[f2]!;
    const b1 = off[f1]!;
    const b2 = off[f2]!;
    hist.fill(0, 2 * b1, 2 * off[f1 + 1]!);
    hist.fill(0, 2 * b2, 2 * off[f2 + 1]!);
    for (let i = start; i < end; i++) {
      const r = rows[i]!;
      const gr = g[r]!;
      const hr = h[r]!;
      const k1 = (b1 + c1[r]!) << 1;
      const k2 = (b2 + c2[r]!) << 1;
      hist[k1]! += gr;
      hist[k1 + 1]! += hr;
      hist[k2]! += gr;
      hist[k2 + 1]! += hr;
    }
  }
  for (; q < feats.length; q++) {
    const f = feats[q]!;
    const col = binned[f]!;
    const base = off[f]!;
    hist.fill(0, 2 * base, 2 * off[f + 1]!);
    for (let i = start; i < end; i++) {
      const r = rows[i]!;
      const k = (base + col[r]!) << 1;
      hist[k]! += g[r]!;
      hist[k + 1]! += h[r]!;
    }
  }
}

function bestSplit(
  hist: Float64Array,
  G: number,
  H: number,
  feats: Int32Array,
  off: Int32Array,
  nb: Int32Array,
  lambda: number,
  mcw: number,
): Split | null {
  let bestGain = Number.NEGATIVE_INFINITY;
  let bf = -1;
  let bb = 0;
  let bdl = false;
  let bGL = 0;
  let bHL = 0;
  const parentScore = (G * G) / (H + lambda);
  for (let q = 0; q < feats.length; q++) {
    const f = feats[q]!;
    const base = off[f]!;
    const nbf = nb[f]!;
    const Gm = hist[2 * base]!;
    const Hm = hist[2 * base + 1]!;
    let GL = 0;
    let HL = 0;
    for (let b = 1; b < nbf; b++) {
      GL += hist[2 * (base + b)]!;
      HL += hist[2 * (base + b) + 1]!;
      // missing goes right
      let GR = G - GL;
      let HR = H - HL;
      if (HL >= mcw && HR >= mcw && HL > 0 && HR > 0) {
        const gain = (GL * GL) / (HL + lambda) + (GR * GR) / (HR + lambda) - parentScore;
        if (gain > bestGain) {
          bestGain = gain;
          bf = f;
          bb = b;
          bdl = false;
          bGL = GL;
          bHL = HL;
        }
      }
      // missing goes left (only meaningful when missing values are present)
      if (Hm > 0 && b < nbf - 1) {
        const gl = GL + Gm;
        const hl = HL + Hm;
        GR = G - gl;
        HR = H - hl;
        if (hl >= mcw && HR >= mcw && hl > 0 && HR > 0) {
          const gain = (gl * gl) / (hl + lambda) + (GR * GR) / (HR + lambda) - parentScore;
          if (gain > bestGain) {
            bestGain = gain;
            bf = f;
            bb = b;
            bdl = true;
            bGL = gl;
            bHL = hl;
          }
        }
      }
    }
  }
  return bf < 0 ? null : { gain: bestGain, feature: bf, bin: bb, defaultLeft: bdl, GL: bGL, HL: bHL };
}

export function trainGbdt(
  cols: Float64Array[],
  y: ArrayLike<number>,
  params: Partial<GbdtParams> = {},
  onProgress?: (p: TrainProgress) => void,
): GbdtModel {
  const P: GbdtParams = { ...DEFAULT_GBDT, ...params };
  if (P.maxBins > 256 || P.maxBins < 3) throw new Error('maxBins must be in [3, 256]');
  const F = cols.length;
  const n = y.length;
  for (const c of cols)
    if (c.length !== n) throw new Error('feature column length differs from label length');
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    if (v !== 0 && v !== 1) throw new Error(`label at row ${i} is ${v}, expected 0 or 1`);
    pos += v;
  }
  const prior = n > 0 ? Math.min(1 - 1e-6, Math.max(1e-6, pos / n)) : 0.5;
  const baseScore = Math.log(prior / (1 - prior));

  const cuts = cols.map((c) => computeCuts(c, P.maxBins));
  const binned = cols.map((c, f) => binColumn(c, cuts[f]!));
  const nb = new Int32Array(F);
  const off = new Int32Array(F + 1);
  for (let f = 0; f < F; f++) {
    nb[f] = cuts[f]!.length + 2;
    off[f + 1] = off[f]! + nb[f]!;
  }
  const histSize = 2 * off[F]!;
  const pool: Float64Array[] = [];
  const getHist = (): Float64Array => pool.pop() ?? new Float64Array(histSize);

  const margin = new Float64Array(n).fill(baseScore);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const rng = new Rng(P.seed);
  const trees: Tree[] = [];
  const gainTotal = new Float64Array(F);
  const lambda = P.lambda;
  const mcw = P.minChildWeight;
  const minGain = Math.max(P.minSplitGain, 1e-12);
  const allRows = new Uint32Array(n);
  const tmpRows = new Uint32Array(n);
  const nColSample = Math.max(1, Math.round(F * Math.min(1, P.colsample)));
  const featIdx = new Int32Array(F);

  for (let t = 0; t < P.nTrees; t++) {
    gradients(margin, y, g, h);
    let m = 0;
    if (P.subsample < 1) {
      for (let i = 0; i < n; i++) if (rng.next() < P.subsample) allRows[m++] = i;
    } else {
      for (let i = 0; i < n; i++) allRows[m++] = i;
    }
    const rows = allRows;
    for (let f = 0; f < F; f++) featIdx[f] = f;
    let feats: Int32Array;
    if (nColSample < F) {
      rng.shuffle(featIdx);
      feats = featIdx.slice(0, nColSample).sort();
    } else feats = featIdx.slice();

    const buildHist = (hist: Float64Array, start: number, end: number): void =>
      buildHistogram(hist, rows, start, end, feats, binned, off, g, h);
    const findSplit = (hist: Float64Array, G: number, H: number): Split | null =>
      bestSplit(hist, G, H, feats, off, nb, lambda, mcw);

    const feature: number[] = [];
    const threshold: number[] = [];
    const defLeft: number[] = [];
    const left: number[] = [];
    const right: number[] = [];
    const value: number[] = [];
    const sbin: number[] = [];
    const newNode = (G: number, H: number): number => {
      feature.push(-1);
      threshold.push(0);
      defLeft.push(0);
      left.push(-1);
      right.push(-1);
      sbin.push(0);
      value.push((-G / (H + lambda)) * P.learningRate);
      return feature.length - 1;
    };

    let G0 = 0;
    let H0 = 0;
    for (let i = 0; i < m; i++) {
      G0 += g[rows[i]!]!;
      H0 += h[rows[i]!]!;
    }
    const rootHist = getHist();
    buildHist(rootHist, 0, m);
    const root: Leaf = {
      node: newNode(G0, H0),
      start: 0,
      end: m,
      depth: 0,
      G: G0,
      H: H0,
      hist: rootHist,
      split: null,
    };
    const canSplit = (lf: Leaf): boolean => lf.depth < P.maxDepth && lf.end - lf.start >= 2;
    if (canSplit(root)) root.split = findSplit(rootHist, G0, H0);
    const leaves: Leaf[] = [root];
    while (leaves.length < P.maxLeaves) {
      let bi = -1;
      for (let i = 0; i < leaves.length; i++) {
        const s = leaves[i]!.split;
        if (s && s.gain > minGain && (bi < 0 || s.gain > leaves[bi]!.split!.gain)) bi = i;
      }
      if (bi < 0) break;
      const lf = leaves[bi]!;
      const s = lf.split!;
      const col = binned[s.feature]!;
      const dl = s.defaultLeft;
      const sb = s.bin;
      // stable partition: rows stay in increasing order inside every node (sequential memory access)
      let i = lf.start;
      let nr = 0;
      for (let q = lf.start; q < lf.end; q++) {
        const r = rows[q]!;
        const b = col[r]!;
        if (b === 0 ? dl : b <= sb) rows[i++] = r;
        else tmpRows[nr++] = r;
      }
      rows.set(tmpRows.subarray(0, nr), i);
      const mid = i;
      const GL = s.GL;
      const HL = s.HL;
      const GR = lf.G - GL;
      const HR = lf.H - HL;
      const ln = newNode(GL, HL);
      const rn = newNode(GR, HR);
      feature[lf.node] = s.feature;
      threshold[lf.node] = sb >= nb[s.feature]! - 1 ? INF_THRESHOLD : cuts[s.feature]![sb - 1]!;
      defLeft[lf.node] = dl ? 1 : 0;
      left[lf.node] = ln;
      right[lf.node] = rn;
      sbin[lf.node] = sb;
      gainTotal[s.feature]! += s.gain;
      const L: Leaf = {
        node: ln,
        start: lf.start,
        end: mid,
        depth: lf.depth + 1,
        G: GL,
        H: HL,
        hist: lf.hist,
        split: null,
      };
      const R: Leaf = {
        node: rn,
        start: mid,
        end: lf.end,
        depth: lf.depth + 1,
        G: GR,
        H: HR,
        hist: lf.hist,
        split: null,
      };
      const small = mid - lf.start <= lf.end - mid ? L : R;
      const large = small === L ? R : L;
      const sh = getHist();
      buildHist(sh, small.start, small.end);
      const ph = lf.hist;
      for (let q = 0; q < feats.length; q++) {
        const f = feats[q]!;
        for (let k = 2 * off[f]!, e = 2 * off[f + 1]!; k < e; k++) ph[k]! -= sh[k]!;
      }
      small.hist = sh;
      large.hist = ph;
      if (canSplit(L)) L.split = findSplit(L.hist, GL, HL);
      if (canSplit(R)) R.split = findSplit(R.hist, GR, HR);
      leaves.splice(bi, 1, L, R);
    }
    for (const lf of leaves) pool.push(lf.hist);

    const tree: Tree = {
      feature: Int32Array.from(feature),
      threshold: Float64Array.from(threshold),
      defaultLeft: Uint8Array.from(defLeft),
      left: Int32Array.from(left),
      right: Int32Array.from(right),
      value: Float64Array.from(value),
    };
    trees.push(tree);
    updateMargins(tree, Int32Array.from(sbin), binned, margin);
    if (onProgress && (t % 10 === 9 || t === P.nTrees - 1)) onProgress({ tree: t + 1, nTrees: P.nTrees });
  }
  return { params: P, nFeatures: F, baseScore, trees, gain: gainTotal };
}

/** Raw margin (log-odds) for rows of column-major features (blocks of rows keep features in cache). */
export function predictMargin(model: GbdtModel, cols: Float64Array[], n: number): Float64Array {
  const out = new Float64Array(n).fill(model.baseScore);
  const B = 1024;
  for (let s = 0; s < n; s += B) {
    const e = Math.min(n, s + B);
    for (const t of model.trees) {
      const tf = t.feature;
      const tl = t.left;
      const tr = t.right;
      const th = t.threshold;
      const td = t.defaultLeft;
      const tv = t.value;
      for (let r = s; r < e; r++) {
        let nd = 0;
        while (tl[nd]! >= 0) {
          const x = cols[tf[nd]!]![r]!;
          nd = (Number.isNaN(x) ? td[nd] === 1 : x <= th[nd]!) ? tl[nd]! : tr[nd]!;
        }
        out[r]! += tv[nd]!;
      }
    }
  }
  return out;
}

/** Saabas path attribution for row r: adds each feature's contribution to out and returns the bias. */
export function contributions(model: GbdtModel, cols: Float64Array[], r: number, out: Float64Array): number {
  let bias = model.baseScore;
  for (const t of model.trees) {
    const tf = t.feature;
    const tl = t.left;
    const tr = t.right;
    const th = t.threshold;
    const td = t.defaultLeft;
    const tv = t.value;
    let nd = 0;
    bias += tv[0]!;
    while (tl[nd]! >= 0) {
      const f = tf[nd]!;
      const x = cols[f]![r]!;
      const next = (Number.isNaN(x) ? td[nd] === 1 : x <= th[nd]!) ? tl[nd]! : tr[nd]!;
      out[f]! += tv[next]! - tv[nd]!;
      nd = next;
    }
  }
  return bias;
}

/**
 * Saabas attribution for a block of rows [start, end): out[(r - start) × F + f] accumulates the
 * contribution of feature f and bias[r - start] the bias. Per row the additions happen in tree order,
 * exactly as in `contributions`, so results are bit-identical; blocks keep the trees in cache.
 */
export function contributionsBlock(
  model: GbdtModel,
  cols: Float64Array[],
  start: number,
  end: number,
  out: Float64Array,
  bias: Float64Array,
): void {
  const F = model.nFeatures;
  const m = end - start;
  out.fill(0, 0, m * F);
  bias.fill(model.baseScore, 0, m);
  for (const t of model.trees) {
    const tf = t.feature;
    const tl = t.left;
    const tr = t.right;
    const th = t.threshold;
    const td = t.defaultLeft;
    const tv = t.value;
    const root = tv[0]!;
    for (let j = 0; j < m; j++) {
      const r = start + j;
      bias[j]! += root;
      const o = j * F;
      let nd = 0;
      while (tl[nd]! >= 0) {
        const f = tf[nd]!;
        const x = cols[f]![r]!;
        const next = (Number.isNaN(x) ? td[nd] === 1 : x <= th[nd]!) ? tl[nd]! : tr[nd]!;
        out[o + f]! += tv[next]! - tv[nd]!;
        nd = next;
      }
    }
  }
}

export interface SerializedTree {
  feature: number[];
  threshold: number[];
  defaultLeft: number[];
  left: number[];
  right: number[];
  value: number[];
}

export interface SerializedGbdt {
  params: GbdtParams;
  nFeatures: number;
  baseScore: number;
  gain: number[];
  trees: SerializedTree[];
}

export function serializeGbdt(m: GbdtModel): SerializedGbdt {
  return {
    params: m.params,
    nFeatures: m.nFeatures,
    baseScore: m.baseScore,
    gain: Array.from(m.gain),
    trees: m.trees.map((t) => ({
      feature: Array.from(t.feature),
      threshold: Array.from(t.threshold),
      defaultLeft: Array.from(t.defaultLeft),
      left: Array.from(t.left),
      right: Array.from(t.right),
      value: Array.from(t.value),
    })),
  };
}

export function deserializeGbdt(s: SerializedGbdt): GbdtModel {
  if (!s || !Array.isArray(s.trees) || typeof s.baseScore !== 'number')
    throw new Error('invalid GBDT document');
  return {
    params: { ...DEFAULT_GBDT, ...s.params },
    nFeatures: s.nFeatures,
    baseScore: s.baseScore,
    gain: Float64Array.from(s.gain ?? []),
    trees: s.trees.map((t) => {
      const k = t.feature.length;
      if ([t.threshold, t.defaultLeft, t.left, t.right, t.value].some((a) => a.length !== k))
        throw new Error('invalid GBDT tree: array lengths differ');
      for (let i = 0; i < k; i++) {
        const f = t.feature[i]!;
        if (f >= s.nFeatures) throw new Error('invalid GBDT tree: feature out of range');
        if (f >= 0 && (t.left[i]! <= i || t.right[i]! <= i || t.left[i]! >= k || t.right[i]! >= k))
          throw new Error('invalid GBDT tree: bad child index');
      }
      return {
        feature: Int32Array.from(t.feature),
        threshold: Float64Array.from(t.threshold),
        defaultLeft: Uint8Array.from(t.defaultLeft),
        left: Int32Array.from(t.left),
        right: Int32Array.from(t.right),
        value: Float64Array.from(t.value),
      };
    }),
  };
}
