import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labelIn } from '../../contract/languages.ts';
import { KINDS } from './index.ts';

/**
 * A kind's words live in its definition (src/registry/kinds/definitions.test.ts checks that every
 * label has en, fr and de); the web app's catalogs keep the shell's words only — the area names
 * among them. The catalogs are read as files: server code imports nothing of the web app.
 */
type Tree = { [k: string]: string | Tree };

function catalog(lang: 'en' | 'fr' | 'de'): Tree {
  const file = new URL(`../../../web/src/i18n/modules/registry.${lang}.json`, import.meta.url);
  return { registry: JSON.parse(readFileSync(file, 'utf8')) as Tree };
}

function get(tree: Tree, path: string): string | Tree | undefined {
  let cur: string | Tree | undefined = tree;
  for (const p of path.split('.')) {
    if (!cur || typeof cur === 'string') return undefined;
    cur = cur[p];
  }
  return cur;
}

describe('registry labels', () => {
  for (const lang of ['en', 'fr', 'de'] as const) {
    it(`the ${lang} catalog names every area and holds no words of a kind`, () => {
      const cat = catalog(lang);
      const missing = KINDS.map((k) => `registry.areas.${k.area}`).filter((key) => {
        const v = get(cat, key);
        return typeof v !== 'string' || !v.trim();
      });
      expect(missing).toEqual([]);
      expect(get(cat, 'registry.kinds')).toBeUndefined();
    });
  }

  it('reads a label in the user language, else in English', () => {
    const label = { en: 'Tender', fr: "Appel d'offres", de: 'Ausschreibung', it: '' };
    expect(labelIn(label, 'fr')).toBe("Appel d'offres");
    expect(labelIn(label, 'nl')).toBe('Tender');
    expect(labelIn(label, 'it')).toBe('Tender');
  });
});
