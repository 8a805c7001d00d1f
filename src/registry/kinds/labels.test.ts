import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KINDS } from './index.ts';

/**
 * A new registry kind brings its labels: every kind and field in English, French and German, in
 * the web app's registry catalogs (web/src/i18n/modules/registry.<lang>.json, mounted under
 * `registry.`). Read as files: server code imports nothing of the web app.
 */
type Tree = { [k: string]: string | Tree };

function catalog(lang: 'en' | 'fr' | 'de'): Tree {
  const file = new URL(`../../../web/src/i18n/modules/registry.${lang}.json`, import.meta.url);
  return { registry: JSON.parse(readFileSync(file, 'utf8')) as Tree };
}

function get(tree: Tree, path: string): string | undefined {
  let cur: string | Tree | undefined = tree;
  for (const p of path.split('.')) {
    if (!cur || typeof cur === 'string') return undefined;
    cur = cur[p];
  }
  return typeof cur === 'string' ? cur : undefined;
}

describe('registry labels', () => {
  for (const lang of ['en', 'fr', 'de'] as const) {
    it(`every kind and every field of every kind has a ${lang} label`, () => {
      const cat = catalog(lang);
      const missing: string[] = [];
      for (const k of KINDS) {
        const keys = [
          `registry.kinds.${k.name}.label`,
          `registry.kinds.${k.name}.plural`,
          `registry.areas.${k.area}`,
          ...Object.keys(k.fields).map((f) => `registry.kinds.${k.name}.fields.${f}`),
          ...Object.entries(k.fields)
            .filter(([, f]) => f.help)
            .map(([f]) => `registry.kinds.${k.name}.help.${f}`),
        ];
        for (const key of keys) if (!get(cat, key)?.trim()) missing.push(key);
      }
      expect(missing).toEqual([]);
    });
  }

  it('the English catalog says what the definitions say', () => {
    const en = catalog('en');
    for (const k of KINDS) {
      expect(get(en, `registry.kinds.${k.name}.label`)).toBe(k.label);
      for (const [name, f] of Object.entries(k.fields))
        expect(get(en, `registry.kinds.${k.name}.fields.${name}`), `${k.name}.${name}`).toBe(f.label);
    }
  });
});
