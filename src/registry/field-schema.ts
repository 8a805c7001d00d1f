import { dataSchemaOf, EU_LANGUAGES } from '../contract/field-rules.ts';
import { memberStates } from '../reference/member-states.ts';
import type { FieldDef, FieldSpec, KindDefinition } from './definition.ts';

export { EU_LANGUAGES };

/** References a field value makes to other data, checked against the database after parsing. */
export interface Reference {
  path: string;
  kind: 'code' | 'ref' | 'organisation' | 'network' | 'user';
  target: string;
  value: string;
}

/** The zod schema of a record's data for a kind (unknown fields are refused). */
export function dataSchema(kind: KindDefinition) {
  return dataSchemaOf(
    kind.fields,
    memberStates().map((m) => m.code),
  );
}

/** Collects the code-list codes and record references in parsed data, for the database check. */
export function collectReferences(
  fields: Record<string, FieldDef>,
  data: Record<string, unknown>,
  prefix = '',
): Reference[] {
  const out: Reference[] = [];
  const visit = (f: FieldSpec, value: unknown, path: string) => {
    if (value === null || value === undefined) return;
    if (f.type === 'code') out.push({ path, kind: 'code', target: f.codeList, value: String(value) });
    else if (f.type === 'ref') out.push({ path, kind: 'ref', target: f.kind, value: String(value) });
    else if (f.type === 'organisation')
      out.push({ path, kind: 'organisation', target: 'organisation', value: String(value) });
    else if (f.type === 'network')
      out.push({ path, kind: 'network', target: 'network', value: String(value) });
    else if (f.type === 'user') out.push({ path, kind: 'user', target: 'user', value: String(value) });
    else if (f.type === 'list' && Array.isArray(value)) {
      for (const [i, v] of value.entries()) visit(f.of, v, `${path}.${i}`);
    } else if (f.type === 'object' && typeof value === 'object')
      out.push(...collectReferences(f.fields, value as Record<string, unknown>, `${path}.`));
  };
  for (const [k, f] of Object.entries(fields)) visit(f, data[k], `${prefix}${k}`);
  return out;
}

/** A JSON description of the fields for clients (forms validate with the same rules). */
export function describeFields(kind: KindDefinition) {
  return Object.entries(kind.fields).map(([name, f]) => ({ name, ...f }));
}

/**
 * A kind as clients see it (`GET /api/v1/registry`): the definition with its labels in every
 * language it has (the web app picks the user's, else English), its described fields, and the
 * names of its code lists (their codes are served by `/code-lists/:name`).
 */
export function describeKind(kind: KindDefinition) {
  const { example: _example, codeLists, ...rest } = kind;
  return { ...rest, codeLists: codeLists.map((l) => l.name), fields: describeFields(kind) };
}
