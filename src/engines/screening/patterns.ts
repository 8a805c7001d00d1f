/**
 * Per-pattern cross-checks (issue 18): labelled name pairs under bench/screening/patterns/*.csv,
 * scored with the pair scorer at the default threshold; precision, recall and F1 per pattern.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { DEFAULT_THRESHOLD, scoreNamePair } from './matcher.ts';

export interface PatternPair {
  schema: string;
  name1: string;
  name2: string;
  label: boolean;
  source: string;
}

export interface PatternResult {
  pattern: string;
  n: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  f1: number;
  errors: string[];
}

export const PATTERNS_DIR = new URL('../../../bench/screening/patterns/', import.meta.url);

export function readPatternPairs(file: URL): PatternPair[] {
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Array<
    Record<string, string>
  >;
  return rows.map((r) => ({
    schema: r.schema ?? 'Person',
    name1: r.name1 ?? '',
    name2: r.name2 ?? '',
    label: r.is_match === 'true',
    source: r.source ?? '',
  }));
}

export function evaluatePattern(
  pattern: string,
  pairs: PatternPair[],
  threshold = DEFAULT_THRESHOLD,
): PatternResult {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const errors: string[] = [];
  for (const p of pairs) {
    const score = scoreNamePair(p.name1, p.name2, p.schema === 'Person' ? 'person' : 'organisation');
    const predicted = score >= threshold;
    if (predicted && p.label) tp++;
    else if (predicted) fp++;
    else if (p.label) fn++;
    else tn++;
    if (predicted !== p.label)
      errors.push(`${p.label ? 'FN' : 'FP'} ${score.toFixed(3)} ${p.name1} | ${p.name2}`);
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { pattern, n: pairs.length, tp, fp, fn, tn, f1, errors };
}

/** Every pattern file of the folder, in name order. */
export function evaluatePatterns(dir: URL = PATTERNS_DIR): PatternResult[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((f) => evaluatePattern(f.replace(/\.csv$/, ''), readPatternPairs(new URL(f, dir))));
}
