#!/usr/bin/env node
/**
 * Risk engine command line. Run: npx tsx src/engines/risk/cli.ts <command> [options]
 * Exit code 2 for bad input (usage, mapping, data, rules); 1 for unexpected failures.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  DATE_FORMATS,
  DELIMITERS,
  type DelimiterName,
  type DetectedDialect,
  type DialectOverrides,
  ENCODINGS,
} from './dialect.ts';
import { FrameTransformer } from './features.ts';
import { DataError, type Frame, readFrame, readSample } from './frame.ts';
import { AtomicWriter, csvLine, toJson, writeFileAtomic } from './io.ts';
import { compileMapping, fieldFor, type Mapping, MappingError, proposeMapping } from './mapping.ts';
import { type evaluateScores, rankOrder } from './metrics.ts';
import {
  type Explanation,
  evaluateModel,
  explanationNames,
  loadModel,
  missingFields,
  modelToJson,
  type RiskModel,
  type ScoreResult,
  scoreRows,
  topContributionIndices,
  topContributions,
  trainModel,
} from './model.ts';
import { backtestRules, RuleError, type RuleSet, validateRules } from './rules.ts';
import { type Budget, type ExplorationMode, selectBatch } from './select.ts';
import { simulate } from './simulate.ts';

class UsageError extends Error {}

const USAGE = `usage: risk <command> [options]
  propose-mapping --input FILE [--sample 1000] [--out mapping.json]
  train     --input FILE[,FILE] --mapping mapping.json --out model.json [--rules rules.json]
            [--valid FILE] [--seed 1] [--trees 300] [--depth 6] [--leaves 63] [--lr 0.05]
            [--allow-leaky COLUMN[,COLUMN]] [--no-leakage-guard]
  score     --model model.json --input FILE --out scores.csv [--mapping mapping.json] [--top 5] [--full]
  select    --model model.json --input FILE --out selection.csv (--budget 5% | --k 100)
            [--mapping mapping.json] [--exploration 0.1] [--exploration-mode uncertainty|random] [--seed 1]
  backtest  --rules rules.json --mapping mapping.json --input FILE [--out report.json]
  evaluate  --model model.json --input FILE [--mapping mapping.json] [--out metrics.json]
  simulate  --mapping mapping.json --history FILE --input FILE --budget 10% [--exploration 0.1]
            [--exploration-mode uncertainty|random] [--period week|month|DAYS] [--rules rules.json]
            [--seed 1] [--trees 300] [--out result.json]
FILE is CSV (header row; comma, semicolon or tab), JSON lines (.jsonl/.ndjson), either gzip-compressed
or not. Every command reading a FILE detects and reports its dialect; override it with
  [--encoding utf-8|utf-8-bom|utf-16le|windows-1252] [--delimiter comma|semicolon|tab|pipe]
  [--decimal point|comma] [--date-format ymd|dmy|mdy]
score and select read files without outcome columns; columns the mapping does not know are ignored
(with a warning). train excludes columns that alone nearly decide the label (leakage guard) and says
which and why; --allow-leaky keeps the named ones. Progress goes to stderr.`;

const OPTS = {
  input: { type: 'string' },
  out: { type: 'string' },
  mapping: { type: 'string' },
  model: { type: 'string' },
  rules: { type: 'string' },
  valid: { type: 'string' },
  history: { type: 'string' },
  sample: { type: 'string' },
  seed: { type: 'string' },
  trees: { type: 'string' },
  depth: { type: 'string' },
  leaves: { type: 'string' },
  lr: { type: 'string' },
  top: { type: 'string' },
  full: { type: 'boolean' },
  budget: { type: 'string' },
  k: { type: 'string' },
  exploration: { type: 'string' },
  'exploration-mode': { type: 'string' },
  period: { type: 'string' },
  quiet: { type: 'boolean' },
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  decimal: { type: 'string' },
  'date-format': { type: 'string' },
  'allow-leaky': { type: 'string' },
  'no-leakage-guard': { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTS; allowPositionals: true }>>['values'];

let quiet = false;
const log = (msg: string): void => {
  if (!quiet) process.stderr.write(`[risk] ${msg}\n`);
};

function need(v: Values, key: keyof Values): string {
  const x = v[key];
  if (typeof x !== 'string' || x === '') throw new UsageError(`missing --${key}`);
  return x;
}

function num(v: Values, key: keyof Values, def: number, check: (x: number) => boolean = () => true): number {
  const x = v[key];
  if (x === undefined) return def;
  const n = Number(x);
  if (typeof x !== 'string' || !Number.isFinite(n) || !check(n))
    throw new UsageError(`--${key}: invalid value "${String(x)}"`);
  return n;
}

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${path}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${what} ${path} is not valid JSON: ${(e as Error).message}`);
  }
}

function budgetOf(v: Values): Budget {
  if (v.k !== undefined) return { k: num(v, 'k', 0, (x) => Number.isInteger(x) && x >= 0) };
  const b = need(v, 'budget');
  const m = /^(\d+(\.\d+)?)%?$/.exec(b.trim());
  if (!m) throw new UsageError(`--budget must be a percentage like 5% (got "${b}")`);
  const p = Number(m[1]);
  if (p <= 0 || p > 100) throw new UsageError('--budget must be in (0, 100]');
  return { percent: p };
}

function exploration(v: Values): { share: number; mode: ExplorationMode } {
  const share = num(v, 'exploration', 0, (x) => x >= 0 && x <= 1);
  const mode = (v['exploration-mode'] ?? 'uncertainty') as ExplorationMode;
  if (mode !== 'uncertainty' && mode !== 'random')
    throw new UsageError('--exploration-mode must be uncertainty or random');
  return { share, mode };
}

function gbdtOpts(v: Values) {
  return {
    nTrees: num(v, 'trees', 300, (x) => Number.isInteger(x) && x > 0),
    maxDepth: num(v, 'depth', 6, (x) => Number.isInteger(x) && x > 0),
    maxLeaves: num(v, 'leaves', 63, (x) => Number.isInteger(x) && x > 1),
    learningRate: num(v, 'lr', 0.05, (x) => x > 0 && x <= 1),
  };
}

function oneOf<T extends string>(v: Values, key: keyof Values, allowed: readonly T[]): T | undefined {
  const x = v[key];
  if (x === undefined) return undefined;
  if (typeof x !== 'string' || !(allowed as readonly string[]).includes(x))
    throw new UsageError(`--${key} must be one of ${allowed.join(', ')} (got "${String(x)}")`);
  return x as T;
}

/** Dialect overrides from the options (encoding, delimiter, decimal, date format). */
function dialectOf(v: Values): DialectOverrides {
  const decimal = oneOf(v, 'decimal', ['point', 'comma'] as const);
  const out: DialectOverrides = {};
  const encoding = oneOf(v, 'encoding', ENCODINGS);
  const delimiter = oneOf(v, 'delimiter', Object.keys(DELIMITERS) as DelimiterName[]);
  const dateFormat = oneOf(v, 'date-format', DATE_FORMATS);
  if (encoding) out.encoding = encoding;
  if (delimiter) out.delimiter = delimiter;
  if (decimal) out.decimal = decimal === 'comma' ? ',' : '.';
  if (dateFormat) out.dateFormat = dateFormat;
  return out;
}

let dialectOverrides: DialectOverrides = {};
const logDialect = (path: string, d: DetectedDialect) => log(`${path}: ${d.notes.join('; ')}`);

async function loadFrame(
  paths: string[],
  mapping: Mapping,
  requireLabel = false,
  forScoring = false,
): Promise<Frame> {
  const t = Date.now();
  const f = await readFrame(paths, {
    mapping,
    requireLabel,
    forScoring,
    dialect: dialectOverrides,
    onDialect: logDialect,
    onWarning: (w) => log(`warning: ${w}`),
    onProgress: (n) => log(`read ${n} rows`),
  });
  log(`read ${f.n} rows from ${paths.join(', ')} in ${Date.now() - t} ms`);
  return f;
}

function loadModelFile(path: string): RiskModel {
  try {
    return loadModel(readJson(path, 'model'));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`model ${path}: ${(e as Error).message}`);
  }
}

function modelMapping(m: RiskModel): Mapping {
  if (!m.doc.mapping) throw new UsageError('the model carries no mapping');
  return m.doc.mapping;
}

/** The mapping to read a file to score: --mapping (columns named differently) or the model's own. */
function scoreMapping(v: Values, model: RiskModel): Mapping {
  if (!v.mapping) return modelMapping(model);
  const m = readJson(v.mapping, 'mapping') as Mapping;
  if (!m || typeof m !== 'object' || !m.columns || typeof m.columns !== 'object')
    throw new UsageError(`mapping ${v.mapping} has no "columns" object (column name → role)`);
  // columns the leakage guard excluded at training are not read
  const excluded = new Set((model.doc.leakage ?? []).filter((l) => l.excluded).map((l) => l.field));
  const columns = Object.fromEntries(
    Object.entries(m.columns).map(([c, r]) => [c, excluded.has(fieldFor(c, r)) ? 'ignore' : r]),
  ) as Mapping['columns'];
  return { format: 'eucab-risk-mapping', version: 1, columns };
}

/** Exit 2 naming the columns the model reads that the mapping leaves out. */
function requireModelFields(model: RiskModel, frame: Frame): void {
  const missing = missingFields(model, frame);
  if (missing.length === 0) return;
  const names = missing.map((f) =>
    f.includes(':')
      ? `"${f.slice(f.indexOf(':') + 1)}" (${f.split(':')[0] === 'cat' ? 'categorical' : 'numeric'})`
      : `a column with the role ${f}`,
  );
  throw new UsageError(
    `the file (with its mapping) lacks what the model reads: ${names.join(', ')}. Columns with the roles categorical and numeric are matched by name: keep their names or rename them in the file.`,
  );
}

function explanationCells(model: RiskModel, e: Explanation, top: number): string[] {
  const items = topContributions(model, e, top);
  return [items.map((c) => `${c.name} ${c.value >= 0 ? '+' : ''}${c.value.toFixed(4)}`).join('; ')];
}

/** Ranked output from one scoring pass: the top-k explanation of every row is kept compactly. */
async function writeCompact(
  model: RiskModel,
  frame: Frame,
  res: ScoreResult,
  top: { idx: Int32Array; val: Float64Array; bias: Float64Array; k: number },
  order: ArrayLike<number>,
  out: string,
  opts: { extra?: (pos: number) => string[]; extraHeader?: string[] },
): Promise<void> {
  const { names } = explanationNames(model);
  const ruleIds = model.rules?.rules.map((r) => r.id) ?? [];
  const header = [
    'id',
    'rank',
    'score',
    'probability',
    ...(opts.extraHeader ?? []),
    'mandatory',
    'rule_hits',
    'explanation',
    'base',
  ];
  const w = new AtomicWriter(out);
  try {
    await w.write(csvLine(header));
    let text = '';
    for (let p = 0; p < order.length; p++) {
      const i = order[p]!;
      const hits = ruleIds.filter((_, r) => res.ruleHits[r]![i] === 1);
      let expl = '';
      for (let t = 0; t < top.k; t++) {
        const j = top.idx[i * top.k + t]!;
        if (j < 0) break;
        const v = top.val[i * top.k + t]!;
        expl += `${t ? '; ' : ''}${names[j]} ${v >= 0 ? '+' : ''}${v.toFixed(4)}`;
      }
      text += csvLine([
        frame.ids[i]!,
        p + 1,
        res.score[i]!,
        res.probability[i]!,
        ...(opts.extra ? opts.extra(p) : []),
        res.mandatory[i]!,
        hits.join(';'),
        expl,
        top.bias[i]!,
      ]);
      if (text.length > 1 << 20) {
        await w.write(text);
        text = '';
      }
      if (order.length > 200_000 && (p + 1) % 200_000 === 0) log(`wrote ${p + 1}/${order.length} rows`);
    }
    await w.write(text);
    await w.commit();
  } catch (e) {
    w.abort();
    throw e;
  }
}

async function writeScored(
  model: RiskModel,
  frame: Frame,
  order: ArrayLike<number>,
  out: string,
  opts: { top: number; full: boolean; extra?: (pos: number) => string[]; extraHeader?: string[] },
): Promise<void> {
  const names = model.pipeline.featureNames;
  const ruleIds = model.rules?.rules.map((r) => r.id) ?? [];
  const header = [
    'id',
    'rank',
    'score',
    'probability',
    ...(opts.extraHeader ?? []),
    'mandatory',
    'rule_hits',
  ];
  header.push('explanation', 'base');
  if (opts.full) header.push(...names.map((n) => `c:${n}`), ...ruleIds.map((r) => `rule:${r}`));
  const w = new AtomicWriter(out);
  try {
    await w.write(csvLine(header));
    const tr = new FrameTransformer(model.pipeline, frame);
    const chunk = 50_000;
    for (let s = 0; s < order.length; s += chunk) {
      const rows = Uint32Array.from({ length: Math.min(chunk, order.length - s) }, (_, i) => order[s + i]!);
      const tails: Array<Array<string | number>> = [];
      const res = scoreRows(model, frame, rows, {
        transformer: tr,
        onExplain: (_i, e) => {
          const cells: Array<string | number> = [...explanationCells(model, e, opts.top), e.bias];
          if (opts.full) {
            for (let f = 0; f < e.features.length; f++) cells.push(e.features[f]!);
            for (let r = 0; r < e.rules.length; r++) cells.push(e.rules[r]!);
          }
          tails.push(cells);
        },
      });
      let text = '';
      for (let i = 0; i < rows.length; i++) {
        const hits = ruleIds.filter((_, r) => res.ruleHits[r]![i] === 1);
        text += csvLine([
          frame.ids[rows[i]!]!,
          s + i + 1,
          res.score[i]!,
          res.probability[i]!,
          ...(opts.extra ? opts.extra(s + i) : []),
          res.mandatory[i]!,
          hits.join(';'),
          ...tails[i]!,
        ]);
      }
      await w.write(text);
      if (order.length > chunk) log(`wrote ${Math.min(order.length, s + chunk)}/${order.length} rows`);
    }
    await w.commit();
  } catch (e) {
    w.abort();
    throw e;
  }
}

async function main(argv: string[]): Promise<void> {
  const { values: v, positionals } = parseArgs({
    args: argv,
    options: OPTS,
    allowPositionals: true,
    strict: true,
  });
  quiet = v.quiet === true;
  dialectOverrides = dialectOf(v);
  const cmd = positionals[0];
  if (!cmd || v.help) {
    process.stdout.write(`${USAGE}\n`);
    if (!cmd && !v.help) throw new UsageError('missing command');
    return;
  }
  switch (cmd) {
    case 'propose-mapping': {
      const input = need(v, 'input');
      const n = num(v, 'sample', 1000, (x) => Number.isInteger(x) && x > 0);
      const s = await readSample(input, n, {
        dialect: dialectOverrides,
        onDialect: (d) => logDialect(input, d),
      });
      const { mapping, inferred, uncertain } = proposeMapping(s.header, s.rows, {
        decimal: s.dialect.dialect.decimal,
        dateFormat: s.dialect.dialect.dateFormat,
      });
      log(`inferred from the header and ${s.rows.length} sample rows:`);
      for (const i of inferred)
        log(`  ${i.column} → ${i.role} (confidence ${i.confidence.toFixed(1)}): ${i.reason}`);
      if (uncertain.length > 0) log(`review these uncertain columns: ${uncertain.join(', ')}`);
      try {
        compileMapping(mapping, s.header, { requireLabel: false });
      } catch (e) {
        if (!(e instanceof MappingError)) throw e;
        for (const p of e.problems) log(`review: ${p}`);
      }
      if (!Object.values(mapping.columns).includes('label'))
        log('review: no column was recognised as the outcome (label): set it to train (not needed to score)');
      const text = toJson({ ...mapping, inferred, uncertain, dialect: s.dialect.dialect });
      if (v.out) writeFileAtomic(v.out, `${text}\n`);
      else process.stdout.write(`${text}\n`);
      return;
    }
    case 'train': {
      const mapping = readJson(need(v, 'mapping'), 'mapping') as Mapping;
      const inputs = need(v, 'input').split(',');
      const out = need(v, 'out');
      const rules = v.rules ? validateRules(readJson(v.rules, 'rules')) : null;
      const frame = await loadFrame(inputs, mapping, true);
      const seed = num(v, 'seed', 1, Number.isInteger);
      const t = Date.now();
      const model = trainModel(frame, null, {
        seed,
        gbdt: gbdtOpts(v),
        rules,
        mapping: { format: 'eucab-risk-mapping', version: 1, columns: mapping.columns },
        leakage:
          v['no-leakage-guard'] === true
            ? false
            : {
                allow: (v['allow-leaky'] ?? '')
                  .split(',')
                  .map((c) => c.trim())
                  .filter(Boolean),
              },
        onProgress: log,
      });
      const excluded = (model.doc.leakage ?? []).filter((l) => l.excluded).map((l) => l.column);
      if (excluded.length > 0)
        log(`leakage guard excluded ${excluded.join(', ')} (keep with --allow-leaky ${excluded.join(',')})`);
      log(`trained in ${Date.now() - t} ms`);
      if (v.valid) {
        const vf = await loadFrame([v.valid], mapping, true);
        model.doc.metrics.validation = evaluateModel(model, vf);
        log(`validation: ${summaryLine(model.doc.metrics.validation)}`);
      }
      writeFileAtomic(out, modelToJson(model));
      log(`model written to ${out}`);
      return;
    }
    case 'score':
    case 'select': {
      const model = loadModelFile(need(v, 'model'));
      const input = need(v, 'input');
      const out = need(v, 'out');
      const top = num(v, 'top', 5, (x) => Number.isInteger(x) && x >= 0);
      const frame = await loadFrame([input], scoreMapping(v, model), false, true);
      requireModelFields(model, frame);
      const t = Date.now();
      const full = v.full === true;
      const K = top;
      const compact = full
        ? null
        : {
            idx: new Int32Array(frame.n * K),
            val: new Float64Array(frame.n * K),
            bias: new Float64Array(frame.n),
            k: K,
          };
      const res = scoreRows(model, frame, null, {
        onProgress: (done, total) => {
          if (total > 100_000) log(`scored ${done}/${total}`);
        },
        onExplain: compact
          ? (i, e) => {
              compact.bias[i] = e.bias;
              topContributionIndices(model, e, K, compact.idx, compact.val, i * K);
            }
          : undefined,
      });
      log(`scored ${frame.n} rows in ${Date.now() - t} ms`);
      if (cmd === 'score') {
        const order = rankOrder(res.score, frame.ids);
        if (compact) await writeCompact(model, frame, res, compact, order, out, {});
        else await writeScored(model, frame, order, out, { top, full });
      } else {
        const ex = exploration(v);
        const sel = selectBatch({
          ids: frame.ids,
          score: res.score,
          probability: res.probability,
          novelty: res.novelty,
          mandatory: res.mandatory,
          budget: budgetOf(v),
          explorationShare: ex.share,
          explorationMode: ex.mode,
          seed: num(v, 'seed', 1, Number.isInteger),
        });
        log(`selected ${sel.rows.length} of ${frame.n} (budget ${sel.k}, exploration ${sel.exploreK})`);
        const extra = { extraHeader: ['reason'], extra: (pos: number) => [sel.reasons[pos]!] };
        if (compact) await writeCompact(model, frame, res, compact, sel.rows, out, extra);
        else await writeScored(model, frame, sel.rows, out, { top, full, ...extra });
      }
      log(`written to ${out}`);
      return;
    }
    case 'evaluate': {
      const model = loadModelFile(need(v, 'model'));
      const frame = await loadFrame([need(v, 'input')], scoreMapping(v, model), true, true);
      requireModelFields(model, frame);
      const report = evaluateModel(model, frame);
      log(summaryLine(report));
      const text = toJson(report);
      if (v.out) writeFileAtomic(v.out, `${text}\n`);
      else process.stdout.write(`${text}\n`);
      return;
    }
    case 'backtest': {
      const rules = validateRules(readJson(need(v, 'rules'), 'rules')) as RuleSet;
      const mapping = readJson(need(v, 'mapping'), 'mapping') as Mapping;
      const frame = await loadFrame([need(v, 'input')], mapping);
      const report = backtestRules(rules, frame);
      for (const r of report)
        log(
          `${r.id}: hits ${r.hits}, precision ${fmt(r.precision)}, recall ${fmt(r.recall)}${r.revenue === null ? '' : `, revenue ${r.revenue}`}`,
        );
      const text = toJson({ rows: frame.n, rules: report });
      if (v.out) writeFileAtomic(v.out, `${text}\n`);
      else process.stdout.write(`${text}\n`);
      return;
    }
    case 'simulate': {
      const mapping = readJson(need(v, 'mapping'), 'mapping') as Mapping;
      const rules = v.rules ? validateRules(readJson(v.rules, 'rules')) : null;
      const history = need(v, 'history');
      const frame = await loadFrame([history, need(v, 'input')], mapping);
      const hist: number[] = [];
      const stream: number[] = [];
      for (let i = 0; i < frame.n; i++) (frame.source[i] === 0 ? hist : stream).push(i);
      for (const r of hist)
        if (frame.label[r] === -1)
          throw new DataError(
            [{ line: frame.lines[r]!, column: 'label', reason: 'history rows need a label' }],
            history,
          );
      const ex = exploration(v);
      const p = v.period ?? 'week';
      const period =
        p === 'week' || p === 'month' ? p : num(v, 'period', 7, (x) => Number.isInteger(x) && x > 0);
      const seed = num(v, 'seed', 1, Number.isInteger);
      const res = simulate(frame, hist, stream, {
        budget: budgetOf(v),
        explorationShare: ex.share,
        explorationMode: ex.mode,
        period,
        seed,
        train: { seed, gbdt: gbdtOpts(v), rules },
        onPeriod: (r) =>
          log(
            `period ${r.period} ${r.start}..${r.end}: ${r.rows} rows, selected ${r.selected}, found ${r.found}/${r.frauds}, precision ${fmt(r.precision)}, norm ${fmt(r.normPrecision)}`,
          ),
      });
      log(
        `mean precision ${fmt(res.summary.meanPrecision)}, mean normalised precision ${fmt(res.summary.meanNormPrecision)}`,
      );
      const text = toJson({ summary: res.summary, periods: res.periods });
      if (v.out) writeFileAtomic(v.out, `${text}\n`);
      else process.stdout.write(`${text}\n`);
      return;
    }
    default:
      throw new UsageError(`unknown command "${cmd}"`);
  }
}

const fmt = (x: number | null) => (x === null || Number.isNaN(x) ? 'n/a' : x.toFixed(4));
function summaryLine(r: ReturnType<typeof evaluateScores>): string {
  return `AUC ${fmt(r.auc)}; ${r.at.map((a) => `P@${a.n}% ${fmt(a.precision)} R@${a.n}% ${fmt(a.recall)}`).join('; ')}`;
}

export async function run(argv: string[]): Promise<number> {
  try {
    await main(argv);
    return 0;
  } catch (e) {
    if (
      e instanceof UsageError ||
      (e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ||
      (e as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
    ) {
      process.stderr.write(`error: ${(e as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof MappingError || e instanceof DataError || e instanceof RuleError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    if ((e as { code?: string }).code === 'ENOENT') {
      process.stderr.write(`error: ${(e as Error).message}\n`);
      return 2;
    }
    process.stderr.write(`unexpected error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/risk/cli.ts')) {
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
