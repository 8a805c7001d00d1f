/**
 * Evidence on the KCS data: train on 2020, report on 2021 Q1.
 *  1. AUC and precision@1/2/5/10 %, mean over 5 seeds: engine vs Debian XGBoost 1.7 on the engine's
 *     features (exported) and on label-encoded raw features (same trees, depth, learning rate, sampling).
 *  2. Online simulation (2020 labelled, weekly 2021 Q1, 10 % budget): engine at 0 % and 10 % exploration
 *     (uncertainty measure, and random exploration for comparison), a random selector and an XGBoost
 *     selector (label-encoded raw features, depth 6, 200 trees, lr 0.1, retrained weekly, no exploration).
 * Run: npx tsx bench/risk/evaluate-kcs.ts [--seeds 5] [--skip-sim] [--json out.json]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FrameTransformer } from '../../src/engines/risk/features.ts';
import { readFrame } from '../../src/engines/risk/frame.ts';
import { evaluateScores, type MetricReport } from '../../src/engines/risk/metrics.ts';
import { scoreRows, trainModel } from '../../src/engines/risk/model.ts';
import { Rng } from '../../src/engines/risk/prng.ts';
import { periodKey, type SimulationResult, simulate } from '../../src/engines/risk/simulate.ts';
import {
  KCS_MAPPING,
  KCS_TRAIN,
  KCS_VALID,
  labelEncoded,
  mean,
  sd,
  tempDir,
  writeMatrix,
  xgbFitPredict,
  xgbSimulate,
} from './common.ts';

const { values: args } = parseArgs({
  options: {
    seeds: { type: 'string', default: '5' },
    'skip-sim': { type: 'boolean', default: false },
    'skip-offline': { type: 'boolean', default: false },
    json: { type: 'string' },
    'sim-trees': { type: 'string', default: '100' },
  },
});
const log = (s: string) => process.stderr.write(`${s}\n`);
const GBDT = { nTrees: 300, learningRate: 0.05, maxDepth: 6, maxLeaves: 63, subsample: 0.8, colsample: 0.8 };

const frame = await readFrame([KCS_TRAIN, KCS_VALID], { mapping: KCS_MAPPING, requireLabel: true });
const trainRows: number[] = [];
const validRows: number[] = [];
for (let i = 0; i < frame.n; i++) (frame.source[i] === 0 ? trainRows : validRows).push(i);
const yTrain = trainRows.map((r) => frame.label[r]!);
const yValid = validRows.map((r) => frame.label[r]!);
const validIds = validRows.map((r) => frame.ids[r]!);
log(`train ${trainRows.length} rows, valid ${validRows.length} rows`);
const dir = tempDir();
const results: Record<string, unknown> = { date: new Date().toISOString(), gbdt: GBDT };

const metricsOf = (scores: ArrayLike<number>): MetricReport =>
  evaluateScores(scores, yValid, { ids: validIds });
type Row = { auc: number; p1: number; p2: number; p5: number; p10: number };
const row = (m: MetricReport): Row => ({
  auc: m.auc,
  p1: m.at[0]!.precision,
  p2: m.at[1]!.precision,
  p5: m.at[2]!.precision,
  p10: m.at[3]!.precision,
});

if (!args['skip-offline']) {
  const seeds = Array.from({ length: Number(args.seeds) }, (_, i) => i + 1);
  const per: Record<string, Row[]> = { engine: [], xgbSame: [], xgbRaw: [] };
  const times: Record<string, number[]> = { engine: [], xgbSame: [], xgbRaw: [] };
  const raw = labelEncoded(frame, trainRows);
  const rawV = labelEncoded(frame, validRows);
  const rawTrain = join(dir, 'raw-train.csv');
  const rawValid = join(dir, 'raw-valid.csv');
  writeMatrix(rawTrain, raw.names, raw.cols, yTrain);
  writeMatrix(rawValid, rawV.names, rawV.cols, yValid);
  for (const seed of seeds) {
    const t0 = performance.now();
    const model = trainModel(frame, trainRows, { seed, gbdt: GBDT });
    const res = scoreRows(model, frame, validRows);
    times.engine!.push((performance.now() - t0) / 1000);
    per.engine!.push(row(metricsOf(res.score)));
    // same features for XGBoost: out-of-fold training features and the validation transform
    const vcols = new FrameTransformer(model.pipeline, frame).transform(validRows).cols;
    const ftr = join(dir, `feat-train-${seed}.csv`);
    const fva = join(dir, `feat-valid-${seed}.csv`);
    writeMatrix(ftr, model.pipeline.featureNames, model.trainCols!, yTrain);
    writeMatrix(fva, model.pipeline.featureNames, vcols, yValid);
    const xo = {
      seed,
      trees: GBDT.nTrees,
      depth: GBDT.maxDepth,
      lr: GBDT.learningRate,
      subsample: 0.8,
      colsample: 0.8,
    };
    const same = xgbFitPredict(ftr, fva, join(dir, `p-same-${seed}.txt`), xo);
    times.xgbSame!.push(same.train_seconds);
    per.xgbSame!.push(row(metricsOf(same.preds)));
    const rw = xgbFitPredict(rawTrain, rawValid, join(dir, `p-raw-${seed}.txt`), xo);
    times.xgbRaw!.push(rw.train_seconds);
    per.xgbRaw!.push(row(metricsOf(rw.preds)));
    log(
      `seed ${seed}: engine P@5 ${per.engine!.at(-1)!.p5.toFixed(4)} AUC ${per.engine!.at(-1)!.auc.toFixed(4)} | ` +
        `xgb same P@5 ${per.xgbSame!.at(-1)!.p5.toFixed(4)} AUC ${per.xgbSame!.at(-1)!.auc.toFixed(4)} | ` +
        `xgb raw P@5 ${per.xgbRaw!.at(-1)!.p5.toFixed(4)} AUC ${per.xgbRaw!.at(-1)!.auc.toFixed(4)}`,
    );
  }
  const summary: Record<string, Record<string, string>> = {};
  const label: Record<string, string> = {
    engine: 'engine (TS GBDT, engine features)',
    xgbSame: 'XGBoost 1.7, same features',
    xgbRaw: 'XGBoost 1.7, label-encoded raw features',
  };
  console.log(`\n### Offline: train 2020 → 2021 Q1, mean ± sd over ${seeds.length} seeds\n`);
  console.log('| model | AUC | P@1% | P@2% | P@5% | P@10% |');
  console.log('|---|---|---|---|---|---|');
  for (const k of Object.keys(per)) {
    const rs = per[k]!;
    const f = (key: keyof Row) =>
      `${mean(rs.map((r) => r[key])).toFixed(4)} ± ${sd(rs.map((r) => r[key])).toFixed(4)}`;
    summary[k] = { auc: f('auc'), p1: f('p1'), p2: f('p2'), p5: f('p5'), p10: f('p10') };
    console.log(`| ${label[k]} | ${f('auc')} | ${f('p1')} | ${f('p2')} | ${f('p5')} | ${f('p10')} |`);
  }
  const e5 = mean(per.engine!.map((r) => r.p5));
  const x5 = mean(per.xgbSame!.map((r) => r.p5));
  console.log(
    `\nGoal precision@5%: engine ${e5.toFixed(4)} vs XGBoost same features ${x5.toFixed(4)} → ${e5 >= x5 ? 'MET' : 'NOT MET'}`,
  );
  console.log(
    `Mean fit time (s): engine pipeline+GBDT ${mean(times.engine!).toFixed(1)}, XGBoost same ${mean(times.xgbSame!).toFixed(1)}, XGBoost raw ${mean(times.xgbRaw!).toFixed(1)}`,
  );
  results.offline = { seeds, per, summary, times, goalMet: e5 >= x5 };
}

if (!args['skip-sim']) {
  const budget = 10;
  const simTrees = Number(args['sim-trees']);
  const simGbdt = { ...GBDT, nTrees: simTrees, learningRate: 0.1 };
  const runs: Record<string, SimulationResult> = {};
  const cfgs: Array<[string, number, 'uncertainty' | 'random']> = [
    ['engine, 0% exploration', 0, 'uncertainty'],
    ['engine, 10% exploration (uncertainty)', 0.1, 'uncertainty'],
    ['engine, 10% exploration (random)', 0.1, 'random'],
  ];
  for (const [name, share, mode] of cfgs) {
    const t0 = performance.now();
    runs[name] = simulate(frame, trainRows, validRows, {
      budget: { percent: budget },
      explorationShare: share,
      explorationMode: mode,
      period: 'week',
      seed: 1,
      train: { gbdt: simGbdt },
      onPeriod: (p) => log(`${name} week ${p.period}: ${p.found}/${p.selected} (frauds ${p.frauds})`),
    });
    log(`${name}: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const rng = new Rng(12345);
  runs['random selector'] = simulate(frame, trainRows, validRows, {
    budget: { percent: budget },
    period: 'week',
    scorer: (_lab, rows) => ({
      score: Float64Array.from(rows, () => rng.next()),
      probability: new Float64Array(rows.length).fill(0.5),
      novelty: new Float64Array(rows.length),
    }),
  });
  // XGBoost selector: label-encoded raw features, depth 6, 200 trees, lr 0.1, weekly retrain, no exploration
  const all = [...trainRows, ...validRows];
  const enc = labelEncoded(frame, all);
  const keys = [...new Set(validRows.map((r) => periodKey(frame.date[r]!, 'week')))].sort((a, b) => a - b);
  const pIndex = new Map(keys.map((k, i) => [k, i]));
  const sortedIds = all.map((r) => frame.ids[r]!).sort();
  const idRank = new Map(sortedIds.map((id, i) => [id, i]));
  const simCsv = join(dir, 'sim.csv');
  writeMatrix(
    simCsv,
    enc.names,
    enc.cols,
    all.map((r) => frame.label[r]!),
    [
      {
        name: 'period',
        values: all.map((r) => (frame.source[r] === 0 ? -1 : pIndex.get(periodKey(frame.date[r]!, 'week'))!)),
      },
      { name: 'tiebreak', values: all.map((r) => idRank.get(frame.ids[r]!)!) },
    ],
  );
  const t0 = performance.now();
  const xsel = xgbSimulate(simCsv, { seed: 1, trees: 200, depth: 6, lr: 0.1, budget });
  log(`XGBoost selector: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const ref = runs['random selector']!;
  const xper = xsel.map((sel, i) => {
    const chosen = sel.map((pos) => all[pos]!);
    const found = chosen.filter((r) => frame.label[r] === 1).length;
    const p = ref.periods[i]!;
    const best = Math.min(chosen.length, p.frauds);
    return {
      ...p,
      selected: chosen.length,
      found,
      precision: found / chosen.length,
      recall: found / p.frauds,
      normPrecision: found / best,
      normRecall: found / best,
    };
  });
  runs['XGBoost selector (raw, 200 trees, depth 6)'] = {
    periods: xper,
    selections: [],
    summary: {
      periods: xper.length,
      meanPrecision: mean(xper.map((p) => p.precision)),
      meanRecall: mean(xper.map((p) => p.recall)),
      meanNormPrecision: mean(xper.map((p) => p.normPrecision)),
      meanNormRecall: mean(xper.map((p) => p.normRecall)),
      meanNormRevenue: null,
      totalFound: xper.reduce((a, p) => a + p.found, 0),
      totalSelected: xper.reduce((a, p) => a + p.selected, 0),
    },
  };
  console.log(
    `\n### Online simulation: 2020 labelled, weekly 2021 Q1, budget ${budget} % (engine ${simTrees} trees, lr 0.1)\n`,
  );
  console.log(
    '| selector | weeks | mean precision | mean recall | mean normalised precision | found / selected |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const [name, r] of Object.entries(runs)) {
    const s = r.summary;
    console.log(
      `| ${name} | ${s.periods} | ${s.meanPrecision.toFixed(4)} | ${s.meanRecall.toFixed(4)} | ${s.meanNormPrecision.toFixed(4)} | ${s.totalFound} / ${s.totalSelected} |`,
    );
  }
  const e10 = runs['engine, 10% exploration (uncertainty)']!;
  const x = runs['XGBoost selector (raw, 200 trees, depth 6)']!;
  console.log('\nPer week normalised precision:\n');
  console.log(`| week | start | rows | frauds | ${Object.keys(runs).join(' | ')} |`);
  console.log(
    `|---|---|---|---|${Object.keys(runs)
      .map(() => '---|')
      .join('')}`,
  );
  e10.periods.forEach((p, i) => {
    console.log(
      `| ${p.period} | ${p.start} | ${p.rows} | ${p.frauds} | ${Object.values(runs)
        .map((r) => r.periods[i]!.normPrecision.toFixed(3))
        .join(' | ')} |`,
    );
  });
  const explo = runs['engine, 10% exploration (uncertainty)']!.periods.reduce(
    (a, p) => a + p.foundByExploration,
    0,
  );
  const exploR = runs['engine, 10% exploration (random)']!.periods.reduce(
    (a, p) => a + p.foundByExploration,
    0,
  );
  const explored = runs['engine, 10% exploration (uncertainty)']!.periods.reduce((a, p) => a + p.explored, 0);
  console.log(
    `\nFrauds found by the exploration share: uncertainty ${explo} / ${explored}, random ${exploR} / ${explored}`,
  );
  console.log(
    `Goal: engine 10% exploration mean normalised precision ${e10.summary.meanNormPrecision.toFixed(4)} vs XGBoost selector ${x.summary.meanNormPrecision.toFixed(4)} → ${e10.summary.meanNormPrecision > x.summary.meanNormPrecision ? 'MET' : 'NOT MET'}`,
  );
  results.simulation = Object.fromEntries(
    Object.entries(runs).map(([k, r]) => [k, { summary: r.summary, periods: r.periods }]),
  );
  results.exploration = { uncertaintyFound: explo, randomFound: exploR, explored };
}
if (args.json) writeFileSync(args.json, JSON.stringify(results, null, 2));
