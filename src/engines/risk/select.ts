/**
 * Selection for control within a budget. Mandatory rule hits are selected first, outside the budget.
 * The budget (n % of the batch, or k) is split into exploitation (highest score) and exploration
 * (a share of the budget). Exploration measure "uncertainty": u = p·(1 − p) · (1 + novelty), where p is
 * the model probability and novelty the mean of 1/(1 + training count) over the single-field encodings,
 * i.e. declarations the model is least sure about, boosted when their values were rarely seen.
 * "random" picks uniformly (seeded) among the rest, for comparison.
 */
import { budgetK } from './metrics.ts';
import { Rng } from './prng.ts';

export type Budget = { percent: number } | { k: number };
export type ExplorationMode = 'uncertainty' | 'random';
export type Reason = 'mandatory' | 'exploit' | 'explore';

export interface SelectInput {
  ids: ArrayLike<string>;
  score: ArrayLike<number>;
  probability: ArrayLike<number>;
  novelty: ArrayLike<number>;
  mandatory?: ArrayLike<number>;
  budget: Budget;
  explorationShare?: number;
  explorationMode?: ExplorationMode;
  seed?: number;
}

export interface Selection {
  /** Selected positions in ranked order: mandatory, then exploitation, then exploration. */
  rows: number[];
  reasons: Reason[];
  k: number;
  exploreK: number;
}

export function budgetSize(b: Budget, n: number): number {
  if ('k' in b) return Math.min(n, Math.max(0, Math.floor(b.k)));
  return Math.min(n, budgetK(b.percent, n));
}

export function uncertainty(p: number, novelty: number): number {
  return p * (1 - p) * (1 + novelty);
}

function sortedBy(cands: number[], key: (i: number) => number, ids: ArrayLike<string>): number[] {
  return cands.sort((a, b) => {
    const d = key(b) - key(a);
    if (d !== 0) return d;
    const ia = ids[a]!;
    const ib = ids[b]!;
    return ia < ib ? -1 : ia > ib ? 1 : a - b;
  });
}

export function selectBatch(inp: SelectInput): Selection {
  const n = inp.score.length;
  const rows: number[] = [];
  const reasons: Reason[] = [];
  const rest: number[] = [];
  for (let i = 0; i < n; i++) {
    if (inp.mandatory?.[i]) {
      rows.push(i);
      reasons.push('mandatory');
    } else rest.push(i);
  }
  // mandatory in score order, deterministic
  const mand = sortedBy(rows.slice(), (i) => inp.score[i]!, inp.ids);
  rows.splice(0, rows.length, ...mand);
  const k = budgetSize(inp.budget, n);
  const share = Math.min(1, Math.max(0, inp.explorationShare ?? 0));
  const kk = Math.min(k, rest.length);
  const exploreK = Math.min(kk, Math.round(share * kk));
  const exploitK = kk - exploreK;
  const ranked = sortedBy(rest, (i) => inp.score[i]!, inp.ids);
  for (let r = 0; r < exploitK; r++) {
    rows.push(ranked[r]!);
    reasons.push('exploit');
  }
  const remaining = ranked.slice(exploitK);
  let explore: number[];
  if ((inp.explorationMode ?? 'uncertainty') === 'random') {
    const rng = new Rng(inp.seed ?? 1);
    explore = rng.shuffle(remaining.slice().sort((a, b) => a - b)).slice(0, exploreK);
  } else {
    explore = sortedBy(remaining, (i) => uncertainty(inp.probability[i]!, inp.novelty[i]!), inp.ids).slice(
      0,
      exploreK,
    );
  }
  for (const i of explore) {
    rows.push(i);
    reasons.push('explore');
  }
  return { rows, reasons, k, exploreK };
}
