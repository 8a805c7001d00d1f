import { GLOSSARY } from './glossary.ts';
import { conceptsOf, trigramSimilarity } from './text.ts';

/**
 * "Who else works on this": how close another initiative is to one, from its shared domain, its
 * readiness band (TRL 1–3 research, 4–6 development, 7–9 deployment), its technology codes, the
 * glossary's concepts both texts name in whatever language (glossary.ts: the bridge between
 * languages, through the summary and the second-language summary), and the trigram similarity of
 * their texts in a language both have (the record's own language, or a second-language summary).
 * Pure: the operation (../operations/similar.ts) hands it the initiatives the caller may read;
 * the benchmark (bench/innovation-similarity) runs the same function on its labelled pairs.
 */
export interface InitiativeText {
  id: string;
  /** The owning administration (results are other administrations' initiatives only). */
  owner: string;
  /** The record's language (the title, summary and results are in it). */
  language: string;
  title: string;
  summary: string;
  results?: string | undefined;
  secondSummary?: Readonly<Record<string, string>> | undefined;
  domain: string;
  trl: string;
  technologies?: readonly string[] | undefined;
}

export type Reason =
  | { type: 'domain'; code: string }
  | { type: 'trl_band'; band: Band }
  | { type: 'technologies'; codes: string[] }
  | { type: 'concepts'; concepts: { id: string; labels: { en: string; fr: string; de: string } }[] }
  | { type: 'text'; language: string; similarity: number };

export type Band = 'research' | 'development' | 'deployment';

export interface Match {
  id: string;
  score: number;
  reasons: Reason[];
}

export const WEIGHTS = { domain: 0.25, band: 0.1, technologies: 0.15, concepts: 0.4, text: 0.1 } as const;
export type Weights = { readonly [K in keyof typeof WEIGHTS]: number };

export function trlBand(trl: string): Band | null {
  const level = Number(trl.replace(/^trl_/, ''));
  if (!Number.isInteger(level) || level < 1 || level > 9) return null;
  return level <= 3 ? 'research' : level <= 6 ? 'development' : 'deployment';
}

/** Texts of an initiative by language: its own (title, summary, results) and its second-language summaries. */
function textsByLanguage(x: InitiativeText): Map<string, string> {
  const out = new Map<string, string>([[x.language, [x.title, x.summary, x.results ?? ''].join(' ')]]);
  for (const [lang, text] of Object.entries(x.secondSummary ?? {}))
    out.set(lang, `${out.get(lang) ?? ''} ${text}`.trim());
  return out;
}

function allText(x: InitiativeText): string {
  return [x.title, x.summary, x.results ?? '', ...Object.values(x.secondSummary ?? {})].join(' ');
}

/** A prepared initiative: its concepts and texts computed once. */
export interface Prepared {
  item: InitiativeText;
  concepts: Set<string>;
  texts: Map<string, string>;
}

export function prepare(item: InitiativeText): Prepared {
  return { item, concepts: conceptsOf(allText(item)), texts: textsByLanguage(item) };
}

/**
 * Inverse document frequency of each concept over the initiatives compared: a concept that many
 * initiatives name ("data", "detection") weighs less than one few name ("smart seal").
 */
export function conceptWeights(pool: readonly Prepared[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const p of pool) for (const c of p.concepts) df.set(c, (df.get(c) ?? 0) + 1);
  const n = Math.max(pool.length, 1);
  return new Map([...df].map(([c, d]) => [c, Math.log(1 + n / d)]));
}

const LABELS = new Map(GLOSSARY.map((c) => [c.id, c.labels]));

export function score(a: Prepared, b: Prepared, idf: Map<string, number>, weights: Weights = WEIGHTS): Match {
  const reasons: Reason[] = [];
  let total = 0;
  if (a.item.domain === b.item.domain && a.item.domain !== 'other') {
    total += weights.domain;
    reasons.push({ type: 'domain', code: a.item.domain });
  }
  const band = trlBand(a.item.trl);
  if (band && band === trlBand(b.item.trl)) {
    total += weights.band;
    reasons.push({ type: 'trl_band', band });
  }
  const ta = new Set(a.item.technologies ?? []);
  const tb = new Set(b.item.technologies ?? []);
  const sharedTech = [...ta].filter((t) => tb.has(t)).sort();
  if (sharedTech.length) {
    total += (weights.technologies * sharedTech.length) / new Set([...ta, ...tb]).size;
    reasons.push({ type: 'technologies', codes: sharedTech });
  }
  // Weighted overlap of concepts: shared weight over the weight of the union.
  const w = (c: string) => idf.get(c) ?? Math.log(2);
  const shared = [...a.concepts].filter((c) => b.concepts.has(c));
  if (shared.length && weights.concepts > 0) {
    const union = new Set([...a.concepts, ...b.concepts]);
    const sum = (cs: Iterable<string>) => [...cs].reduce((s, c) => s + w(c), 0);
    total += (weights.concepts * sum(shared)) / sum(union);
    const top = shared.sort((x, y) => w(y) - w(x) || x.localeCompare(y)).slice(0, 6);
    reasons.push({ type: 'concepts', concepts: top.map((id) => ({ id, labels: LABELS.get(id)! })) });
  }
  // Words of the same language: the best trigram similarity over the languages both texts have.
  let best: { language: string; similarity: number } | null = null;
  for (const [lang, text] of a.texts) {
    const other = b.texts.get(lang);
    if (!other) continue;
    const sim = trigramSimilarity(text, other);
    if (!best || sim > best.similarity) best = { language: lang, similarity: sim };
  }
  if (best && best.similarity >= 0.15 && weights.text > 0) {
    total += weights.text * best.similarity;
    reasons.push({
      type: 'text',
      language: best.language,
      similarity: Math.round(best.similarity * 100) / 100,
    });
  }
  return { id: b.item.id, score: Math.round(total * 1000) / 1000, reasons };
}

/**
 * The initiatives of other administrations most similar to `of`, best first, each with its
 * reasons; only those above `minScore` (a shared domain alone is not enough).
 */
export function mostSimilar(
  of: InitiativeText,
  pool: readonly InitiativeText[],
  options: { limit?: number; minScore?: number; weights?: Weights } = {},
): Match[] {
  const prepared = pool.filter((x) => x.id !== of.id).map(prepare);
  const target = prepare(of);
  const idf = conceptWeights([target, ...prepared]);
  return prepared
    .filter((p) => p.item.owner !== of.owner)
    .map((p) => score(target, p, idf, options.weights))
    .filter((m) => m.score > (options.minScore ?? 0.3))
    .sort((x, y) => y.score - x.score || x.id.localeCompare(y.id))
    .slice(0, options.limit ?? 5);
}
