/**
 * FollowTheMoney entity JSON lines (OpenSanctions / yente). Things (Person, Organization, Company,
 * LegalEntity, Vessel, Airplane, ...) become entities; Sanction, Address and Passport/Identification
 * entities are folded into the entities they reference.
 */
import { type Entity, type EntityKind, emptyEntity, type IdentifierType } from '../model.ts';
import { addBirthDate, addIdentifier, addName, finishEntity, ParseError, pushUnique } from './common.ts';

interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets?: string[];
}

const THINGS: Record<string, EntityKind> = {
  Person: 'person',
  Organization: 'organisation',
  Company: 'organisation',
  LegalEntity: 'organisation',
  PublicBody: 'organisation',
  Vessel: 'vessel',
  Airplane: 'aircraft',
  Asset: 'other',
  Security: 'other',
};

const IDS: Array<[string, IdentifierType]> = [
  ['imoNumber', 'imo'],
  ['mmsi', 'mmsi'],
  ['passportNumber', 'passport'],
  ['idNumber', 'national_id'],
  ['registrationNumber', 'registration'],
  ['innCode', 'tax'],
  ['taxNumber', 'tax'],
  ['ogrnCode', 'registration'],
  ['leiCode', 'registration'],
  ['swiftBic', 'swift'],
  ['vatCode', 'tax'],
];

export function parseFtmJsonl(text: string, source = 'FtM JSON lines'): Entity[] {
  const all: Array<{ line: number; ent: FtmEntity }> = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = i + 1;
    if (!raw.trim()) continue;
    let obj: unknown;
    try {
      obj = JSON.parse(raw);
    } catch (err) {
      throw new ParseError(source, line, `invalid JSON: ${(err as Error).message}`);
    }
    const o = obj as Partial<FtmEntity>;
    if (!o || typeof o !== 'object' || typeof o.id !== 'string' || typeof o.schema !== 'string')
      throw new ParseError(source, line, 'entity without string "id" and "schema"');
    if (!o.properties || typeof o.properties !== 'object')
      throw new ParseError(source, line, `entity ${o.id} without "properties"`);
    all.push({ line, ent: o as FtmEntity });
  }
  const byId = new Map<string, Entity>();
  const addresses = new Map<string, string>();
  for (const { ent } of all) {
    if (ent.schema === 'Address') addresses.set(ent.id, (ent.properties.full ?? [])[0] ?? '');
  }
  for (const { line, ent } of all) {
    const kind = THINGS[ent.schema];
    if (!kind) continue;
    const p = ent.properties;
    const e = emptyEntity(`ftm-${ent.id}`, kind, 'ftm');
    const names = p.name ?? [];
    if (names.length === 0) throw new ParseError(source, line, `${ent.schema} ${ent.id} has no name`);
    for (const [i, n] of names.entries()) addName(e, n, i === 0 ? 'primary' : 'alias');
    for (const n of p.alias ?? []) addName(e, n, 'alias');
    for (const n of p.previousName ?? []) addName(e, n, 'alias', { previous: true });
    for (const n of p.weakAlias ?? []) addName(e, n, 'weak');
    for (const [prop, type] of IDS) for (const v of p[prop] ?? []) addIdentifier(e, type, v);
    for (const v of p.birthDate ?? []) addBirthDate(e, v);
    for (const v of [...(p.nationality ?? []), ...(p.citizenship ?? [])]) pushUnique(e.nationalities, v);
    for (const v of [...(p.country ?? []), ...(p.jurisdiction ?? []), ...(p.flag ?? [])])
      pushUnique(e.countries, v);
    for (const v of p.address ?? []) e.addresses.push({ text: v });
    for (const a of p.addressEntity ?? []) {
      const t = addresses.get(a);
      if (t) e.addresses.push({ text: t });
    }
    for (const v of p.program ?? []) pushUnique(e.programmes, v);
    for (const v of p.notes ?? []) e.remarks.push(v);
    for (const d of ent.datasets ?? []) pushUnique(e.programmes, d);
    if (p.createdAt?.[0]) e.listingDate = p.createdAt[0];
    byId.set(ent.id, e);
  }
  for (const { ent } of all) {
    const p = ent.properties;
    if (ent.schema === 'Sanction') {
      for (const target of p.entity ?? []) {
        const e = byId.get(target);
        if (!e) continue;
        for (const v of [...(p.program ?? []), ...(p.authority ?? [])]) pushUnique(e.programmes, v);
        if (p.startDate?.[0] && !e.listingDate) e.listingDate = p.startDate[0];
      }
    } else if (ent.schema === 'Passport' || ent.schema === 'Identification') {
      for (const holder of p.holder ?? []) {
        const e = byId.get(holder);
        if (!e) continue;
        for (const n of p.number ?? [])
          addIdentifier(
            e,
            ent.schema === 'Passport' ? 'passport' : 'national_id',
            n,
            p.country?.[0] ? { country: p.country[0] } : {},
          );
      }
    }
  }
  return [...byId.values()].map(finishEntity);
}
