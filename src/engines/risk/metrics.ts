/**
 * Ranking metrics. Ranking order: score descending, ties broken by id ascending (string order),
 * or by row index when no ids are given. k = max(1, floor(n/100 × N)).
 */

export type Scores = ArrayLike<number>;

/** Row indices sorted by score descending; ties by id (or index) ascending. */
export function rankOrder(scores: Scores, ids?: ArrayLike<string>): Uint32Array {
  const n = scores.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const cmp = (a: number, b: number): number => {
    const d = scores[b]! - scores[a]!;
    if (d !== 0 && !Number.isNaN(d)) return d;
    if (ids) {
      const ia = ids[a]!;
      const ib = ids[b]!;
      if (ia < ib) return -1;
      if (ia > ib) return 1;
    }
    return a - b;
  };
  order.sort(cmp);
  return order;
}

export function budgetK(percent: number, n: number): number {
  if (n <= 0) return 0;
  // percent × n first: exact for integers, so e.g. 29 % of 100 is 29 (not 28.999… → 28)
  return Math.max(1, Math.floor((percent * n) / 100));
}

/** Area under the ROC curve; tied scores count one half (Mann–Whitney). NaN when one class is absent. */
export function auc(scores: Scores, labels: ArrayLike<number>): number {
  const n = scores.length;
  let pos = 0;
  for (let i = 0; i < n; i++) if (labels[i] === 1) pos++;
  const neg = n - pos;
  if (pos === 0 || neg === 0) return Number.NaN;
  const ps = new Float64Array(pos);
  const ns = new Float64Array(neg);
  let a = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i] === 1) ps[a++] = scores[i]!;
    else ns[b++] = scores[i]!;
  }
  ps.sort();
  ns.sort();
  // for each positive: negatives strictly below + half of the negatives equal to it
  let below = 0;
  let upto = 0;
  let sum = 0;
  for (let i = 0; i < pos; i++) {
    const x = ps[i]!;
    while (below < neg && ns[below]! < x) below++;
    if (upto < below) upto = below;
    while (upto < neg && ns[upto]! <= x) upto++;
    sum += below + (upto - below) / 2;
  }
  return sum / (pos * neg);
}

export interface AtN {
  n: number;
  k: number;
  precision: number;
  recall: number;
  /** Share of total revenue recovered in the top k; null when no revenue is given. */
  revenue: number | null;
}

export function metricsAt(
  percent: number,
  scores: Scores,
  labels: ArrayLike<number>,
  opts: { ids?: ArrayLike<string>; revenue?: ArrayLike<number> | null; order?: Uint32Array } = {},
): AtN {
  const N = scores.length;
  const order = opts.order ?? rankOrder(scores, opts.ids);
  const k = budgetK(percent, N);
  let hits = 0;
  let totalPos = 0;
  for (let i = 0; i < N; i++) if (labels[i] === 1) totalPos++;
  let revTop = 0;
  let revAll = 0;
  const rev = opts.revenue ?? null;
  for (let r = 0; r < k; r++) {
    const i = order[r]!;
    if (labels[i] === 1) hits++;
    if (rev) revTop += rev[i]! || 0;
  }
  if (rev) for (let i = 0; i < N; i++) revAll += rev[i]! || 0;
  return {
    n: percent,
    k,
    precision: k > 0 ? hits / k : Number.NaN,
    recall: totalPos > 0 ? hits / totalPos : Number.NaN,
    revenue: rev ? (revAll > 0 ? revTop / revAll : Number.NaN) : null,
  };
}

export interface MetricReport {
  rows: number;
  positives: number;
  auc: number;
  at: AtN[];
}

export const DEFAULT_PERCENTS = [1, 2, 5, 10] as const;

export function evaluateScores(
  scores: Scores,
  labels: ArrayLike<number>,
  opts: { ids?: ArrayLike<string>; revenue?: ArrayLike<number> | null; percents?: readonly number[] } = {},
): MetricReport {
  const order = rankOrder(scores, opts.ids);
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) positives++;
  return {
    rows: scores.length,
    positives,
    auc: auc(scores, labels),
    at: (opts.percents ?? DEFAULT_PERCENTS).map((p) =>
      metricsAt(p, scores, labels, { order, revenue: opts.revenue ?? null }),
    ),
  };
}
