/**
 * Performance of the risk engine (one core):
 *  1. GBDT training time on the engine's KCS 2020 feature matrix vs XGBoost 1.7 (hist, nthread=1)
 *     on the same matrix, same trees / depth / learning rate / sampling.
 *  2. Scoring throughput (declarations per second): GBDT margin only, vs XGBoost predict on the same
 *     rows; and the engine's full scoring (features + GBDT + explanations).
 *  3. End to end: 1,000,000 declarations (KCS rows replicated with new ids) from CSV to a ranked CSV
 *     with explanations, through the CLI (`score`), wall time and peak memory.
 * Run: npx tsx bench/risk/bench.ts [--rows 1000000] [--trees 200] [--skip-e2e] [--json out.json]
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { FrameTransformer } from '../../src/engines/risk/features.ts';
import { readFrame } from '../../src/engines/risk/frame.ts';
import { predictMargin, trainGbdt } from '../../src/engines/risk/gbdt.ts';
import { modelToJson, scoreRows, trainModel } from '../../src/engines/risk/model.ts';
import {
  KCS_MAPPING,
  KCS_TRAIN,
  KCS_VALID,
  REPO_ROOT,
  tempDir,
  writeMatrix,
  xgbFitPredict,
} from './common.ts';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    trees: { type: 'string', default: '200' },
    'skip-e2e': { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
const log = (s: string) => process.stderr.write(`${s}\n`);
const trees = Number(args.trees);
const dir = tempDir();
const out: Record<string, unknown> = {
  date: new Date().toISOString(),
  node: process.version,
  nproc: cpus().length,
  cpu: readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? 'unknown',
};

const frame = await readFrame([KCS_TRAIN, KCS_VALID], { mapping: KCS_MAPPING, requireLabel: true });
const trainRows: number[] = [];
const validRows: number[] = [];
for (let i = 0; i < frame.n; i++) (frame.source[i] === 0 ? trainRows : validRows).push(i);
const y = Uint8Array.from(trainRows, (r) => frame.label[r]!);

// 1. training time on identical matrices
const model = trainModel(frame, trainRows, { seed: 1, gbdt: { nTrees: 10 } });
const cols = model.trainCols!;
const names = model.pipeline.featureNames;
const P = {
  nTrees: trees,
  learningRate: 0.1,
  maxDepth: 6,
  maxLeaves: 64,
  subsample: 0.8,
  colsample: 0.8,
  seed: 1,
};
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
let t = performance.now();
let c = cpu();
const gb = trainGbdt(cols, y, P);
const engineTrain = (performance.now() - t) / 1000;
const engineTrainCpu = cpu() - c;
log(
  `engine GBDT: ${trees} trees depth 6 on ${trainRows.length}×${names.length}: ${engineTrain.toFixed(1)} s`,
);
// scoring matrix: the validation features replicated to 100k rows
const vcols = new FrameTransformer(model.pipeline, frame).transform(validRows).cols;
const rep = Math.ceil(100_000 / validRows.length);
const big = vcols.map((c) => {
  const a = new Float64Array(c.length * rep);
  for (let k = 0; k < rep; k++) a.set(c, k * c.length);
  return a;
});
const nBig = big[0]!.length;
const trainCsv = join(dir, 'train.csv');
const bigCsv = join(dir, 'big.csv');
writeMatrix(trainCsv, names, cols, y);
writeMatrix(bigCsv, names, big, new Uint8Array(nBig));
const xgb = xgbFitPredict(trainCsv, bigCsv, join(dir, 'p.txt'), {
  seed: 1,
  trees,
  depth: 6,
  lr: 0.1,
  subsample: 0.8,
  colsample: 0.8,
});
log(
  `XGBoost: train ${xgb.train_seconds.toFixed(1)} s, predict ${nBig} rows ${xgb.predict_seconds.toFixed(2)} s`,
);
t = performance.now();
c = cpu();
predictMargin(gb, big, nBig);
const enginePredict = (performance.now() - t) / 1000;
const enginePredictCpu = cpu() - c;
log(`engine GBDT predict ${nBig} rows: ${enginePredict.toFixed(2)} s`);
// full engine scoring: features + trees + explanations, default model (300 trees, 31 leaves)
const full = trainModel(frame, trainRows, { seed: 1 });
const repRows = Array.from({ length: nBig }, (_, i) => validRows[i % validRows.length]!);
t = performance.now();
c = cpu();
let sink = 0;
scoreRows(full, frame, repRows, { onExplain: (_i, e) => (sink += e.bias) });
const engineFull = (performance.now() - t) / 1000;
const engineFullCpu = cpu() - c;
log(
  `engine full scoring with explanations ${nBig} rows: ${engineFull.toFixed(2)} s (${sink > 0 ? '' : ' '})`,
);
out.training = {
  rows: trainRows.length,
  features: names.length,
  trees,
  depth: 6,
  engineSeconds: engineTrain,
  xgboostSeconds: xgb.train_seconds,
  ratioEngineOverXgb: engineTrain / xgb.train_seconds,
  engineCpuSeconds: engineTrainCpu,
  xgboostCpuSeconds: xgb.train_cpu_seconds,
  cpuRatioEngineOverXgb: engineTrainCpu / xgb.train_cpu_seconds,
};
out.scoring = {
  rows: nBig,
  engineGbdtPerSecond: nBig / enginePredict,
  xgboostPerSecond: nBig / xgb.predict_seconds,
  ratioEngineOverXgb: nBig / enginePredict / (nBig / xgb.predict_seconds),
  engineGbdtPerCpuSecond: nBig / enginePredictCpu,
  xgboostPerCpuSecond: nBig / xgb.predict_cpu_seconds,
  cpuRatioEngineOverXgb: xgb.predict_cpu_seconds / enginePredictCpu,
  engineFullWithExplanationsPerSecond: nBig / engineFull,
  engineFullWithExplanationsPerCpuSecond: nBig / engineFullCpu,
};

// 3. end to end through the CLI
if (!args['skip-e2e']) {
  const N = Number(args.rows);
  const modelPath = join(dir, 'model.json');
  writeFileSync(modelPath, modelToJson({ ...full, doc: { ...full.doc, mapping: KCS_MAPPING } }));
  const input = join(dir, 'million.csv');
  const ws = createWriteStream(input);
  const src: string[] = [];
  for (const f of [KCS_TRAIN, KCS_VALID]) {
    const rl = createInterface({ input: createReadStream(f) });
    let first = true;
    for await (const line of rl) {
      if (first) {
        if (src.length === 0) ws.write(`${line}\n`);
        first = false;
      } else src.push(line);
    }
  }
  let buf = '';
  for (let i = 0; i < N; i++) {
    const line = src[i % src.length]!;
    const comma = line.indexOf(',');
    buf += `${line.slice(0, comma)}-${Math.floor(i / src.length)}${line.slice(comma)}\n`;
    if (buf.length > 1 << 20) {
      if (!ws.write(buf)) await once(ws, 'drain');
      buf = '';
    }
  }
  ws.write(buf);
  ws.end();
  await once(ws, 'finish');
  const ranked = join(dir, 'ranked.csv');
  log(`end to end: ${N} rows (${(statSync(input).size / 1e6).toFixed(0)} MB) → ranked CSV with explanations`);
  t = performance.now();
  const res = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%e %M %U %S',
      process.execPath,
      '--import',
      'tsx',
      join(REPO_ROOT, 'src/engines/risk/cli.ts'),
      'score',
      '--model',
      modelPath,
      '--input',
      input,
      '--out',
      ranked,
      '--quiet',
    ],
    { encoding: 'utf8', cwd: REPO_ROOT, maxBuffer: 1 << 26 },
  );
  if (res.status !== 0) throw new Error(`score failed: ${res.stderr}`);
  const [, peakKb, userS, sysS] = res.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  const wall = (performance.now() - t) / 1000;
  out.endToEnd = {
    rows: N,
    inputMB: statSync(input).size / 1e6,
    outputMB: statSync(ranked).size / 1e6,
    seconds: wall,
    perSecond: N / wall,
    cpuSeconds: (userS ?? 0) + (sysS ?? 0),
    perCpuSecond: N / ((userS ?? 0) + (sysS ?? 0)),
    peakRssMB: (peakKb ?? 0) / 1024,
  };
  log(`end to end: ${wall.toFixed(1)} s, ${(N / wall).toFixed(0)} declarations/s`);
}
console.log(JSON.stringify(out, null, 2));
if (args.json) writeFileSync(args.json, JSON.stringify(out, null, 2));
