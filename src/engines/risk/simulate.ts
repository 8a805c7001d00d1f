/**
 * Online simulation (the protocol of Kim et al., DATE/ADAPT "Customs-Fraud-Detection"): replay a
 * stream period by period; in each period score the declarations with the current model, select within
 * the budget, reveal only the outcomes of the selected declarations, add them to the labelled set and
 * retrain. Unselected declarations never reach training. Per period: precision, recall, revenue and
 * their normalised versions against a perfect selector with the same number of inspections.
 */
import type { Frame } from './frame.ts';
import { dayToIso } from './frame.ts';
import { type RiskModel, scoreRows, type TrainOptions, trainModel } from './model.ts';
import { type Budget, type ExplorationMode, selectBatch } from './select.ts';

export interface SimulateOptions {
  /** Period length: 'week' (Monday-based), 'month', or a number of days. */
  period?: 'week' | 'month' | number;
  budget: Budget;
  explorationShare?: number;
  explorationMode?: ExplorationMode;
  train?: TrainOptions;
  seed?: number;
  onPeriod?: (p: PeriodResult) => void;
  /** Replaces the engine by another selector (baselines); gets the labelled rows and the period rows. */
  scorer?: (
    labelled: number[],
    periodRows: number[],
  ) => { score: Float64Array; probability: Float64Array; novelty: Float64Array };
}

export interface PeriodResult {
  period: number;
  start: string;
  end: string;
  rows: number;
  trainRows: number;
  selected: number;
  explored: number;
  frauds: number;
  found: number;
  foundByExploration: number;
  precision: number;
  recall: number;
  normPrecision: number;
  normRecall: number;
  revenue: number | null;
  normRevenue: number | null;
}

export interface SimulationResult {
  periods: PeriodResult[];
  /** Selected row indices per period (frame rows). */
  selections: number[][];
  summary: {
    periods: number;
    meanPrecision: number;
    meanRecall: number;
    meanNormPrecision: number;
    meanNormRecall: number;
    meanNormRevenue: number | null;
    totalFound: number;
    totalSelected: number;
  };
}

export function periodKey(day: number, period: SimulateOptions['period']): number {
  if (period === 'month') {
    const d = new Date(day * 86_400_000);
    return d.getUTCFullYear() * 12 + d.getUTCMonth();
  }
  const len = typeof period === 'number' ? period : 7;
  // 1970-01-01 was a Thursday: +3 aligns weeks to Mondays
  return Math.floor((day + (len === 7 ? 3 : 0)) / len);
}

const mean = (xs: number[]): number => {
  const v = xs.filter((x) => Number.isFinite(x));
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : Number.NaN;
};

export function simulate(
  frame: Frame,
  historyRows: ArrayLike<number>,
  streamRows: ArrayLike<number>,
  opts: SimulateOptions,
): SimulationResult {
  if (!frame.hasDate) throw new Error('simulation needs a date column');
  const labelled: number[] = Array.from(historyRows);
  for (const r of labelled)
    if (frame.label[r] === -1) throw new Error(`history row on line ${frame.lines[r]} has no label`);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < streamRows.length; i++) {
    const r = streamRows[i]!;
    const key = periodKey(frame.date[r]!, opts.period ?? 'week');
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const keys = [...groups.keys()].sort((a, b) => a - b);
  const periods: PeriodResult[] = [];
  const selections: number[][] = [];
  let model: RiskModel | null = null;
  const seed = opts.seed ?? opts.train?.seed ?? 1;
  keys.forEach((key, pi) => {
    const rows = groups.get(key)!;
    let scored: {
      score: Float64Array;
      probability: Float64Array;
      novelty: Float64Array;
      mandatory?: Uint8Array;
    };
    if (opts.scorer) scored = opts.scorer(labelled.slice(), rows);
    else {
      model = trainModel(frame, labelled, { ...opts.train, seed });
      scored = scoreRows(model, frame, rows);
    }
    const sel = selectBatch({
      ids: rows.map((r) => frame.ids[r]!),
      score: scored.score,
      probability: scored.probability,
      novelty: scored.novelty,
      mandatory: scored.mandatory,
      budget: opts.budget,
      explorationShare: opts.explorationShare ?? 0,
      explorationMode: opts.explorationMode ?? 'uncertainty',
      seed: seed * 1000 + pi,
    });
    const chosen = sel.rows.map((i) => rows[i]!);
    // reveal outcomes of the selected declarations only
    let found = 0;
    let foundExp = 0;
    let rev = 0;
    for (let j = 0; j < chosen.length; j++) {
      const r = chosen[j]!;
      if (frame.label[r] === 1) {
        found++;
        if (sel.reasons[j] === 'explore') foundExp++;
      }
      if (frame.revenue) rev += frame.revenue[r]!;
      if (frame.label[r] !== -1) labelled.push(r);
    }
    // evaluation only (never used for learning): outcomes of the whole period
    let frauds = 0;
    const revs: number[] = [];
    for (const r of rows) {
      if (frame.label[r] === 1) frauds++;
      if (frame.revenue) revs.push(frame.revenue[r]!);
    }
    const k = chosen.length;
    const best = Math.min(k, frauds);
    let bestRev = 0;
    if (frame.revenue) {
      revs.sort((a, b) => b - a);
      for (let j = 0; j < k; j++) bestRev += revs[j]!;
    }
    const days = rows.map((r) => frame.date[r]!);
    const res: PeriodResult = {
      period: pi + 1,
      start: dayToIso(Math.min(...days)),
      end: dayToIso(Math.max(...days)),
      rows: rows.length,
      trainRows: opts.scorer ? labelled.length - k : ((model as RiskModel | null)?.doc.training.rows ?? 0),
      selected: k,
      explored: sel.exploreK,
      frauds,
      found,
      foundByExploration: foundExp,
      precision: k > 0 ? found / k : Number.NaN,
      recall: frauds > 0 ? found / frauds : Number.NaN,
      normPrecision: best > 0 ? found / best : Number.NaN,
      normRecall: best > 0 ? found / best : Number.NaN,
      revenue: frame.revenue ? rev : null,
      normRevenue: frame.revenue ? (bestRev > 0 ? rev / bestRev : Number.NaN) : null,
    };
    periods.push(res);
    selections.push(chosen);
    opts.onPeriod?.(res);
  });
  return {
    periods,
    selections,
    summary: {
      periods: periods.length,
      meanPrecision: mean(periods.map((p) => p.precision)),
      meanRecall: mean(periods.map((p) => p.recall)),
      meanNormPrecision: mean(periods.map((p) => p.normPrecision)),
      meanNormRecall: mean(periods.map((p) => p.normRecall)),
      meanNormRevenue: frame.revenue ? mean(periods.map((p) => p.normRevenue ?? Number.NaN)) : null,
      totalFound: periods.reduce((a, p) => a + p.found, 0),
      totalSelected: periods.reduce((a, p) => a + p.selected, 0),
    },
  };
}
