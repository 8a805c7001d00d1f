import { readFileSync, writeFileSync } from 'node:fs';
import { mostSimilar, WEIGHTS, type Weights } from '../../src/modules/innovation/similarity/similarity.ts';
import { CORPUS } from './corpus.ts';

/**
 * "Who else works on this" against the labelled pairs (pairs.json, README.md): for every initiative
 * that has similar partners, the top 3 of `mostSimilar` over the whole corpus (other administrations
 * only, as the platform answers). precision@3 = labelled-similar results among the top 3 / 3 (each
 * theme has 2 partners, so the ceiling is 0.667); recall@3 = partners found / partners; also the
 * not-similar pairs that reach a top 3, and the same figures for the cross-language pairs alone.
 * Three variants: the platform's weights, without the text (codes only), without the glossary.
 */
type Pair = { a: string; b: string; similar: boolean; crossLanguage: boolean };
const pairs: Pair[] = JSON.parse(readFileSync(new URL('./pairs.json', import.meta.url), 'utf8'));
const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const label = new Map(pairs.map((p) => [key(p.a, p.b), p]));

function evaluate(weights: Weights) {
  const queries = [...new Set(pairs.filter((p) => p.similar).flatMap((p) => [p.a, p.b]))].sort();
  let hits = 0;
  let relevant = 0;
  let falsePositives = 0;
  let crossHits = 0;
  let crossRelevant = 0;
  const misses: string[] = [];
  const t0 = performance.now();
  for (const id of queries) {
    const of = CORPUS.find((c) => c.id === id)!;
    const top = mostSimilar(of, CORPUS, { limit: 3, minScore: 0, weights });
    const partners = pairs.filter((p) => p.similar && (p.a === id || p.b === id));
    relevant += partners.length;
    crossRelevant += partners.filter((p) => p.crossLanguage).length;
    for (const m of top) {
      const l = label.get(key(id, m.id));
      if (l?.similar) {
        hits++;
        if (l.crossLanguage) crossHits++;
      } else if (l && !l.similar) falsePositives++;
    }
    for (const p of partners) {
      const other = p.a === id ? p.b : p.a;
      if (!top.some((m) => m.id === other)) misses.push(`${id} → ${other}`);
    }
  }
  const ms = performance.now() - t0;
  return {
    queries: queries.length,
    precisionAt3: hits / (queries.length * 3),
    recallAt3: hits / relevant,
    crossLanguageRecallAt3: crossHits / crossRelevant,
    labelledNotSimilarInTop3: falsePositives,
    msPerQuery: ms / queries.length,
    misses,
  };
}

const variants: [string, Weights][] = [
  ['platform (domain, TRL band, codes, glossary concepts, trigram)', WEIGHTS],
  ['codes only (domain, TRL band, technologies)', { ...WEIGHTS, concepts: 0, text: 0 }],
  ['without the glossary (codes + trigram)', { ...WEIGHTS, concepts: 0 }],
];
const results = variants.map(([name, w]) => ({ name, ...evaluate(w) }));
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
console.log(
  `${CORPUS.length} initiatives, ${pairs.length} labelled pairs (${pairs.filter((p) => p.similar).length} similar, ${pairs.filter((p) => p.crossLanguage).length} across languages)`,
);
for (const r of results)
  console.log(
    `${r.name}: precision@3 ${pct(r.precisionAt3)} (ceiling 66.7 %), recall@3 ${pct(r.recallAt3)}, cross-language recall@3 ${pct(r.crossLanguageRecallAt3)}, not-similar pairs in a top 3: ${r.labelledNotSimilarInTop3}, ${r.msPerQuery.toFixed(2)} ms/query; misses: ${r.misses.length ? r.misses.join(', ') : 'none'}`,
  );
writeFileSync(
  new URL('./results.json', import.meta.url),
  `${JSON.stringify({ date: new Date().toISOString(), corpus: CORPUS.length, pairs: pairs.length, results }, null, 1)}\n`,
);
