import { type Concept, GLOSSARY } from './glossary.ts';

/** Lower case, accents and apostrophes removed, words separated by single spaces. */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}-]+/gu, ' ')
    .replace(/(^|\s)-+|-+(\s|$)/g, ' ')
    .trim();
}

interface Matcher {
  concept: Concept;
  words: { stem: string; exact: boolean }[];
}

const MATCHERS: Matcher[] = GLOSSARY.flatMap((concept) =>
  concept.terms.map((term) => {
    const exact = term.startsWith('=');
    return {
      concept,
      words: normalise(exact ? term.slice(1) : term)
        .split(' ')
        .map((stem) => ({ stem, exact })),
    };
  }),
);

function wordMatches(word: string, w: { stem: string; exact: boolean }): boolean {
  if (w.exact) return word === w.stem;
  if (word.startsWith(w.stem)) return true;
  return w.stem.length >= 5 && word.includes(w.stem);
}

/**
 * The glossary's concepts a text names, in any of its languages (each counted once). Hyphenated
 * words are also looked at in their parts ("x-ray" and "ray").
 */
export function conceptsOf(text: string): Set<string> {
  const known = CACHE.get(text);
  if (known) return known;
  const found = findConcepts(text);
  if (CACHE.size >= CACHE_SIZE) CACHE.delete(CACHE.keys().next().value!);
  CACHE.set(text, found);
  return found;
}

/** The concepts of the texts seen last (an initiative's text is compared again at every look-up). */
const CACHE_SIZE = 5000;
const CACHE = new Map<string, Set<string>>();

function findConcepts(text: string): Set<string> {
  const words = normalise(text)
    .split(' ')
    .flatMap((w) => (w.includes('-') ? [w, ...w.split('-').filter(Boolean)] : [w]))
    .filter(Boolean);
  const found = new Set<string>();
  for (const m of MATCHERS) {
    if (found.has(m.concept.id)) continue;
    const n = m.words.length;
    for (let i = 0; i + n <= words.length; i++) {
      let ok = true;
      for (let j = 0; j < n && ok; j++) ok = wordMatches(words[i + j]!, m.words[j]!);
      if (ok) {
        found.add(m.concept.id);
        break;
      }
    }
  }
  return found;
}

/**
 * Trigram similarity of two texts, as PostgreSQL's pg_trgm computes `similarity()`: each word
 * padded with two spaces before and one after, the set of its three-character pieces, and the
 * shared pieces over all distinct pieces of both.
 */
export function trigramSimilarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  if (!x.size || !y.size) return 0;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared / (x.size + y.size - shared);
}

function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of normalise(text).split(/[\s-]+/)) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}
