import { readdirSync } from 'node:fs';
import { sep } from 'node:path';
import type { CodeListDefinition } from '../../contract/code-list-definition.ts';
import { AREAS, isKindDefinition, type KindDefinition } from '../definition.ts';

/**
 * Every registry kind of the platform, found rather than listed. A kind is one file,
 * `<area>/<name>.kind.ts` below this folder, exporting one `defineKind(…)` (its code lists beside
 * it in `<name>.codes.ts`). This module reads the folder, imports every `*.kind.ts` with a dynamic
 * `import()` and awaits them at the top level, so KINDS is complete before any module that imports
 * it runs: nothing registers itself by the side effect of being imported, and a kind file that no
 * other code imports is still found. Order (stable, whatever the file system returns): by area as
 * AREAS lists them, then by file path. A file that exports no definition, or more than one, and
 * two kinds with one name stop the start with the file named.
 *
 * A kind file must not import this module (directly or through another): the import would wait
 * for itself. Definitions refer to each other by name (`ref` fields), never by import of the index.
 */
const HERE = new URL('./', import.meta.url);

/** The definition files, relative to this folder, by path. */
export const KIND_FILES: readonly string[] = readdirSync(HERE, { recursive: true, encoding: 'utf8' })
  .map((f) => f.split(sep).join('/'))
  .filter((f) => f.endsWith('.kind.ts'))
  .sort();

async function load(file: string): Promise<KindDefinition> {
  const mod: Record<string, unknown> = await import(new URL(file, HERE).href);
  const defs = Object.values(mod).filter(isKindDefinition);
  if (defs.length !== 1)
    throw new Error(
      `src/registry/kinds/${file}: a kind file exports exactly one defineKind(…) definition; it exports ${defs.length}.`,
    );
  return defs[0]!;
}

function inOrder(kinds: KindDefinition[]): KindDefinition[] {
  const area = (k: KindDefinition) => AREAS.indexOf(k.area);
  const sorted = kinds.map((k, i) => ({ k, i })).sort((a, b) => area(a.k) - area(b.k) || a.i - b.i);
  const names = new Set<string>();
  for (const { k, i } of sorted) {
    if (names.has(k.name))
      throw new Error(`src/registry/kinds/${KIND_FILES[i]}: a kind "${k.name}" exists already.`);
    names.add(k.name);
  }
  return sorted.map((x) => x.k);
}

/** Every registry kind of the platform (the `*.kind.ts` files below this folder). */
export const KINDS: readonly KindDefinition[] = inOrder(await Promise.all(KIND_FILES.map(load)));

export function kindByName(name: string): KindDefinition | undefined {
  return KINDS.find((k) => k.name === name);
}

/**
 * Every code list the definitions name (`codeLists`), once each, in the order first named: what
 * the seed stores. Two different lists with one name are refused.
 */
export function codeListsOf(kinds: readonly KindDefinition[]): CodeListDefinition[] {
  const byName = new Map<string, CodeListDefinition>();
  for (const k of kinds)
    for (const list of k.codeLists) {
      const seen = byName.get(list.name);
      if (seen && seen !== list)
        throw new Error(`${k.name}: another code list is already named "${list.name}"`);
      byName.set(list.name, list);
    }
  return [...byName.values()];
}

export const CODE_LISTS: readonly CodeListDefinition[] = codeListsOf(KINDS);
