import { describe, expect, it } from 'vitest';
import { REQUIRED_LANGUAGES } from '../../contract/languages.ts';
import { NETWORKS } from '../../reference/networks.ts';
import type { FieldSpec, KindDefinition, Labels } from '../definition.ts';
import { bindToOwner, ownerBoundFields } from '../owner-bound.ts';
import { parseData } from '../record-validation.ts';
import { CODE_LISTS, codeListsOf, KINDS } from './index.ts';

/**
 * Every cross-reference of every definition resolves: its network, the code lists of its code
 * fields (listed by the definition itself, so the seed stores them), the kinds its references
 * point to, the fields its views count; every label and every code of its lists has English,
 * French and German words; and its example record is valid (after the server sets the
 * owner-bound fields). The names are typed too (a typo fails tsc); this catches what a cast or a
 * plain string slips past the compiler — and it fails here, not as a 500.
 */
const KIND_NAMES = new Set(KINDS.map((k) => k.name));
/**
 * Parameters of the list, export and statistics queries: a filter field of the same name would be
 * read as both. The tender's `status` filter predates this check and collides with the workflow
 * status (`?status=open` is read as both): known, to be renamed with a data migration.
 */
const QUERY_PARAMETERS = [
  'q',
  'language',
  'status',
  'owner',
  'sort',
  'limit',
  'offset',
  'format',
  'groupBy',
  'sumField',
];
const KNOWN_COLLISIONS = new Set(['tender.status']);
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
        if (f.type === 'code' && !kind.codeLists.some((l) => l.name === f.codeList))
          out.push(`${path}: code list "${f.codeList}" is not in the definition's codeLists`);
        if (f.type === 'ref' && !KIND_NAMES.has(f.kind)) out.push(`${path}: kind "${f.kind}" does not exist`);
      },
      name,
    );
  for (const f of kind.filters)
    if (QUERY_PARAMETERS.includes(f) && !KNOWN_COLLISIONS.has(`${kind.name}.${f}`))
      out.push(`filter "${f}" has the name of a list query parameter: name the field otherwise`);
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

/** Every label of a definition, with where it is: the kind's names, fields (nested too), help, hints, views. */
function labelsOf(kind: KindDefinition): [string, Labels | undefined][] {
  const out: [string, Labels | undefined][] = [
    ['label', kind.label],
    ['labelPlural', kind.labelPlural],
    ['description', kind.description],
  ];
  if (kind.interest) out.push(['interest', kind.interest]);
  const visit = (f: FieldSpec & { label?: Labels; help?: Labels }, path: string, labelled: boolean) => {
    if (labelled || f.label) out.push([`${path}.label`, f.label]);
    if (f.help) out.push([`${path}.help`, f.help]);
    if (f.type === 'text' && f.patternHint) out.push([`${path}.patternHint`, f.patternHint]);
    if (f.type === 'list') visit(f.of, `${path}[]`, false);
    if (f.type === 'object') for (const [n, g] of Object.entries(f.fields)) visit(g, `${path}.${n}`, true);
  };
  for (const [name, f] of Object.entries(kind.fields)) visit(f, name, true);
  for (const v of kind.views) out.push([`views.${v.type}`, v.label]);
  return out;
}

/** The labels of the code lists a definition names: each list's and each code's. */
function codeListLabels(kind: KindDefinition): [string, Labels | undefined][] {
  return kind.codeLists.flatMap((list) => [
    [`codeLists.${list.name}.label`, list.label] as [string, Labels],
    ...list.codes.map((c) => [`codeLists.${list.name}.${c.code}`, c.labels] as [string, Labels]),
  ]);
}

/** Labels without words in a required language (en, fr, de). */
function incompleteLabels(kind: KindDefinition): string[] {
  return [...labelsOf(kind), ...codeListLabels(kind)].flatMap(([path, labels]) =>
    REQUIRED_LANGUAGES.filter((lang) => !labels?.[lang]?.trim()).map((lang) => `${path}: no ${lang}`),
  );
}

describe('registry definitions', () => {
  it.each(KINDS.map((k) => [k.name, k] as const))(
    '%s: every label has its English, French and German words',
    (_name, kind) => {
      expect(incompleteLabels(kind)).toEqual([]);
    },
  );

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

  it('every code list the definitions name is stored once, with codes; two lists never share a name', () => {
    expect(CODE_LISTS.length).toBe(new Set(CODE_LISTS.map((l) => l.name)).size);
    for (const list of CODE_LISTS) expect(list.codes.length, list.name).toBeGreaterThan(0);
    const kind = KINDS.find((k) => k.codeLists.length)!;
    const impostor = { ...kind, name: 'impostor', codeLists: [{ ...kind.codeLists[0]!, codes: [] }] };
    expect(() => codeListsOf([kind, impostor])).toThrow(/another code list is already named/);
  });

  it('the label check finds a missing language (it is not vacuous)', () => {
    const kind = KINDS[0]!;
    const [name, field] = Object.entries(kind.fields)[0]!;
    const broken = {
      ...kind,
      description: { en: 'Words', fr: ' ', de: 'Wörter' },
      fields: { ...kind.fields, [name]: { ...field, label: { en: 'Only English' } } },
    } as unknown as KindDefinition;
    expect(incompleteLabels(broken)).toEqual([
      'description: no fr',
      `${name}.label: no fr`,
      `${name}.label: no de`,
    ]);
  });

  it('the check finds a broken reference (it is not vacuous)', () => {
    const broken = {
      ...KINDS[0]!,
      network: 'procurment',
      filters: [...KINDS[0]!.filters, 'sort'],
      fields: {
        ...KINDS[0]!.fields,
        x: { type: 'ref', kind: 'equipment_modle', label: { en: 'X', fr: 'X', de: 'X' } },
      },
    } as unknown as KindDefinition;
    expect(problems(broken)).toEqual([
      'network "procurment" does not exist',
      'x: kind "equipment_modle" does not exist',
      'filter "sort" has the name of a list query parameter: name the field otherwise',
    ]);
    const unlisted = { ...KINDS[0]!, codeLists: [] } as unknown as KindDefinition;
    expect(problems(unlisted).some((p) => p.endsWith(`is not in the definition's codeLists`))).toBe(true);
  });
});
