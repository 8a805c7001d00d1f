/** Person titles and honorifics of tables/titles.json, in token form (see normalize.ts). */
import { readFileSync } from 'node:fs';
import { tokenForms } from './reference.ts';

export interface TitleTables {
  titles: Set<string>;
  alsoGiven: Set<string>;
  maxLen: number;
}

let cached: TitleTables | undefined;

export function titleTables(): TitleTables {
  if (cached) return cached;
  const doc = JSON.parse(readFileSync(new URL('./tables/titles.json', import.meta.url), 'utf8')) as {
    titles: string[];
    alsoGivenNames: string[];
  };
  const titles = new Set<string>();
  const alsoGiven = new Set<string>();
  let maxLen = 1;
  const add = (set: Set<string>, raw: string) => {
    const f = tokenForms(raw);
    if (!f.length) return;
    set.add(f.join(' '));
    maxLen = Math.max(maxLen, f.length);
  };
  for (const t of doc.titles) add(titles, t);
  for (const t of doc.alsoGivenNames) add(alsoGiven, t);
  // a title that is also a given name is never removed as a plain title
  for (const g of alsoGiven) titles.delete(g);
  cached = { titles, alsoGiven, maxLen };
  return cached;
}
