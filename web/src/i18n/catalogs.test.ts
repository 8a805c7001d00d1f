import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog, type Tree } from './catalog.ts';

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(f) && !f.endsWith('.test.ts') ? [p] : [];
  });
}

const catalogs = { en: flatten(catalog('en')), fr: flatten(catalog('fr')), de: flatten(catalog('de')) };
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('have the same keys in English, French and German, none empty', () => {
    const keys = [...catalogs.en.keys()].sort();
    for (const [lang, cat] of Object.entries(catalogs)) {
      expect([...cat.keys()].sort(), `keys of ${lang}`).toEqual(keys);
      for (const [k, v] of cat) expect(v.trim(), `${lang}:${k}`).not.toBe('');
    }
  });

  it('use the same placeholders in every language', () => {
    for (const [k, v] of catalogs.en) {
      for (const lang of ['fr', 'de'] as const) {
        expect(placeholders(catalogs[lang].get(k) ?? ''), `${lang}:${k}`).toEqual(placeholders(v));
      }
    }
  });

  it('contain every key the app uses', () => {
    const root = join(import.meta.dirname, '..');
    const missing: string[] = [];
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
        const key = m[1]!;
        const plural = catalogs.en.has(`${key}_one`) && catalogs.en.has(`${key}_other`);
        if (!catalogs.en.has(key) && !plural) missing.push(`${file.slice(root.length + 1)}: ${key}`);
      }
      // Dynamic keys (t(`roles.${r}`)): their prefix must be a group of the catalog.
      for (const m of text.matchAll(/\bt\(\s*`([a-zA-Z0-9_.]+)\.\$\{/g)) {
        const prefix = `${m[1]!}.`;
        if (![...catalogs.en.keys()].some((k) => k.startsWith(prefix))) missing.push(`${file}: ${prefix}*`);
      }
    }
    expect(missing).toEqual([]);
  });
});
