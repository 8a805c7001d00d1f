/**
 * Quality evaluation of the screening engine (issue 5, "Evidence"):
 *  1. the 245 labelled dev pairs (../shared/data/sanctions/name-pairs/dev_pairs.csv) are scored by
 *     the CLI command `compare-pairs`; precision, recall and F1 at 0.70 and at the default
 *     threshold, overall and per quality tier; every failing STRONG case is listed;
 *  2. UN self-recall as written and with one seeded edit (generator: src/engines/screening/selfrecall.ts).
 *
 *  3. with --cross, a supplementary recall of OFAC SDN 2021 and EU 833 primary names in the combined index.
 *
 * Run: npx tsx bench/screening/evaluate.ts [--cross] [--json out.json]
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { main as cli } from '../../src/engines/screening/cli.ts';
import { loadList } from '../../src/engines/screening/lists.ts';
import { DEFAULT_THRESHOLD, ScreeningIndex } from '../../src/engines/screening/matcher.ts';
import { primaryName } from '../../src/engines/screening/model.ts';
import { sanctionsData } from '../../src/engines/screening/paths.ts';
import { rng, runRecall, seededEdit, unSelfRecall } from '../../src/engines/screening/selfrecall.ts';

interface Pair {
  schema: string;
  name1: string;
  name2: string;
  is_match: string;
  quality: string;
  category: string;
  case_group: string;
}

interface Metrics {
  n: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
}

function metrics(rows: Array<{ label: boolean; score: number }>, threshold: number): Metrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const r of rows) {
    const p = r.score >= threshold;
    if (p && r.label) tp++;
    else if (p) fp++;
    else if (r.label) fn++;
    else tn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { n: rows.length, tp, fp, fn, tn, precision, recall, f1 };
}

const pct = (x: number) => x.toFixed(3);

async function pairs() {
  const file = sanctionsData('name-pairs/dev_pairs.csv');
  const labelled = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Pair[];
  const out = join(mkdtempSync(join(tmpdir(), 'screening-eval-')), 'scores.csv');
  // the CLI command is the measured unit: `npm run screening -- compare-pairs FILE`
  const code = await cli(['compare-pairs', file, '--out', out]);
  if (code !== 0) throw new Error(`compare-pairs exited ${code}`);
  const scored = parse(readFileSync(out, 'utf8'), { columns: true }) as Array<{
    name1: string;
    name2: string;
    score: string;
  }>;
  if (scored.length !== labelled.length)
    throw new Error(`scored ${scored.length} of ${labelled.length} pairs`);
  const rows = labelled.map((p, i) => ({
    ...p,
    quality: p.quality || 'MEDIUM',
    label: p.is_match === 'true',
    score: Number(scored[i]!.score),
  }));
  const tiers = ['STRONG', 'MEDIUM', 'WEAK'];
  const byThreshold: Record<string, Record<string, Metrics>> = {};
  for (const th of [0.7, DEFAULT_THRESHOLD]) {
    const byTier: Record<string, Metrics> = { overall: metrics(rows, th) };
    for (const t of tiers)
      byTier[t] = metrics(
        rows.filter((r) => r.quality === t),
        th,
      );
    byThreshold[th.toFixed(2)] = byTier;
  }
  const strongFailures = rows
    .filter((r) => r.quality === 'STRONG' && r.score >= DEFAULT_THRESHOLD !== r.label)
    .map((r) => ({ name1: r.name1, name2: r.name2, label: r.label, score: r.score }));
  const strongFailuresAt070 = rows.filter((r) => r.quality === 'STRONG' && r.score >= 0.7 !== r.label).length;
  const calibration: Record<string, number> = {};
  for (const t of tiers)
    for (const l of [true, false]) {
      const s = rows.filter((r) => r.quality === t && r.label === l);
      if (s.length)
        calibration[`${t} ${l ? 'match' : 'non-match'} (n=${s.length})`] =
          s.reduce((a, r) => a + r.score, 0) / s.length;
    }
  const errors = rows
    .filter((r) => r.score >= DEFAULT_THRESHOLD !== r.label)
    .map((r) => `${r.label ? 'FN' : 'FP'} ${r.quality} ${r.score.toFixed(3)} ${r.name1} | ${r.name2}`);
  return {
    pairs: rows.length,
    byThreshold,
    strongFailures,
    strongFailuresAt070,
    calibration,
    errorsAtDefault: errors,
  };
}

async function recall() {
  const v = await loadList({
    listId: 'un',
    format: 'un-xml',
    location: sanctionsData('un/UN_consolidated_2026-02-27.xml'),
  });
  const index = new ScreeningIndex(v.entities);
  const r = unSelfRecall(index, v.entities);
  return {
    entries: v.entities.length,
    asWritten: { queries: r.asWritten.queries, found: r.asWritten.found, recall: r.asWritten.recall },
    withOneEdit: { queries: r.withEdit.queries, found: r.withEdit.found, recall: r.withEdit.recall },
    skippedNoPartOf6Letters: r.skippedNoLongPart,
    missesAsWritten: r.asWritten.misses.slice(0, 25),
    missesWithEdit: r.withEdit.misses.slice(0, 25),
  };
}

/** Supplementary: primary names of OFAC SDN 2021 and EU 833 queried in the combined index of all three lists. */
async function crossRecall() {
  const entities = [];
  for (const l of [
    { listId: 'ofac-sdn', format: 'ofac-csv' as const, location: sanctionsData('ofac/sdn_2021') },
    { listId: 'un', format: 'un-xml' as const, location: sanctionsData('un/UN_consolidated_2026-02-27.xml') },
    { listId: 'eu-833', format: 'eu-833-csv' as const, location: sanctionsData('eu_journal/32014R0833.csv') },
  ])
    entities.push(...(await loadList(l)).entities);
  const index = new ScreeningIndex(entities);
  const queries = entities
    .filter((e) => e.sourceList !== 'un')
    .map((e) => ({ entityId: e.id, name: primaryName(e) }));
  const random = rng(7);
  const asWritten = runRecall(index, queries);
  const edited = runRecall(
    index,
    queries.map((q) => ({ ...q, name: seededEdit(q.name, random)?.text ?? q.name })),
  );
  // an entry listed twice (same names on OFAC and EU 833, or twice on one list) loses the tie
  const otherOnTop = asWritten.misses.filter((m) => m.top && (m.score ?? 0) >= DEFAULT_THRESHOLD).length;
  return {
    queries: queries.length,
    asWritten: asWritten.recall,
    withOneEdit: edited.recall,
    otherEntryOnTop: otherOnTop,
  };
}

const p = await pairs();
const r = await recall();
const cross = process.argv.includes('--cross') ? await crossRecall() : undefined;
const table = (label: string, m: Record<string, Metrics>) =>
  [
    `threshold ${label}`,
    '| tier | n | TP | FP | FN | TN | precision | recall | F1 |',
    '|---|---|---|---|---|---|---|---|---|',
    ...Object.entries(m).map(
      ([k, x]) =>
        `| ${k} | ${x.n} | ${x.tp} | ${x.fp} | ${x.fn} | ${x.tn} | ${pct(x.precision)} | ${pct(x.recall)} | ${pct(x.f1)} |`,
    ),
  ].join('\n');
const lines = [
  `# Screening evaluation (${new Date().toISOString()})`,
  '',
  `dev pairs: ${p.pairs}`,
  table('0.70', p.byThreshold['0.70']!),
  '',
  table(`${DEFAULT_THRESHOLD.toFixed(2)} (default)`, p.byThreshold[DEFAULT_THRESHOLD.toFixed(2)]!),
  '',
  `STRONG failures at default threshold: ${p.strongFailures.length}${p.strongFailures.length ? ` ${JSON.stringify(p.strongFailures)}` : ''}; at 0.70: ${p.strongFailuresAt070}`,
  `mean score by tier: ${Object.entries(p.calibration)
    .map(([k, v]) => `${k} ${v.toFixed(3)}`)
    .join('; ')}`,
  '',
  `UN self-recall (${r.entries} entries, threshold ${DEFAULT_THRESHOLD}):`,
  `  as written: ${r.asWritten.found}/${r.asWritten.queries} = ${r.asWritten.recall.toFixed(4)}`,
  `  one seeded edit: ${r.withOneEdit.found}/${r.withOneEdit.queries} = ${r.withOneEdit.recall.toFixed(4)} (${r.skippedNoPartOf6Letters} queries without a part of 6+ letters skipped)`,
  ...(cross
    ? [
        `supplementary: primary names of OFAC SDN 2021 + EU 833 in the combined index (${cross.queries} queries):`,
        `  as written ${cross.asWritten.toFixed(4)}, one seeded edit ${cross.withOneEdit.toFixed(4)}; misses as written where another entry with an equal or higher score is on top: ${cross.otherEntryOnTop}`,
      ]
    : []),
  '',
  'errors at the default threshold:',
  ...p.errorsAtDefault.map((e) => `  ${e}`),
];
process.stdout.write(`${lines.join('\n')}\n`);
const jsonAt = process.argv.indexOf('--json');
if (jsonAt > 0 && process.argv[jsonAt + 1])
  writeFileSync(process.argv[jsonAt + 1]!, JSON.stringify({ pairs: p, recall: r }, null, 2));
