import {
  type Item,
  indexItems,
  type Question,
  type Questionnaire,
} from '../../engines/questionnaire/index.ts';
import type { FieldDef, FieldSpec, KindDefinition } from '../../registry/definition.ts';

/**
 * "Answers feed records": a repeat group of a campaign's questionnaire mapped to a registry kind,
 * `fields` = question code (a question of the group) → field name of the kind. Checked against the
 * kind's definition when it is set (`checkRecordMapping`), then applied to each entry of a validated
 * response (`entryData`).
 */
export interface RecordMapping {
  repeat: string;
  kind: string;
  fields: Record<string, string>;
}

export interface MappingProblem {
  field: string;
  message: string;
}

/** What the check needs from the platform: a kind by name, the codes of a code list, the Member States. */
export interface MappingCheckContext {
  kind: (name: string) => KindDefinition | undefined;
  codes: (list: string) => ReadonlySet<string>;
  memberStates: ReadonlySet<string>;
}

const FEEDABLE: Partial<Record<FieldSpec['type'], string>> = {
  text: 'a text question',
  mltext: 'a multilingual text question',
  number: 'an integer, decimal or scale question',
  date: 'a date question',
  boolean: 'a yes/no question',
  url: 'a text question (a web address)',
  code: 'a single-choice question whose choices are codes of the list',
  country: 'a single-choice question whose choices are Member State codes',
  list: 'a multiple-choice question whose choices are codes of the list',
};

/** The choice names a select question offers, or the code list it reads. */
function choiceNames(q: Questionnaire, item: Question & { type: 'select_one' | 'select_multiple' }) {
  return 'list' in item.choices
    ? { names: (q.choiceLists[item.choices.list] ?? []).map((c) => c.name) }
    : { codeList: item.choices.codeList };
}

/** Why a question cannot feed a field (null: it can). */
function typeProblem(
  q: Questionnaire,
  item: Question,
  spec: FieldSpec,
  ctx: MappingCheckContext,
): string | null {
  const expected = FEEDABLE[spec.type];
  if (!expected || (spec.type === 'list' && spec.of.type !== 'code'))
    return `a field of type ${spec.type === 'list' ? `list of ${spec.of.type}` : spec.type} is not fed from questionnaire answers`;
  const wrong = `needs ${expected} (this one is ${item.type})`;
  switch (spec.type) {
    case 'text':
    case 'url':
      return item.type === 'text' ? null : wrong;
    case 'mltext':
      return item.type === 'multilingual_text' ? null : wrong;
    case 'date':
      return item.type === 'date' ? null : wrong;
    case 'boolean':
      return item.type === 'yes_no' ? null : wrong;
    case 'number':
      if (item.type === 'integer') return null;
      if (item.type === 'scale')
        return spec.integer && !(Number.isInteger(item.min) && Number.isInteger(item.step))
          ? 'needs whole numbers; the scale has fractional levels'
          : null;
      if (item.type === 'decimal') return spec.integer ? 'needs whole numbers (an integer question)' : null;
      return wrong;
    case 'code':
    case 'country':
    case 'list': {
      const multiple = spec.type === 'list';
      if (item.type !== (multiple ? 'select_multiple' : 'select_one')) return wrong;
      if (item.orOther)
        return 'offers "other, specify", which is no code: remove or_other or map another question';
      const allowed =
        spec.type === 'country'
          ? ctx.memberStates
          : ctx.codes(spec.type === 'code' ? spec.codeList : (spec.of as { codeList: string }).codeList);
      const listName =
        spec.type === 'country'
          ? 'the Member States'
          : `code list ${spec.type === 'code' ? spec.codeList : (spec.of as { codeList: string }).codeList}`;
      const src = choiceNames(q, item);
      if (src.codeList !== undefined && spec.type !== 'country') {
        const target = spec.type === 'code' ? spec.codeList : (spec.of as { codeList: string }).codeList;
        return src.codeList === target ? null : `reads code list ${src.codeList}, the field ${listName}`;
      }
      const names = src.names ?? [...ctx.codes(src.codeList!)];
      const unknown = names.filter((n) => !allowed.has(n));
      return unknown.length
        ? `choices ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ' …' : ''} are not codes of ${listName}`
        : null;
    }
    default:
      return wrong;
  }
}

/** Checks mappings against the questionnaire and the kinds' definitions; returns every problem. */
export function checkRecordMappings(
  q: Questionnaire,
  mappings: RecordMapping[],
  ctx: MappingCheckContext,
): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const index = indexItems(q);
  const seen = new Set<string>();
  for (const [i, m] of mappings.entries()) {
    const at = `body.mappings.${i}`;
    const place = index.get(m.repeat);
    if (seen.has(m.repeat))
      problems.push({ field: `${at}.repeat`, message: `"${m.repeat}" is mapped twice` });
    seen.add(m.repeat);
    if (place?.item.type !== 'repeat' || place.repeats.length > 0) {
      problems.push({
        field: `${at}.repeat`,
        message: `"${m.repeat}" is not a repeat group at the top level of the form`,
      });
      continue;
    }
    const kind = ctx.kind(m.kind);
    if (!kind) {
      problems.push({ field: `${at}.kind`, message: `no registry kind "${m.kind}"` });
      continue;
    }
    if (kind.access.createdBy)
      problems.push({
        field: `${at}.kind`,
        message: `${kind.labelPlural.en} are added only by some people (${kind.network} experts or named roles): answers cannot feed them`,
      });
    const mapped = new Map<string, string>();
    for (const [code, fieldName] of Object.entries(m.fields)) {
      const f = `${at}.fields.${code}`;
      const qp = index.get(code);
      const field: FieldDef | undefined = kind.fields[fieldName];
      if (!qp || qp.matrix || qp.repeats.at(-1) !== m.repeat || isContainerOrNote(qp.item)) {
        problems.push({ field: f, message: `"${code}" is not a question of the repeat group ${m.repeat}` });
        continue;
      }
      if (!field) {
        problems.push({ field: f, message: `${kind.label.en} has no field "${fieldName}"` });
        continue;
      }
      if (field.setBy === 'owner_country') {
        problems.push({
          field: f,
          message: `${fieldName} is set from the owning administration, not from answers`,
        });
        continue;
      }
      if (mapped.has(fieldName)) {
        problems.push({ field: f, message: `${fieldName} is already fed by "${mapped.get(fieldName)}"` });
        continue;
      }
      mapped.set(fieldName, code);
      const why = typeProblem(q, qp.item as Question, field, ctx);
      if (why) problems.push({ field: f, message: `${fieldName}: ${why}` });
    }
    for (const [name, field] of Object.entries(kind.fields)) {
      if (!field.required || field.setBy) continue;
      const code = mapped.get(name);
      if (code === undefined)
        problems.push({
          field: `${at}.fields`,
          message: `${name} is required in every ${kind.label.en.toLowerCase()}: map a question to it`,
        });
      else {
        const item = index.get(code)!.item as Question;
        if (!item.required || item.relevant !== undefined)
          problems.push({
            field: `${at}.fields.${code}`,
            message: `${name} is required in every ${kind.label.en.toLowerCase()}: "${code}" must be a required question shown in every entry`,
          });
      }
    }
  }
  return problems;
}

function isContainerOrNote(item: Item) {
  return ['group', 'repeat', 'matrix', 'note'].includes(item.type);
}

/** The record data of one repeat entry (unanswered questions are left out). */
export function entryData(m: RecordMapping, entry: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [code, field] of Object.entries(m.fields)) {
    const v = entry[code];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    data[field] = typeof v === 'string' ? v.trim() : v;
  }
  return data;
}
