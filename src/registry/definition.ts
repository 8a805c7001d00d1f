import type { KindDefinition } from '../contract/registry-kinds.ts';

/** The types of a definition are in the contract (src/contract/registry-kinds.ts): the web app uses them too. */
export type {
  Dimension,
  FieldDef,
  FieldSpec,
  KindDefinition,
  ViewDef,
  ViewType,
} from '../contract/registry-kinds.ts';

/** Checks a definition (its field lists name its fields, snake_case name, owner-bound and restricted fields). */
export function defineKind(def: KindDefinition): KindDefinition {
  const names = new Set(Object.keys(def.fields));
  for (const list of [def.importKey, def.searchable, def.listColumns, def.filters, [def.titleField]]) {
    for (const f of list) if (!names.has(f)) throw new Error(`${def.name}: unknown field "${f}"`);
  }
  if (!/^[a-z][a-z0-9_]{2,40}$/.test(def.name)) throw new Error(`${def.name}: the name must be snake_case`);
  for (const [name, f] of Object.entries(def.fields)) {
    if (f.setBy === 'owner_country' && f.type !== 'country')
      throw new Error(`${def.name}: "${name}" is bound to the owner's country but is not a country field`);
  }
  for (const f of def.searchable) {
    if (def.fields[f]!.visibleTo)
      throw new Error(`${def.name}: restricted field "${f}" cannot be searchable`);
  }
  return def;
}
