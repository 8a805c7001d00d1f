import { describe, expect, it } from 'vitest';
import { NETWORKS } from '../../reference/networks.ts';
import { PROCUREMENT_CODE_LISTS } from '../code-lists/procurement-code-lists.ts';
import type { FieldSpec, KindDefinition } from '../definition.ts';
import { bindToOwner, ownerBoundFields } from '../owner-bound.ts';
import { parseData } from '../record-validation.ts';
import { KINDS } from './index.ts';

/**
 * Every cross-reference of every definition resolves: its network, the code lists of its code
 * fields, the kinds its references point to, the fields its views count; and its example record
 * is valid (after the server sets the owner-bound fields). A typo fails here, not as a 500.
 */
const SHIPPED_CODE_LISTS = new Set(PROCUREMENT_CODE_LISTS.map((l) => l.name));
const KIND_NAMES = new Set(KINDS.map((k) => k.name));
const NUMERIC = new Set(['number', 'money', 'quantity']);

function walk(spec: FieldSpec, visit: (f: FieldSpec, path: string) => void, path: string) {
  visit(spec, path);
  if (spec.type === 'list') walk(spec.of, visit, `${path}[]`);
  if (spec.type === 'object')
    for (const [n, f] of Object.entries(spec.fields)) walk(f, visit, `${path}.${n}`);
}

function problems(kind: KindDefinition): string[] {
  const out: string[] = [];
  if (!NETWORKS.some((n) => n.code === kind.network)) out.push(`network "${kind.network}" does not exist`);
  for (const [name, field] of Object.entries(kind.fields))
    walk(
      field,
      (f, path) => {
        if (f.type === 'code' && !SHIPPED_CODE_LISTS.has(f.codeList))
          out.push(`${path}: code list "${f.codeList}" is not shipped`);
        if (f.type === 'ref' && !KIND_NAMES.has(f.kind)) out.push(`${path}: kind "${f.kind}" does not exist`);
      },
      name,
    );
  // The example names a network that exists (a `network` field holds a network's code).
  const example = kind.example('t1', () => '00000000-0000-4000-8000-000000000001');
  for (const [name, field] of Object.entries(kind.fields))
    if (field.type === 'network' && !NETWORKS.some((n) => n.code === example[name]))
      out.push(`${name}: the example's network "${String(example[name])}" does not exist`);
  for (const v of kind.views) {
    const f = v.field ? kind.fields[v.field] : undefined;
    if (v.field && !f) out.push(`view ${v.type}: no field "${v.field}"`);
    if (v.type === 'map' && f && f.type !== 'country') out.push(`view map: "${v.field}" is not a country`);
    if (v.type === 'matrix' && f && !(f.type === 'code' || (f.type === 'list' && f.of.type === 'code')))
      out.push(`view matrix: "${v.field}" is not a code or a list of codes`);
    if (v.measure === 'sum' && !(v.sumField && NUMERIC.has(kind.fields[v.sumField]?.type ?? '')))
      out.push(`view ${v.type}: sums "${v.sumField}", which is not a number`);
  }
  return out;
}

describe('registry definitions', () => {
  it.each(KINDS.map((k) => [k.name, k] as const))('%s: every cross-reference resolves', (_name, kind) => {
    expect(problems(kind)).toEqual([]);
  });

  it.each(KINDS.map((k) => [k.name, k] as const))(
    '%s: the example record is valid and leaves the owner-bound fields to the server',
    (_name, kind) => {
      const example = kind.example('t1', () => '00000000-0000-4000-8000-000000000001');
      for (const f of ownerBoundFields(kind)) expect(example[f]).toBeUndefined();
      const bound = bindToOwner(kind, example, { code: 'NL', type: 'national_administration' });
      expect(bound.errors).toEqual([]);
      const parsed = parseData(kind, bound.data);
      expect(parsed.ok ? [] : parsed.errors).toEqual([]);
      // Unique per token: the matrices create one per case.
      expect(kind.example('t2', () => '00000000-0000-4000-8000-000000000001')).not.toEqual(example);
    },
  );

  it('the check finds a broken reference (it is not vacuous)', () => {
    const broken = {
      ...KINDS[0]!,
      network: 'procurment',
      fields: { ...KINDS[0]!.fields, x: { type: 'ref', kind: 'equipment_modle', label: 'X' } },
    } as unknown as KindDefinition;
    expect(problems(broken)).toEqual([
      'network "procurment" does not exist',
      'x: kind "equipment_modle" does not exist',
    ]);
  });
});
