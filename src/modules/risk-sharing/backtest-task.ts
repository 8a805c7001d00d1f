/**
 * The backtest of a profile recommendation, run in a worker thread (no database here): the
 * recommended rules and the active model on the proposer's labelled rows that model did not
 * train on (histories uploaded after it, outcomes of batches scored with it).
 */
import { gunzipSync } from 'node:zlib';
import type { Mapping } from '../../engines/risk/mapping.ts';
import { budgetK } from '../../engines/risk/metrics.ts';
import { loadModel, scoreRows } from '../../engines/risk/model.ts';
import { evaluateRules, type RuleSet, validateRules } from '../../engines/risk/rules.ts';
import { buildFrame, type DatasetPart, type Progress } from '../risk/risk-tasks.ts';

export interface BacktestInput {
  mapping: Mapping;
  header: string[];
  parts: DatasetPart[];
  rules: RuleSet;
  /** Selection budget in percent of the rows. */
  budgetPercent: number;
  /** The active model (gzip-compressed document), or null: no baseline. */
  model: Uint8Array | null;
}

export interface SelectionFigures {
  selected: number;
  /** Percent of the rows selected. */
  selection_rate: number;
  /** Percent of the selected rows with an irregularity. */
  hit_rate: number;
  /** Revenue found on the selected rows with an irregularity; null without a revenue column. */
  revenue: number | null;
}

export interface BacktestResult {
  rows: number;
  profile: SelectionFigures;
  baseline: SelectionFigures | null;
}

const pct = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 100);

function figures(
  chosen: readonly number[],
  n: number,
  label: Int8Array,
  revenue: Float64Array | null,
): SelectionFigures {
  let frauds = 0;
  let found = 0;
  for (const r of chosen) {
    if (label[r] !== 1) continue;
    frauds++;
    if (revenue && Number.isFinite(revenue[r]!)) found += revenue[r]!;
  }
  return {
    selected: chosen.length,
    selection_rate: pct(chosen.length, n),
    hit_rate: pct(frauds, chosen.length),
    revenue: revenue ? Math.round(found * 100) / 100 : null,
  };
}

/** Highest value first, ties by declaration id: the first `k` rows. */
function topK(rows: number[], value: (r: number) => number, ids: string[], k: number): number[] {
  return rows
    .sort((a, b) => value(b) - value(a) || (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0))
    .slice(0, k);
}

/**
 * The profile selects the rows where one of its rules hits (mandatory ones always; the others
 * within the budget, by the sum of the weights that hit); the baseline is the active model's
 * selection of the same budget on the same rows.
 */
export async function backtestTask(input: BacktestInput, progress?: Progress): Promise<BacktestResult> {
  progress?.({ done: 0, total: 3, phase: 'reading' });
  const frame = buildFrame(input.mapping, input.header, input.parts, true);
  if (frame.n === 0)
    throw new Error(
      'none of your labelled rows is left for a backtest: upload a declaration history with outcomes',
    );
  const rules = validateRules(input.rules);
  progress?.({ done: 1, total: 3, phase: 'backtesting' });
  const hits = evaluateRules(rules, frame);
  const k = budgetK(input.budgetPercent, frame.n);
  const weight = new Float64Array(frame.n);
  const mandatory: number[] = [];
  const candidates: number[] = [];
  for (let r = 0; r < frame.n; r++) {
    let any = false;
    let must = false;
    rules.rules.forEach((rule, i) => {
      if (!hits[i]![r]) return;
      any = true;
      weight[r]! += rule.weight;
      if (rule.mandatory) must = true;
    });
    if (must) mandatory.push(r);
    else if (any) candidates.push(r);
  }
  const chosen = [...mandatory, ...topK(candidates, (r) => weight[r]!, frame.ids, k)];
  const profile = figures(chosen, frame.n, frame.label, frame.revenue);
  progress?.({ done: 2, total: 3, phase: 'baseline' });
  let baseline: SelectionFigures | null = null;
  if (input.model) {
    const model = loadModel(JSON.parse(gunzipSync(input.model).toString('utf8')));
    const scored = scoreRows(model, frame);
    const all = Array.from({ length: frame.n }, (_, i) => i);
    const must = all.filter((r) => scored.mandatory[r] === 1);
    const rest = topK(
      all.filter((r) => scored.mandatory[r] !== 1),
      (r) => scored.score[r]!,
      frame.ids,
      k,
    );
    baseline = figures([...must, ...rest], frame.n, frame.label, frame.revenue);
  }
  progress?.({ done: 3, total: 3, phase: 'saving' });
  return { rows: frame.n, profile, baseline };
}
