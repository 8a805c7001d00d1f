import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog, type Tree } from './i18n/catalog.ts';

/**
 * The web modules (web/src/modules.ts): read as text, since importing the pages needs a browser.
 * Every area's module file is listed, no path is declared twice, and every navigation label is
 * a message of the catalog.
 */
const SRC = import.meta.dirname;
const list = readFileSync(join(SRC, 'modules.ts'), 'utf8');
const files = [...list.matchAll(/from '\.\/([\w/]+\.tsx)'/g)].map((m) => m[1]!);
const texts = files.map((f) => readFileSync(join(SRC, f), 'utf8'));

function has(tree: Tree, key: string): boolean {
  let node: Tree | string | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string';
}

describe('web modules', () => {
  it('lists every module it imports, in the navigation order', () => {
    const imported = [...list.matchAll(/\b(\w+WebModule)\b/g)].map((m) => m[1]!);
    const listed = list.slice(list.indexOf('WEB_MODULES')).match(/\w+WebModule/g) ?? [];
    expect(new Set(listed)).toEqual(new Set(imported));
    expect(files).toEqual(
      expect.arrayContaining(['calendar/module.tsx', 'registry/module.tsx', 'pages/modules.tsx']),
    );
  });

  it('declares each path once', () => {
    const paths = texts.flatMap((t) => [...t.matchAll(/path: '([^']+)'/g)].map((m) => m[1]!));
    expect(paths.length).toBeGreaterThan(30);
    expect(paths.filter((p, i) => paths.indexOf(p) !== i)).toEqual([]);
    expect(paths).toEqual(expect.arrayContaining(['/', '/calendar', '/registry/:kind', '/signin']));
  });

  it('names each navigation entry with a message of every language', () => {
    const labels = texts.flatMap((t) => [...t.matchAll(/label: '([^']+)'/g)].map((m) => m[1]!));
    expect(labels).toEqual(expect.arrayContaining(['nav.home', 'calendar.nav', 'registry.nav']));
    for (const lang of ['en', 'fr', 'de'] as const)
      for (const l of labels) expect(has(catalog(lang), l), `${lang}: ${l}`).toBe(true);
  });
});
