/**
 * One entity model for every sanctions list (UN, OFAC, EU FSF, EU 833, FtM, US CSL, BIS DPL).
 * Pure data types plus the content hash used to detect "entry changed" between list versions.
 */
import { createHash } from 'node:crypto';

export type EntityKind = 'person' | 'organisation' | 'vessel' | 'aircraft' | 'other';

/** primary: the listed name; alias: good-quality a.k.a./f.k.a.; weak: low-quality alias. */
export type NameStrength = 'primary' | 'alias' | 'weak';

export interface EntityName {
  value: string;
  strength: NameStrength;
  /** ISO 639 language code when the source states it. */
  lang?: string;
  /** Script detected from the characters: Latin, Cyrillic, Arabic, Greek, Hebrew, Han, ... */
  script?: string;
  /** f.k.a. / previous name. */
  previous?: boolean;
}

export type IdentifierType =
  | 'imo'
  | 'mmsi'
  | 'passport'
  | 'national_id'
  | 'registration'
  | 'tax'
  | 'swift'
  | 'aircraft'
  | 'other';

export interface Identifier {
  type: IdentifierType;
  value: string;
  /** Upper-case alphanumerics only: the form compared. */
  normalized: string;
  country?: string;
  note?: string;
}

/** Birth date: exact (YYYY-MM-DD), month (YYYY-MM), year, or a year range. */
export interface BirthDate {
  kind: 'exact' | 'month' | 'year' | 'range';
  /** As printed in the source. */
  text: string;
  date?: string;
  year?: number;
  fromYear?: number;
  toYear?: number;
  approximate?: boolean;
}

export interface Address {
  text: string;
  city?: string;
  country?: string;
}

export interface Entity {
  /** Stable id, prefixed by the source list, e.g. `un-6907993`, `ofac-sdn-306`. */
  id: string;
  kind: EntityKind;
  names: EntityName[];
  identifiers: Identifier[];
  birthDates: BirthDate[];
  /** Free-text or ISO-2 country values as given; `countryCodes` holds the ISO-2 codes resolved. */
  nationalities: string[];
  countries: string[];
  countryCodes: string[];
  addresses: Address[];
  programmes: string[];
  sourceList: string;
  listingDate?: string;
  remarks: string[];
}

export function emptyEntity(id: string, kind: EntityKind, sourceList: string): Entity {
  return {
    id,
    kind,
    names: [],
    identifiers: [],
    birthDates: [],
    nationalities: [],
    countries: [],
    countryCodes: [],
    addresses: [],
    programmes: [],
    sourceList,
    remarks: [],
  };
}

export function primaryName(e: Entity): string {
  return (e.names.find((n) => n.strength === 'primary') ?? e.names[0])?.value ?? '';
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value as Record<string, unknown>)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Content hash of an entity (sha-256 of a canonical JSON form, key order independent).
 * A dismissed (party x entry) pair stays suppressed while this hash is unchanged.
 */
export function entityHash(e: Entity): string {
  return createHash('sha256').update(canonicalJson(e)).digest('hex').slice(0, 32);
}

const SCRIPT_TESTS: Array<[string, RegExp]> = [
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Han', /\p{Script=Han}/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Japanese', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Georgian', /\p{Script=Georgian}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
];

export function detectScript(text: string): string {
  for (const [name, re] of SCRIPT_TESTS) if (re.test(text)) return name;
  return 'Latin';
}

export function normalizeIdentifier(value: string): string {
  return value
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '');
}

export function makeIdentifier(
  type: IdentifierType,
  value: string,
  extra: { country?: string; note?: string } = {},
): Identifier | undefined {
  const v = value.trim();
  let normalized = normalizeIdentifier(v);
  if (type === 'imo' || type === 'mmsi') normalized = normalized.replace(/^(IMO|MMSI)/, '');
  if (!normalized) return undefined;
  const id: Identifier = { type, value: v, normalized };
  if (extra.country) id.country = extra.country;
  if (extra.note) id.note = extra.note;
  return id;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Parse a free-form birth date: `1951-02-09`, `09 Feb 1951`, `4 Apr. 1944`, `Feb 1951`, `1951`,
 * `circa 1952`, `Approximately 1952`, `1973 to 1974`, `1973-1974`, `09.02.1951`, `02/09/1951` (US).
 */
export function parseBirthDate(text: string): BirthDate | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const approximate = /circa|approx|about|\bca\.?\b/i.test(t);
  const s = t
    .replace(/circa|approximately|approx\.?|about|\bca\.?/gi, '')
    .trim()
    .replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return { kind: 'exact', text: t, date: `${m[1]}-${m[2]}-${m[3]}`, year: Number(m[1]), approximate };
  m = /^(\d{1,2})[ .-]([A-Za-z]{3})[a-z]*\.?[ .-](\d{4})$/.exec(s);
  if (m && MONTHS[m[2]!.toLowerCase()]) {
    const mo = MONTHS[m[2]!.toLowerCase()]!;
    return {
      kind: 'exact',
      text: t,
      date: `${m[3]}-${pad(mo)}-${pad(Number(m[1]))}`,
      year: Number(m[3]),
      approximate,
    };
  }
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m)
    return {
      kind: 'exact',
      text: t,
      date: `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`,
      year: Number(m[3]),
      approximate,
    };
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m)
    return {
      kind: 'exact',
      text: t,
      date: `${m[3]}-${pad(Number(m[1]))}-${pad(Number(m[2]))}`,
      year: Number(m[3]),
      approximate,
    };
  m = /^([A-Za-z]{3})[a-z]*\.? (\d{4})$/.exec(s);
  if (m && MONTHS[m[1]!.toLowerCase()])
    return {
      kind: 'month',
      text: t,
      date: `${m[2]}-${pad(MONTHS[m[1]!.toLowerCase()]!)}`,
      year: Number(m[2]),
      approximate,
    };
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) return { kind: 'month', text: t, date: `${m[1]}-${m[2]}`, year: Number(m[1]), approximate };
  m = /^(\d{4}) ?(?:to|-|–|and) ?(\d{4})$/i.exec(s);
  if (m) return { kind: 'range', text: t, fromYear: Number(m[1]), toYear: Number(m[2]), approximate };
  m = /^(\d{4})$/.exec(s);
  if (m) return { kind: 'year', text: t, year: Number(m[1]), approximate };
  m = /(\d{4})/.exec(s);
  if (m) return { kind: 'year', text: t, year: Number(m[1]), approximate: true };
  return undefined;
}

/** Year interval [from, to] covered by a birth date (approximate dates widened by one year). */
export function birthYearSpan(b: BirthDate): [number, number] | undefined {
  const slack = b.approximate ? 1 : 0;
  if (b.kind === 'range' && b.fromYear && b.toYear) return [b.fromYear - slack, b.toYear + slack];
  if (b.year) return [b.year - slack, b.year + slack];
  return undefined;
}
