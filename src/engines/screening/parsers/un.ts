/**
 * UN Security Council consolidated list (XML), parsed as a stream with saxes.
 * INDIVIDUALS/INDIVIDUAL and ENTITIES/ENTITY; aliases with QUALITY Good / a.k.a. (alias),
 * f.k.a. (previous name), Low (weak alias); NAME_ORIGINAL_SCRIPT kept as an alias with its script.
 */
import { SaxesParser } from 'saxes';
import { type Address, type Entity, emptyEntity } from '../model.ts';
import {
  addBirthDate,
  addIdentifier,
  addName,
  finishEntity,
  identifierType,
  newStats,
  ParseError,
  type ParseStats,
  pushUnique,
  type TextInput,
} from './common.ts';

type Group = Record<string, string>;

interface RawRecord {
  kind: 'INDIVIDUAL' | 'ENTITY';
  line: number;
  fields: Record<string, string[]>;
  groups: Array<{ tag: string; values: Group }>;
}

const GROUPS = new Set([
  'INDIVIDUAL_ALIAS',
  'ENTITY_ALIAS',
  'INDIVIDUAL_DATE_OF_BIRTH',
  'INDIVIDUAL_PLACE_OF_BIRTH',
  'INDIVIDUAL_DOCUMENT',
  'INDIVIDUAL_ADDRESS',
  'ENTITY_ADDRESS',
]);

function addField(rec: RawRecord, name: string, value: string) {
  const list = rec.fields[name];
  if (list) list.push(value);
  else rec.fields[name] = [value];
}

function toEntity(r: RawRecord, source: string, stats: ParseStats): Entity {
  const f = (k: string) => r.fields[k]?.[0]?.trim() ?? '';
  const dataId = f('DATAID');
  if (!/^\d+$/.test(dataId)) throw new ParseError(source, r.line, `${r.kind} without a numeric DATAID`);
  const e = emptyEntity(`un-${dataId}`, r.kind === 'INDIVIDUAL' ? 'person' : 'organisation', 'un');
  const primary = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map(f).filter(Boolean).join(' ');
  if (!primary) throw new ParseError(source, r.line, `${r.kind} ${dataId} has no FIRST_NAME`);
  addName(e, primary, 'primary');
  const original = (r.fields.NAME_ORIGINAL_SCRIPT ?? []).filter((o) => o.trim());
  if (original.length) stats.originalScript++;
  for (const o of original) addName(e, o, 'alias');
  for (const g of r.groups) {
    const v = g.values;
    if (g.tag.endsWith('_ALIAS')) {
      const q = (v.QUALITY ?? '').trim().toLowerCase();
      if (!v.ALIAS_NAME?.trim()) continue;
      stats.aliases++;
      if (q === 'low') addName(e, v.ALIAS_NAME, 'weak');
      else if (q === 'f.k.a.') addName(e, v.ALIAS_NAME, 'alias', { previous: true });
      else addName(e, v.ALIAS_NAME, 'alias');
    } else if (g.tag === 'INDIVIDUAL_DATE_OF_BIRTH') {
      const type = (v.TYPE_OF_DATE ?? '').toUpperCase();
      if (v.FROM_YEAR && v.TO_YEAR) addBirthDate(e, `${v.FROM_YEAR} to ${v.TO_YEAR}`);
      else if (v.DATE) addBirthDate(e, type === 'APPROXIMATELY' ? `circa ${v.DATE}` : v.DATE);
      else if (v.YEAR) addBirthDate(e, type === 'APPROXIMATELY' ? `circa ${v.YEAR}` : v.YEAR);
    } else if (g.tag === 'INDIVIDUAL_DOCUMENT') {
      const label = `${v.TYPE_OF_DOCUMENT ?? ''} ${v.TYPE_OF_DOCUMENT2 ?? ''}`;
      const extra: { country?: string; note?: string } = {};
      if (v.ISSUING_COUNTRY) extra.country = v.ISSUING_COUNTRY.trim();
      if (v.NOTE) extra.note = v.NOTE.trim();
      addIdentifier(e, identifierType(label), v.NUMBER, extra);
    } else if (g.tag.endsWith('_ADDRESS')) {
      const parts = [v.STREET, v.CITY, v.STATE_PROVINCE, v.ZIP_CODE, v.COUNTRY]
        .map((x) => x?.trim())
        .filter(Boolean);
      if (parts.length === 0) continue;
      const a: Address = { text: parts.join(', ') };
      if (v.CITY?.trim()) a.city = v.CITY.trim();
      if (v.COUNTRY?.trim()) a.country = v.COUNTRY.trim();
      e.addresses.push(a);
    }
  }
  for (const n of r.fields.NATIONALITY ?? []) pushUnique(e.nationalities, n);
  pushUnique(e.programmes, f('UN_LIST_TYPE'));
  pushUnique(e.programmes, f('REFERENCE_NUMBER'));
  if (f('LISTED_ON')) e.listingDate = f('LISTED_ON');
  for (const k of ['TITLE', 'DESIGNATION'])
    for (const t of r.fields[k] ?? []) pushUnique(e.remarks, `${k.toLowerCase()}: ${t}`);
  if (f('COMMENTS1')) e.remarks.push(f('COMMENTS1'));
  return finishEntity(e);
}

/** Parse the UN consolidated list XML from a string or a stream of chunks. */
export async function parseUnXml(
  input: TextInput,
  source = 'UN consolidated XML',
  stats: ParseStats = newStats(),
): Promise<Entity[]> {
  const parser = new SaxesParser({ position: true });
  const out: Entity[] = [];
  let rec: RawRecord | undefined;
  let group: { tag: string; values: Group } | undefined;
  const stack: string[] = [];
  let text = '';
  let sawRoot = false;
  let failure: Error | undefined;
  parser.on('opentag', (node) => {
    const name = node.name;
    if (stack.length === 0) {
      if (name !== 'CONSOLIDATED_LIST')
        throw new ParseError(source, parser.line, `unexpected root <${name}>`);
      sawRoot = true;
    }
    stack.push(name);
    text = '';
    if ((name === 'INDIVIDUAL' || name === 'ENTITY') && stack.length === 3) {
      rec = { kind: name, line: parser.line, fields: {}, groups: [] };
    } else if (rec && GROUPS.has(name)) {
      group = { tag: name, values: {} };
    }
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('cdata', (t) => {
    text += t;
  });
  parser.on('closetag', (node) => {
    const name = node.name;
    stack.pop();
    if (!rec) return;
    if (name === rec.kind && stack.length === 2) {
      out.push(toEntity(rec, source, stats));
      rec = undefined;
    } else if (group && name === group.tag) {
      rec.groups.push(group);
      group = undefined;
    } else if (group) {
      group.values[name] = text;
    } else if (name === 'VALUE') {
      addField(rec, stack[stack.length - 1]!, text);
    } else {
      addField(rec, name, text);
    }
    text = '';
  });
  parser.on('error', (err) => {
    failure ??= new ParseError(
      source,
      parser.line,
      `malformed XML: ${err.message.replace(/^[^:]*:\d+:\d+: /, '')}`,
    );
  });
  const write = (chunk: string) => {
    try {
      parser.write(chunk);
    } catch (err) {
      if (err instanceof ParseError) throw err;
      failure ??= new ParseError(source, parser.line, `malformed XML: ${(err as Error).message}`);
    }
    if (failure) throw failure;
  };
  if (typeof input === 'string') write(input);
  else {
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of input as AsyncIterable<string | Buffer>)
      write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
  }
  try {
    parser.close();
  } catch (err) {
    failure ??= new ParseError(source, parser.line, `malformed XML: ${(err as Error).message}`);
  }
  if (failure) throw failure;
  if (!sawRoot) throw new ParseError(source, 1, 'no CONSOLIDATED_LIST root element');
  return out;
}
