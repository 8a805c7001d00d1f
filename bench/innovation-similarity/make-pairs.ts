import { writeFileSync } from 'node:fs';
import { DEMO_INITIATIVES } from '../../src/seed/innovation-demo-initiatives.ts';

/**
 * Writes pairs.json: every pair of initiatives of one theme (similar: 16 themes × 3 pairs), and
 * every pair of two themes' initiatives that share a domain but not a purpose (not similar: the
 * hard cases, e.g. AI on container scans for cigarettes against AI on car scans for hidden
 * compartments). `crossLanguage`: the two are written in different languages (so they share no
 * English title: at most one of them is in English). Run: `node --import tsx bench/innovation-similarity/make-pairs.ts` (README.md).
 */
type Pair = { a: string; b: string; similar: boolean; crossLanguage: boolean; note: string };
const pairs: Pair[] = [];
const all = DEMO_INITIATIVES;
for (let x = 0; x < all.length; x++)
  for (let y = x + 1; y < all.length; y++) {
    const a = all[x]!;
    const b = all[y]!;
    if (a.country === b.country) continue;
    const similar = a.theme === b.theme;
    if (!similar && a.domain !== b.domain) continue;
    const crossLanguage = a.language !== b.language;
    pairs.push({
      a: a.key,
      b: b.key,
      similar,
      crossLanguage,
      note: similar ? `same theme: ${a.theme}` : `same domain ${a.domain}, themes ${a.theme} / ${b.theme}`,
    });
  }
writeFileSync(new URL('./pairs.json', import.meta.url), `${JSON.stringify(pairs, null, 1)}\n`);
console.log(
  `${pairs.length} pairs: ${pairs.filter((p) => p.similar).length} similar (${pairs.filter((p) => p.similar && p.crossLanguage).length} across languages without an English title), ${pairs.filter((p) => !p.similar).length} not similar`,
);
