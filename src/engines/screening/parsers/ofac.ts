/**
 * OFAC legacy CSV sets (SDN and consolidated non-SDN): sdn/prim.csv + alt.csv + add.csv +
 * sdn_comments.csv. No header, `-0-` = null, trailing 0x1A byte, "LAST, First" names; remarks carry
 * birth dates, identifiers, nationalities and weak a.k.a. names.
 */
import { parse } from 'csv-parse/sync';
import { type Entity, type EntityKind, emptyEntity } from '../model.ts';
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
} from './common.ts';

export interface OfacFiles {
  sdn: string;
  alt?: string;
  add?: string;
  comments?: string;
}

const NULL = '-0-';

function clean(v: string | undefined): string {
  const t = (v ?? '').trim();
  return t === NULL ? '' : t;
}

function rows(text: string, file: string, columns: number): Array<{ line: number; cells: string[] }> {
  let body = text;
  if (body.charCodeAt(0) === 0xfeff) body = body.slice(1);
  // trailing SUB (0x1A) byte of the OFAC files
  while (/\s$/.test(body)) body = body.slice(0, -1);
  if (body.endsWith(String.fromCharCode(0x1a))) body = body.slice(0, -1);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(body, {
      relax_column_count: true,
      info: true,
      skip_empty_lines: true,
      relax_quotes: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw new ParseError(file, e.lines ?? 0, `malformed CSV: ${e.message}`);
  }
  const out: Array<{ line: number; cells: string[] }> = [];
  for (const r of records) {
    const line = r.info.lines;
    if (r.record.length !== columns)
      throw new ParseError(file, line, `expected ${columns} columns, found ${r.record.length}`);
    if (!/^\d+$/.test(r.record[0]!.trim()))
      throw new ParseError(file, line, `ent_num "${r.record[0]}" is not a number`);
    out.push({ line, cells: r.record });
  }
  return out;
}

const KINDS: Record<string, EntityKind> = { individual: 'person', vessel: 'vessel', aircraft: 'aircraft' };

const ID_LABELS =
  "Passport|National ID No\\.|Cedula No\\.|Tax ID No\\.?|Registration ID|Identification Number|SSN|NIT #|RFC|C\\.U\\.R\\.P\\.|D\\.N\\.I\\.|Personal ID Card|Business Registration Number|Registration Number|Company Number|SWIFT/BIC|Aircraft Manufacturer's Serial Number \\(MSN\\)|Aircraft Tail Number|Vessel Registration Identification|Public Security and Immigration No\\.|Birth Certificate Number|Commercial Registry Number|Chamber of Commerce Number|Matricula Mercantil No|Italian Fiscal Code|Residency Number|Legal Entity Number|LE Number|UK Company Number|Trade License No\\.|Kenyan ID No\\.|Diplomatic Passport|Stateless Person Passport|Refugee ID Card|Driver's License No\\.";

const REMARK_RULES: Array<[RegExp, (e: Entity, m: RegExpExecArray, item: string) => void]> = [
  [/^(?:alt\. )?DOB (.+)$/i, (e, m) => addBirthDate(e, m[1])],
  [
    /^(a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s+'(.+)'\.?$/i,
    (e, m) => addName(e, m[2], 'weak', /^f/i.test(m[1]!) ? { previous: true } : {}),
  ],
  [/^(?:alt\. )?(?:nationality|citizen) (.+)$/i, (e, m) => pushUnique(e.nationalities, m[1])],
  [/^Vessel Registration Identification (?:IMO )?(\d{7})$/i, (e, m) => addIdentifier(e, 'imo', m[1])],
  [/^IMO (\d{7})$/i, (e, m) => addIdentifier(e, 'imo', m[1])],
  [/^MMSI (\d{9})$/i, (e, m) => addIdentifier(e, 'mmsi', m[1])],
  [
    new RegExp(`^(?:alt\\. )?(${ID_LABELS})\\s+(.+?)(?:\\s+\\(([^)]*)\\))?$`, 'i'),
    (e, m) => addIdentifier(e, identifierType(m[1]!), m[2], m[3] ? { country: m[3] } : {}),
  ],
];

/** Apply the structured parts of an OFAC remarks field to the entity; the rest stays as remarks. */
export function applyOfacRemarks(e: Entity, remarks: string): void {
  const text = remarks.trim().replace(/\.$/, '');
  if (!text) return;
  for (const rawItem of text.split(/;\s*/)) {
    const item = rawItem.trim();
    if (!item) continue;
    let done = false;
    for (const [re, apply] of REMARK_RULES) {
      const m = re.exec(item);
      if (m) {
        apply(e, m, item);
        done = true;
        break;
      }
    }
    if (!done) e.remarks.push(item);
  }
}

/** Parse an OFAC legacy CSV set. `list` names the source (e.g. `ofac-sdn`, `ofac-cons`). */
export function parseOfac(files: OfacFiles, list = 'ofac-sdn', stats: ParseStats = newStats()): Entity[] {
  const byId = new Map<string, Entity>();
  const remarksById = new Map<string, string>();
  for (const { line, cells } of rows(files.sdn, `${list} sdn.csv`, 12)) {
    const [num, name, type, program, title, callSign, vessType, tonnage, grt, flag, owner, remarks] =
      cells.map(clean);
    if (!name) throw new ParseError(`${list} sdn.csv`, line, 'empty SDN_Name');
    const kind = KINDS[(type ?? '').toLowerCase()] ?? 'organisation';
    if (byId.has(num!)) throw new ParseError(`${list} sdn.csv`, line, `duplicate ent_num ${num}`);
    const e = emptyEntity(`${list}-${num}`, kind, list);
    addName(e, name, 'primary');
    for (const p of (program ?? '').split(/\]\s*\[/)) pushUnique(e.programmes, p.replace(/[[\]]/g, ''));
    if (title) e.remarks.push(`title: ${title}`);
    if (callSign) addIdentifier(e, 'registration', callSign, { note: 'call sign' });
    if (vessType) e.remarks.push(`vessel type: ${vessType}`);
    if (tonnage) e.remarks.push(`tonnage: ${tonnage}`);
    if (grt) e.remarks.push(`GRT: ${grt}`);
    if (flag) pushUnique(e.countries, flag);
    if (owner) e.remarks.push(`owner: ${owner}`);
    if (remarks) remarksById.set(num!, remarks);
    byId.set(num!, e);
  }
  // rows of the secondary files that reference no primary entry are skipped and counted
  const find = (num: string) => {
    const e = byId.get(num.trim());
    if (!e) stats.orphans++;
    return e;
  };
  if (files.comments) {
    for (const { cells } of rows(files.comments, `${list} sdn_comments.csv`, 2)) {
      if (!find(cells[0]!)) continue;
      const num = cells[0]!.trim();
      remarksById.set(num, `${remarksById.get(num) ?? ''}${clean(cells[1])}`);
    }
  }
  for (const [num, remarks] of remarksById) applyOfacRemarks(byId.get(num)!, remarks);
  if (files.alt) {
    for (const { line, cells } of rows(files.alt, `${list} alt.csv`, 5)) {
      const e = find(cells[0]!);
      stats.aliases++;
      if (!e) continue;
      const type = clean(cells[2]).toLowerCase();
      const name = clean(cells[3]);
      if (!name) throw new ParseError(`${list} alt.csv`, line, 'empty alt_name');
      addName(e, name, 'alias', type === 'fka' ? { previous: true } : {});
      if (clean(cells[4])) e.remarks.push(`alias ${name}: ${clean(cells[4])}`);
    }
  }
  if (files.add) {
    for (const { cells } of rows(files.add, `${list} add.csv`, 6)) {
      const e = find(cells[0]!);
      if (!e) continue;
      const [, , street, cityLine, country, remarks] = cells.map(clean);
      const text = [street, cityLine, country].filter(Boolean).join(', ');
      if (!text) continue;
      e.addresses.push({ text, ...(cityLine ? { city: cityLine } : {}), ...(country ? { country } : {}) });
      if (remarks) e.remarks.push(`address: ${remarks}`);
    }
  }
  return [...byId.values()].map(finishEntity);
}
