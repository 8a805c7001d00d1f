/**
 * Risk model = feature pipeline + GBDT + rules, trained on labelled rows and serialised to one
 * versioned JSON document. Score = GBDT raw margin (log-odds) + Σ weights of the rules that hit.
 * Explanations: bias + Σ feature contributions (Saabas path attribution) + Σ rule contributions,
 * accumulated in that fixed order, which is exactly how the score itself is computed.
 */

import {
  deserializePipeline,
  FrameTransformer,
  fitPipeline,
  type Pipeline,
  type PipelineOptions,
  type SerializedPipeline,
  serializePipeline,
} from './features.ts';
import { type Frame, subsetFrame } from './frame.ts';
import {
  contributionsBlock,
  DEFAULT_GBDT,
  deserializeGbdt,
  type GbdtModel,
  type GbdtParams,
  predictMargin,
  type SerializedGbdt,
  serializeGbdt,
  sigmoid,
  trainGbdt,
} from './gbdt.ts';
import {
  findLeakage,
  type LeakageFinding,
  type LeakageOptions,
  mappingWithout,
  withoutFields,
} from './leakage.ts';
import type { Mapping } from './mapping.ts';
import { evaluateScores, type MetricReport } from './metrics.ts';
import { backtestRules, evaluateRules, type RuleBacktest, type RuleSet, validateRules } from './rules.ts';

export const MODEL_FORMAT = 'eucab-risk-model';
export const MODEL_VERSION = 1;

export interface TrainOptions {
  seed?: number;
  gbdt?: Partial<GbdtParams>;
  pipeline?: Partial<PipelineOptions>;
  rules?: RuleSet | null;
  mapping?: Mapping | null;
  /** Leakage guard (default on): columns that alone nearly decide the label are excluded; `false` turns it off. */
  leakage?: LeakageOptions | false;
  createdAt?: string;
  onProgress?: (msg: string) => void;
}

export interface ModelDocument {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  createdAt: string;
  mapping: Mapping | null;
  training: { rows: number; positives: number; seed: number };
  featureNames: string[];
  /** Columns the leakage guard found (excluded, or kept by an explicit override), with the reason. */
  leakage?: LeakageFinding[];
  importance: Array<{ feature: string; gain: number; share: number }>;
  metrics: {
    /** Trees evaluated on their own training rows (encodings out of fold): optimistic, for reference. */
    trainInSample?: MetricReport;
    validation?: MetricReport;
    /** Backtest of every rule on the training rows. */
    rules?: RuleBacktest[];
  };
  pipeline: SerializedPipeline;
  gbdt: SerializedGbdt;
  rules: RuleSet | null;
}

export interface RiskModel {
  doc: ModelDocument;
  pipeline: Pipeline;
  gbdt: GbdtModel;
  rules: RuleSet | null;
  /** Out-of-fold training features (only right after training; not serialised). */
  trainCols?: Float64Array[];
}

export const DEFAULT_MODEL_GBDT: Partial<GbdtParams> = {
  nTrees: 300,
  learningRate: 0.05,
  maxDepth: 6,
  maxLeaves: 63,
  minChildWeight: 1,
  lambda: 1,
  subsample: 0.8,
  colsample: 0.8,
};

/** Train on the given labelled rows of a frame (all rows when omitted). */
export function trainModel(frame: Frame, rows: ArrayLike<number> | null, opts: TrainOptions = {}): RiskModel {
  const seed = opts.seed ?? 1;
  const idx = rows ?? Uint32Array.from({ length: frame.n }, (_, i) => i);
  const t0 = Date.now();
  const leakage =
    opts.leakage === false ? [] : findLeakage(frame, idx, opts.mapping, { seed, ...opts.leakage });
  for (const l of leakage) opts.onProgress?.(`leakage guard: "${l.column}" ${l.reason}`);
  const excluded = leakage.filter((l) => l.excluded).map((l) => l.field);
  const fit = fitPipeline(withoutFields(frame, excluded), idx, { ...opts.pipeline, seed });
  opts.onProgress?.(
    `features: ${fit.pipeline.featureNames.length} (${fit.pipeline.encoders.length} encodings) in ${Date.now() - t0} ms`,
  );
  const y = new Uint8Array(idx.length);
  for (let i = 0; i < idx.length; i++) y[i] = frame.label[idx[i]!]!;
  const gbdt = trainGbdt(fit.cols, y, { ...DEFAULT_GBDT, ...DEFAULT_MODEL_GBDT, ...opts.gbdt, seed }, (p) =>
    opts.onProgress?.(`trees ${p.tree}/${p.nTrees}`),
  );
  const rules = opts.rules ? validateRules(opts.rules) : null;
  const totalGain = gbdt.gain.reduce((a, b) => a + b, 0) || 1;
  const importance = fit.pipeline.featureNames
    .map((feature, f) => ({ feature, gain: gbdt.gain[f]!, share: gbdt.gain[f]! / totalGain }))
    .sort((a, b) => b.gain - a.gain);
  let pos = 0;
  for (let i = 0; i < y.length; i++) pos += y[i]!;
  const doc: ModelDocument = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    createdAt: opts.createdAt ?? new Date().toISOString(),
    mapping: opts.mapping ? mappingWithout(opts.mapping, leakage) : null,
    ...(opts.leakage === false ? {} : { leakage }),
    training: { rows: idx.length, positives: pos, seed },
    featureNames: fit.pipeline.featureNames,
    importance,
    metrics: {
      trainInSample: evaluateScores(predictMargin(gbdt, fit.cols, idx.length), y, {
        ids: Array.from({ length: idx.length }, (_, i) => frame.ids[idx[i]!]!),
      }),
      ...(rules ? { rules: backtestRules(rules, subsetFrame(frame, idx)) } : {}),
    },
    pipeline: serializePipeline(fit.pipeline),
    gbdt: serializeGbdt(gbdt),
    rules,
  };
  return { doc, pipeline: fit.pipeline, gbdt, rules, trainCols: fit.cols };
}

/** Frame fields the model reads that the frame lacks (as "field" names: hs, importer, cat:<column> …). */
export function missingFields(model: RiskModel, frame: Frame): string[] {
  const need = new Set<string>();
  for (const e of model.pipeline.encoders)
    for (const f of e.fields) need.add(['hs6', 'hs4', 'hs2'].includes(f) ? 'hs' : f);
  const missing = [...need].filter((f) => !frame.cats.has(f));
  for (const f of model.pipeline.numeric) if (!frame.nums.has(f)) missing.push(f);
  return missing;
}

export function modelToJson(m: RiskModel): string {
  return JSON.stringify(m.doc);
}

export function loadModel(json: string | unknown): RiskModel {
  const doc = (typeof json === 'string' ? JSON.parse(json) : json) as ModelDocument;
  if (!doc || doc.format !== MODEL_FORMAT)
    throw new Error(`not a risk model document (format must be "${MODEL_FORMAT}")`);
  if (doc.version !== MODEL_VERSION)
    throw new Error(`unsupported model version ${doc.version} (this engine reads ${MODEL_VERSION})`);
  const pipeline = deserializePipeline(doc.pipeline);
  const gbdt = deserializeGbdt(doc.gbdt);
  if (gbdt.nFeatures !== pipeline.featureNames.length)
    throw new Error('model document: GBDT and pipeline disagree on features');
  return { doc, pipeline, gbdt, rules: doc.rules ? validateRules(doc.rules) : null };
}

export interface Explanation {
  bias: number;
  /** Per feature contribution (indexed like featureNames). */
  features: Float64Array;
  /** Per rule contribution (weight when hit, else 0), indexed like rules. */
  rules: Float64Array;
}

export interface ScoreResult {
  /** Final score: model margin + rule weights (log-odds). */
  score: Float64Array;
  /** Model-only margin. */
  margin: Float64Array;
  /** sigmoid(model margin): the model's fraud probability. */
  probability: Float64Array;
  /** Mean of 1/(1 + training count) over single-field encodings: 1 = all values unseen. */
  novelty: Float64Array;
  /** 1 when a mandatory rule hits. */
  mandatory: Uint8Array;
  /** Rule hits per rule. */
  ruleHits: Uint8Array[];
}

/**
 * Score rows (all when rows is null) in chunks. When onExplain is given it is called for every row
 * with its explanation (arrays are reused between calls: copy what you keep).
 */
export function scoreRows(
  model: RiskModel,
  frame: Frame,
  rows: ArrayLike<number> | null = null,
  opts: {
    chunk?: number;
    onExplain?: (i: number, e: Explanation) => void;
    transformer?: FrameTransformer;
    onProgress?: (done: number, total: number) => void;
  } = {},
): ScoreResult {
  const idx = rows ?? Uint32Array.from({ length: frame.n }, (_, i) => i);
  const m = idx.length;
  const tr = opts.transformer ?? new FrameTransformer(model.pipeline, frame);
  const F = model.pipeline.featureNames.length;
  const rules = model.rules;
  const ruleHits = rules ? evaluateRules(rules, frame, idx) : [];
  const R = ruleHits.length;
  const score = new Float64Array(m);
  const margin = new Float64Array(m);
  const probability = new Float64Array(m);
  const novelty = new Float64Array(m);
  const mandatory = new Uint8Array(m);
  const contrib = new Float64Array(F);
  const rc = new Float64Array(R);
  const chunk = opts.chunk ?? 65_536;
  const BLOCK = 256;
  const blockOut = new Float64Array(BLOCK * F);
  const blockBias = new Float64Array(BLOCK);
  for (let s = 0; s < m; s += chunk) {
    const e = Math.min(m, s + chunk);
    const sub = idx instanceof Uint32Array ? idx.subarray(s, e) : Array.prototype.slice.call(idx, s, e);
    const { cols, novelty: nov } = tr.transform(sub);
    for (let b0 = 0; b0 < e - s; b0 += BLOCK) {
      const b1 = Math.min(e - s, b0 + BLOCK);
      contributionsBlock(model.gbdt, cols, b0, b1, blockOut, blockBias);
      for (let i = b0; i < b1; i++) {
        const o = (i - b0) * F;
        const bias = blockBias[i - b0]!;
        let mg = bias;
        for (let f = 0; f < F; f++) mg += blockOut[o + f]!;
        let sc = mg;
        for (let r = 0; r < R; r++) {
          const hit = ruleHits[r]![s + i]!;
          rc[r] = hit ? rules!.rules[r]!.weight : 0;
          sc += rc[r]!;
          if (hit && rules!.rules[r]!.mandatory) mandatory[s + i] = 1;
        }
        margin[s + i] = mg;
        score[s + i] = sc;
        probability[s + i] = sigmoid(mg);
        novelty[s + i] = nov[i]!;
        if (opts.onExplain) {
          contrib.set(blockOut.subarray(o, o + F));
          opts.onExplain(s + i, { bias, features: contrib, rules: rc });
        }
      }
    }
    opts.onProgress?.(e, m);
  }
  return { score, margin, probability, novelty, mandatory, ruleHits };
}

/** Metrics of a model on labelled rows (rows with unknown label are skipped). */
export function evaluateModel(
  model: RiskModel,
  frame: Frame,
  rows: ArrayLike<number> | null = null,
): MetricReport {
  const all = rows ?? Uint32Array.from({ length: frame.n }, (_, i) => i);
  const lab: number[] = [];
  for (let i = 0; i < all.length; i++) if (frame.label[all[i]!] !== -1) lab.push(all[i]!);
  const res = scoreRows(model, frame, lab);
  return evaluateScores(
    res.score,
    lab.map((r) => frame.label[r]!),
    {
      ids: lab.map((r) => frame.ids[r]!),
      revenue: frame.revenue ? lab.map((r) => frame.revenue![r]!) : null,
    },
  );
}

/** Top contributions as readable text, e.g. "rate:hs6×origin +1.234". */
const nameCache = new WeakMap<RiskModel, { names: string[]; rank: Int32Array }>();

/** Explanation item names (features, then `rule:<id>`) and their rank in string order (for ties). */
export function explanationNames(model: RiskModel): { names: string[]; rank: Int32Array } {
  let c = nameCache.get(model);
  if (!c) {
    const names = [...model.pipeline.featureNames, ...(model.rules?.rules.map((r) => `rule:${r.id}`) ?? [])];
    const order = names
      .map((_, i) => i)
      .sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : a - b));
    const rank = new Int32Array(names.length);
    order.forEach((i, r) => {
      rank[i] = r;
    });
    c = { names, rank };
    nameCache.set(model, c);
  }
  return c;
}

/**
 * Indices (features, then F + rule) of the k largest |contribution|, ties by name; written to
 * idx[off..off+k) (-1 when fewer) and val[off..off+k). Returns how many were written.
 */
export function topContributionIndices(
  model: RiskModel,
  e: Explanation,
  k: number,
  idx: Int32Array,
  val: Float64Array,
  off = 0,
): number {
  const { rank } = explanationNames(model);
  const F = e.features.length;
  let len = 0;
  for (let j = 0; j < F + e.rules.length; j++) {
    const v = j < F ? e.features[j]! : e.rules[j - F]!;
    if (v === 0 || k <= 0) continue;
    const a = Math.abs(v);
    if (len === k) {
      const la = Math.abs(val[off + k - 1]!);
      if (a < la || (a === la && rank[j]! > rank[idx[off + k - 1]!]!)) continue;
    }
    let pos = len < k ? len : k - 1;
    while (pos > 0) {
      const pa = Math.abs(val[off + pos - 1]!);
      if (pa > a || (pa === a && rank[idx[off + pos - 1]!]! < rank[j]!)) break;
      idx[off + pos] = idx[off + pos - 1]!;
      val[off + pos] = val[off + pos - 1]!;
      pos--;
    }
    idx[off + pos] = j;
    val[off + pos] = v;
    if (len < k) len++;
  }
  for (let t = len; t < k; t++) idx[off + t] = -1;
  return len;
}

/** Top contributions as name/value pairs, largest |value| first (ties by name). */
export function topContributions(
  model: RiskModel,
  e: Explanation,
  k: number,
): Array<{ name: string; value: number }> {
  const idx = new Int32Array(Math.max(0, k));
  const val = new Float64Array(Math.max(0, k));
  const n = topContributionIndices(model, e, k, idx, val);
  const { names } = explanationNames(model);
  return Array.from({ length: n }, (_, t) => ({ name: names[idx[t]!]!, value: val[t]! }));
}
