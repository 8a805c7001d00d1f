import type { Labels } from './languages.ts';

/**
 * A code list shipped with the code: its name, its label and its codes, each labelled in English,
 * French and German at least. A kind's own lists live beside it (`kinds/<area>/<name>.codes.ts`)
 * and the definition lists the ones its fields use (`codeLists`); the seed stores every list the
 * definitions name (src/seed/reference-data.ts), and administrators extend them later
 * (code-list-routes.ts). Codes are stable: records keep them, labels may be reworded.
 */
export interface CodeDefinition {
  code: string;
  labels: Labels;
  /** Extra facts (a unit's dimension and factor to the base unit, a factor's number, …). */
  meta?: Record<string, unknown>;
}

export interface CodeListDefinition<N extends string = string> {
  name: N;
  label: Labels;
  codes: readonly CodeDefinition[];
}

/** Declares a code list; its name keeps its literal type, so a field naming another list fails tsc. */
export function defineCodeList<const N extends string>(list: CodeListDefinition<N>): CodeListDefinition<N> {
  if (!/^[a-z][a-z0-9_]{1,59}$/.test(list.name))
    throw new Error(`code list "${list.name}": the name must be snake_case (at most 60 characters)`);
  const seen = new Set<string>();
  for (const c of list.codes) {
    if (seen.has(c.code)) throw new Error(`code list "${list.name}": the code "${c.code}" is listed twice`);
    seen.add(c.code);
  }
  return list;
}
