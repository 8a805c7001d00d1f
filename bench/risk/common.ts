/** Shared helpers for the risk benchmarks: data paths relative to the repo root, matrix export, XGBoost. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Frame } from '../../src/engines/risk/frame.ts';
import type { Mapping } from '../../src/engines/risk/mapping.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The shared data directory, relative to the repository root (../shared/data/kcs-declarations). */
export const KCS_DIR = fileURLToPath(new URL('../../../shared/data/kcs-declarations/', import.meta.url));
export const KCS_TRAIN = join(KCS_DIR, 'train_2020.csv');
export const KCS_VALID = join(KCS_DIR, 'valid_2021q1.csv');
export const KCS_MAPPING = JSON.parse(
  readFileSync(new URL('./kcs-mapping.json', import.meta.url), 'utf8'),
) as Mapping;
export const XGB_RUNNER = fileURLToPath(new URL('./xgb_runner.py', import.meta.url));
export const PYTHON = '/usr/bin/python3';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'risk-bench-'));
}

const cell = (x: number) => (Number.isNaN(x) ? 'nan' : String(x));

/** Write label + extra columns + feature columns (column-major) for the given positions. */
export function writeMatrix(
  path: string,
  names: string[],
  cols: Float64Array[],
  label: ArrayLike<number>,
  extra: Array<{ name: string; values: ArrayLike<number> }> = [],
): void {
  const n = label.length;
  const lines: string[] = [['label', ...extra.map((e) => e.name), ...names.map((_, i) => `f${i}`)].join(',')];
  for (let i = 0; i < n; i++) {
    const row: string[] = [cell(label[i]! === 1 ? 1 : 0)];
    for (const e of extra) row.push(cell(e.values[i]!));
    for (let f = 0; f < cols.length; f++) row.push(cell(cols[f]![i]!));
    lines.push(row.join(','));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/** Label-encoded raw features of a frame: category codes (missing = NaN) and raw numerics. */
export function labelEncoded(
  frame: Frame,
  rows: ArrayLike<number>,
): { names: string[]; cols: Float64Array[] } {
  const names: string[] = [];
  const cols: Float64Array[] = [];
  const m = rows.length;
  for (const [name, c] of frame.cats) {
    if (name === 'hs6' || name === 'hs4' || name === 'hs2') continue;
    names.push(name);
    cols.push(
      Float64Array.from({ length: m }, (_, i) => (c.codes[rows[i]!]! < 0 ? Number.NaN : c.codes[rows[i]!]!)),
    );
  }
  for (const [name, a] of frame.nums) {
    names.push(name);
    cols.push(Float64Array.from({ length: m }, (_, i) => a[rows[i]!]!));
  }
  return { names, cols };
}

export interface XgbOpts {
  seed: number;
  trees: number;
  depth: number;
  lr: number;
  subsample?: number;
  colsample?: number;
}

export function xgbFitPredict(
  train: string,
  test: string,
  out: string,
  o: XgbOpts,
): {
  preds: Float64Array;
  train_seconds: number;
  predict_seconds: number;
  train_cpu_seconds: number;
  predict_cpu_seconds: number;
} {
  const res = execFileSync(
    PYTHON,
    [
      XGB_RUNNER,
      'fit-predict',
      '--train',
      train,
      '--test',
      test,
      '--out',
      out,
      '--seed',
      String(o.seed),
      '--trees',
      String(o.trees),
      '--depth',
      String(o.depth),
      '--lr',
      String(o.lr),
      '--subsample',
      String(o.subsample ?? 1),
      '--colsample',
      String(o.colsample ?? 1),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const info = JSON.parse(res.trim().split('\n').pop()!) as {
    train_seconds: number;
    predict_seconds: number;
    train_cpu_seconds: number;
    predict_cpu_seconds: number;
  };
  const preds = Float64Array.from(readFileSync(out, 'utf8').trim().split('\n').map(Number));
  return { preds, ...info };
}

export function xgbSimulate(data: string, o: XgbOpts & { budget: number }): number[][] {
  const res = execFileSync(
    PYTHON,
    [
      XGB_RUNNER,
      'simulate',
      '--data',
      data,
      '--seed',
      String(o.seed),
      '--trees',
      String(o.trees),
      '--depth',
      String(o.depth),
      '--lr',
      String(o.lr),
      '--budget',
      String(o.budget),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(res.trim().split('\n').pop()!) as number[][];
}

export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
export const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1));
};
