import type {
  CodeListDefinition,
  FieldDef,
  FieldSpec,
  KindDefinition,
  KindName,
} from '../contract/registry-kinds.ts';

/** A kind's approval steps (declared in the contract: the access policy and the web app read them). */
export { approvalSteps } from '../contract/access-shapes.ts';
/** The types of a definition are in the contract (src/contract/registry-kinds.ts): the web app uses them too. */
export type {
  Area,
  CodeListDefinition,
  Dimension,
  FieldDef,
  FieldSpec,
  KindDefinition,
  KindName,
  Labels,
  ViewDef,
  ViewType,
} from '../contract/registry-kinds.ts';
export { AREAS } from '../contract/registry-kinds.ts';

/**
 * What a definition file writes: a declared kind name, and code fields that may name only the
 * lists in its own `codeLists` (`C` is inferred from them alone; none listed → no code field).
 */
export type KindSpec<C extends string> = Omit<KindDefinition, 'name' | 'codeLists' | 'fields'> & {
  name: KindName;
  codeLists: readonly CodeListDefinition<C>[];
  fields: Record<string, FieldDef<NoInfer<C>>>;
};

/** Problems of the date-order rules: `notBefore` must name another date field beside it. */
function dateOrderProblems(fields: Record<string, FieldDef>, path = ''): string[] {
  const out: string[] = [];
  for (const [name, f] of Object.entries(fields)) {
    if (
      (f.type === 'date' || f.type === 'datetime') &&
      f.notBefore !== undefined &&
      fields[f.notBefore]?.type !== f.type
    )
      out.push(`${path}${name}: notBefore "${f.notBefore}" is not a ${f.type} field beside it`);
    if (
      f.requiredUnless !== undefined &&
      (f.required || !fields[f.requiredUnless] || f.requiredUnless === name)
    )
      out.push(
        `${path}${name}: requiredUnless "${f.requiredUnless}" must name another optional field beside it`,
      );
    const inner = f.type === 'list' ? f.of : f;
    if (inner.type === 'object') out.push(...dateOrderProblems(inner.fields, `${path}${name}.`));
  }
  return out;
}

function codeListsUsed(fields: Record<string, FieldDef>): string[] {
  const out: string[] = [];
  const visit = (f: FieldSpec) => {
    if (f.type === 'code') out.push(f.codeList);
    if (f.type === 'list') visit(f.of);
    if (f.type === 'object') for (const g of Object.values(f.fields)) visit(g);
  };
  for (const f of Object.values(fields)) visit(f);
  return out;
}

/** The definitions `defineKind` made: how src/registry/kinds/index.ts recognises a kind file's export. */
const DEFINED = new WeakSet<KindDefinition>();

export function isKindDefinition(x: unknown): x is KindDefinition {
  return typeof x === 'object' && x !== null && DEFINED.has(x as KindDefinition);
}

export function defineKind<const C extends string = never>(spec: KindSpec<C>): KindDefinition {
  // Approval steps as data: `fourEyes: true` is one owner_org_writer step; both are set from the steps.
  const approval =
    spec.workflow.approval ?? (spec.workflow.fourEyes ? [{ by: 'owner_org_writer' as const }] : []);
  const def: KindDefinition = {
    ...spec,
    workflow: { ...spec.workflow, fourEyes: approval.length > 0, approval },
  };
  const names = new Set(Object.keys(def.fields));
  for (const list of [def.importKey, def.searchable, def.listColumns, def.filters, [def.titleField]]) {
    for (const f of list) if (!names.has(f)) throw new Error(`${def.name}: unknown field "${f}"`);
  }
  if (!/^[a-z][a-z0-9_]{2,40}$/.test(def.name)) throw new Error(`${def.name}: the name must be snake_case`);
  for (const [name, f] of Object.entries(def.fields)) {
    if (f.setBy === 'owner_country' && f.type !== 'country')
      throw new Error(`${def.name}: "${name}" is bound to the owner's country but is not a country field`);
  }
  if (def.networkField !== undefined) {
    const f = def.fields[def.networkField];
    if (f?.type !== 'network' || !f.required)
      throw new Error(`${def.name}: networkField "${def.networkField}" must name a required network field`);
  }
  if (def.embargoField !== undefined) {
    const f = def.fields[def.embargoField];
    if (f?.type !== 'datetime' || !f.required)
      throw new Error(`${def.name}: embargoField "${def.embargoField}" must name a required datetime field`);
    if (def.workflow.publishAtCreation)
      throw new Error(`${def.name}: a kind released at an embargo cannot publish at creation`);
  }
  if (def.personalData) {
    if (def.fields.person_user?.type !== 'user' || def.fields.open_consent?.type !== 'boolean')
      throw new Error(
        `${def.name}: a kind of personal data needs the user field "person_user" and the boolean field "open_consent"`,
      );
    if (def.access.distribution === 'public') throw new Error(`${def.name}: personal data is never public`);
  }
  if (def.workflow.publishAtCreation && def.workflow.fourEyes)
    throw new Error(`${def.name}: a kind with approval steps cannot publish at creation`);
  for (const f of def.searchable) {
    if (def.fields[f]!.visibleTo)
      throw new Error(`${def.name}: restricted field "${f}" cannot be searchable`);
  }
  const listed = new Set(def.codeLists.map((l) => l.name));
  for (const list of codeListsUsed(def.fields))
    if (!listed.has(list)) throw new Error(`${def.name}: code list "${list}" is not in its codeLists`);
  for (const p of dateOrderProblems(def.fields)) throw new Error(`${def.name}: ${p}`);
  DEFINED.add(def);
  return def;
}
