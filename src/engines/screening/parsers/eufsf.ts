/**
 * EU Financial Sanctions Files XML (`xmlFullSanctionsList_1_1`), parsed as a stream with saxes
 * (the real file is about 25 MB). Written from ../shared/data/sanctions/eu_fsf/FORMAT.md; no real
 * sample exists offline, tests use a hand-made file that follows that description.
 */
import { SaxesParser } from 'saxes';
import { type Entity, type EntityKind, emptyEntity } from '../model.ts';
import {
  addBirthDate,
  addIdentifier,
  addName,
  finishEntity,
  identifierType,
  ParseError,
  pushUnique,
  type TextInput,
} from './common.ts';

const local = (name: string) => name.slice(name.indexOf(':') + 1);

function kindOf(code: string | undefined): EntityKind {
  const c = (code ?? '').toLowerCase();
  if (c === 'person' || c === 'p') return 'person';
  if (c === 'vessel') return 'vessel';
  if (c === 'aircraft') return 'aircraft';
  return 'organisation';
}

export async function parseEuFsfXml(input: TextInput, source = 'EU FSF XML'): Promise<Entity[]> {
  const parser = new SaxesParser({ position: true });
  const out: Entity[] = [];
  let cur: { e: Entity; line: number; kindSet: boolean } | undefined;
  let inAliasRemark = false;
  let text = '';
  let depth = 0;
  let failure: Error | undefined;
  const fail = (line: number, reason: string) => {
    failure ??= new ParseError(source, line, reason);
  };
  parser.on('opentag', (node) => {
    depth++;
    const name = local(node.name);
    const a = node.attributes as unknown as Record<string, string>;
    text = '';
    if (depth === 1) {
      if (name !== 'export') fail(parser.line, `unexpected root <${node.name}>, expected <export>`);
      return;
    }
    if (name === 'sanctionEntity') {
      if (cur) fail(parser.line, 'nested sanctionEntity');
      const id = a.logicalId?.trim();
      if (!id) fail(parser.line, 'sanctionEntity without logicalId');
      const e = emptyEntity(`eu-fsf-${id}`, 'organisation', 'eu-fsf');
      if (a.designationDate) e.listingDate = a.designationDate;
      if (a.euReferenceNumber) pushUnique(e.programmes, a.euReferenceNumber);
      if (a.unitedNationId) e.remarks.push(`UN id: ${a.unitedNationId}`);
      if (a.designationDetails) e.remarks.push(a.designationDetails);
      cur = { e, line: parser.line, kindSet: false };
      return;
    }
    if (!cur) return;
    const e = cur.e;
    switch (name) {
      case 'subjectType':
        e.kind = kindOf(a.code ?? a.classificationCode);
        cur.kindSet = true;
        break;
      case 'regulation':
        pushUnique(e.programmes, a.programme);
        if (a.numberTitle) pushUnique(e.programmes, a.numberTitle);
        break;
      case 'nameAlias': {
        const whole =
          a.wholeName?.trim() || [a.firstName, a.middleName, a.lastName].filter((x) => x?.trim()).join(' ');
        if (!whole) {
          fail(parser.line, 'nameAlias without wholeName or name parts');
          break;
        }
        const strength = a.strong === 'false' ? 'weak' : e.names.length === 0 ? 'primary' : 'alias';
        addName(e, whole, strength, a.nameLanguage ? { lang: a.nameLanguage.toLowerCase() } : {});
        if (a.title) e.remarks.push(`title: ${a.title}`);
        if (a.function) e.remarks.push(`function: ${a.function}`);
        inAliasRemark = true;
        break;
      }
      case 'citizenship':
        pushUnique(e.nationalities, a.countryIso2Code || a.countryDescription);
        break;
      case 'birthdate': {
        if (a.birthdate) addBirthDate(e, a.circa === 'true' ? `circa ${a.birthdate}` : a.birthdate);
        else if (a.yearRangeFrom && a.yearRangeTo) addBirthDate(e, `${a.yearRangeFrom} to ${a.yearRangeTo}`);
        else if (a.year) addBirthDate(e, a.circa === 'true' ? `circa ${a.year}` : a.year);
        if (a.place || a.city)
          e.remarks.push(`POB ${[a.place || a.city, a.countryIso2Code].filter(Boolean).join(', ')}`);
        break;
      }
      case 'identification': {
        const label = `${a.identificationTypeCode ?? ''} ${a.identificationTypeDescription ?? ''}`;
        const extra: { country?: string; note?: string } = {};
        if (a.countryIso2Code) extra.country = a.countryIso2Code;
        if (a.knownFalse === 'true') extra.note = 'known false';
        addIdentifier(e, identifierType(label), a.latinNumber || a.number, extra);
        break;
      }
      case 'address': {
        const parts = [a.street, a.poBox, a.city, a.zipCode, a.region, a.place, a.countryIso2Code].filter(
          (x) => x?.trim(),
        );
        if (parts.length)
          e.addresses.push({
            text: parts.join(', '),
            ...(a.city ? { city: a.city } : {}),
            ...(a.countryIso2Code ? { country: a.countryIso2Code } : {}),
          });
        break;
      }
    }
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('closetag', (node) => {
    depth--;
    const name = local(node.name);
    if (!cur) return;
    if (name === 'remark' && text.trim()) {
      cur.e.remarks.push(inAliasRemark ? `name remark: ${text.trim()}` : text.trim());
    } else if (name === 'nameAlias') {
      inAliasRemark = false;
    } else if (name === 'sanctionEntity') {
      if (cur.e.names.length === 0) fail(cur.line, `sanctionEntity ${cur.e.id} has no nameAlias`);
      else if (!cur.e.names.some((n) => n.strength === 'primary')) cur.e.names[0]!.strength = 'primary';
      if (!cur.kindSet) fail(cur.line, `sanctionEntity ${cur.e.id} has no subjectType`);
      out.push(finishEntity(cur.e));
      cur = undefined;
    }
    text = '';
  });
  parser.on('error', (err) =>
    fail(parser.line, `malformed XML: ${err.message.replace(/^[^:]*:\d+:\d+: /, '')}`),
  );
  const write = (chunk: string) => {
    try {
      parser.write(chunk);
    } catch (err) {
      fail(parser.line, `malformed XML: ${(err as Error).message}`);
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
    fail(parser.line, `malformed XML: ${(err as Error).message}`);
  }
  if (failure) throw failure;
  return out;
}
