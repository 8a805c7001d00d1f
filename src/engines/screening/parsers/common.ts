import { createHash } from 'node:crypto';
import { countryCodes } from '../countries.ts';
import {
  detectScript,
  type Entity,
  type EntityKind,
  type EntityName,
  type IdentifierType,
  makeIdentifier,
  type NameStrength,
  parseBirthDate,
} from '../model.ts';
import { normalizeName } from '../normalize.ts';

/** A malformed list file: rejected with the line and the reason. */
export class ParseError extends Error {
  constructor(
    readonly source: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${source}: line ${line}: ${reason}`);
    this.name = 'ParseError';
  }
}

/** Counts of raw source records, for checks against the published counts. */
export interface ParseStats {
  /** Alias records read (before de-duplication of equal names). */
  aliases: number;
  /** Secondary-file rows that reference no primary entry (skipped). */
  orphans: number;
  /** Records carrying a name in its original script (UN NAME_ORIGINAL_SCRIPT). */
  originalScript: number;
}

export const newStats = (): ParseStats => ({ aliases: 0, orphans: 0, originalScript: 0 });

export type TextInput = string | AsyncIterable<string | Buffer> | Iterable<string | Buffer>;

export async function readAll(input: TextInput): Promise<string> {
  if (typeof input === 'string') return input;
  let s = '';
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of input as AsyncIterable<string | Buffer>)
    s += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return s + decoder.decode();
}

export function shortHash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 12);
}

export function addName(
  e: Entity,
  value: string | undefined,
  strength: NameStrength,
  extra: Partial<EntityName> = {},
) {
  const v = value?.replace(/\s+/g, ' ').trim();
  if (!v) return;
  if (e.names.some((n) => n.value === v && n.strength === strength)) return;
  const n: EntityName = { value: v, strength, script: detectScript(v), ...extra };
  e.names.push(n);
}

export function addIdentifier(
  e: Entity,
  type: IdentifierType,
  value: string | undefined,
  extra: { country?: string; note?: string } = {},
) {
  if (!value?.trim()) return;
  const id = makeIdentifier(type, value, extra);
  if (id && !e.identifiers.some((x) => x.type === id.type && x.normalized === id.normalized))
    e.identifiers.push(id);
}

export function addBirthDate(e: Entity, text: string | undefined) {
  if (!text?.trim()) return;
  const b = parseBirthDate(text);
  if (b && !e.birthDates.some((x) => x.text === b.text)) e.birthDates.push(b);
}

export function pushUnique(list: string[], value: string | undefined) {
  const v = value?.trim();
  if (v && !list.includes(v)) list.push(v);
}

/** Resolve ISO-2 codes for nationalities, countries and address countries. */
export function finishEntity(e: Entity): Entity {
  e.countryCodes = countryCodes([...e.nationalities, ...e.countries, ...e.addresses.map((a) => a.country)]);
  return e;
}

/** Type of an identifier from the label a list prints. */
export function identifierType(label: string): IdentifierType {
  const l = label.toLowerCase();
  if (/\bimo\b/.test(l)) return 'imo';
  if (/mmsi/.test(l)) return 'mmsi';
  if (/passport/.test(l)) return 'passport';
  if (
    /national id|cedula|identification number|identity card|\bnit\b|curp|\bid no|personal id|dni|\bssn\b/.test(
      l,
    )
  )
    return 'national_id';
  if (/tax|\binn\b|\brfc\b|vat/.test(l)) return 'tax';
  if (/swift|bic/.test(l)) return 'swift';
  if (/aircraft|serial number|msn|tail/.test(l)) return 'aircraft';
  if (/regist|ogrn|matricula|company number|business number|\blei\b|okpo|kpp|d-u-n-s/.test(l))
    return 'registration';
  return 'other';
}

/** Kind of a party when the list does not say: a legal form or an org word makes it an organisation. */
export function guessKind(name: string): EntityKind {
  const n = normalizeName(name, 'org');
  if (n.legal.length > 0 || n.tokens.some((t) => t.cls === 'symbol')) return 'organisation';
  return 'person';
}

/** saxes errors read "<file>:<line>:<column>: <message>". */
export function xmlErrorLine(err: Error, fallback: number): number {
  const m = /:(\d+):\d+: /.exec(err.message);
  return m ? Number(m[1]) : fallback;
}

export function xmlErrorReason(err: Error): string {
  return err.message.replace(/^.*?:\d+:\d+: /, '');
}
