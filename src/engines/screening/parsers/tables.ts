/**
 * Tabular lists: EU Regulation 833/2014 annex entities (OpenSanctions EU journal CSV), the US
 * Consolidated Screening List CSV (legacy and current layouts) and the BIS Denied Persons List TSV.
 */
import { parse } from 'csv-parse/sync';
import { type Entity, type EntityKind, emptyEntity, type IdentifierType } from '../model.ts';
import {
  addBirthDate,
  addIdentifier,
  addName,
  finishEntity,
  guessKind,
  identifierType,
  ParseError,
  pushUnique,
  shortHash,
} from './common.ts';

interface Row {
  line: number;
  cells: Record<string, string>;
}

function table(text: string, file: string, opts: { delimiter?: string; required: string[] }): Row[] {
  let body = text;
  if (body.charCodeAt(0) === 0xfeff) body = body.slice(1);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(body, {
      delimiter: opts.delimiter ?? ',',
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw new ParseError(file, e.lines ?? 0, `malformed CSV: ${e.message}`);
  }
  if (records.length === 0) throw new ParseError(file, 1, 'empty file: no header');
  const header = records[0]!.record.map((h) => h.trim());
  for (const r of opts.required)
    if (!header.includes(r)) throw new ParseError(file, 1, `header lacks required column "${r}"`);
  const out: Row[] = [];
  for (const { record, info } of records.slice(1)) {
    if (record.length !== header.length)
      throw new ParseError(file, info.lines, `expected ${header.length} columns, found ${record.length}`);
    const cells: Record<string, string> = {};
    header.forEach((h, i) => {
      cells[h] = (record[i] ?? '').trim();
    });
    out.push({ line: info.lines, cells });
  }
  return out;
}

/** Multi-valued cell: `;`-separated, values may be CSV-quoted (EU journal FORMAT.md). */
export function multi(cell: string | undefined): string[] {
  if (!cell?.trim()) return [];
  try {
    const rec = parse(cell, {
      delimiter: ';',
      trim: true,
      relax_quotes: true,
      relax_column_count: true,
    }) as string[][];
    return (rec[0] ?? []).map((v) => v.trim()).filter(Boolean);
  } catch {
    return cell
      .split(';')
      .map((v) => v.trim())
      .filter(Boolean);
  }
}

const EU833_SCHEMA: Record<string, EntityKind> = {
  Person: 'person',
  LegalEntity: 'organisation',
  Organization: 'organisation',
  Company: 'organisation',
  Vessel: 'vessel',
  Asset: 'other',
};

const EU833_IDS: Array<[string, IdentifierType]> = [
  ['imoNumber', 'imo'],
  ['mmsi', 'mmsi'],
  ['passportNumber', 'passport'],
  ['idNumber', 'national_id'],
  ['registrationNumber', 'registration'],
  ['innCode', 'tax'],
  ['taxNumber', 'tax'],
  ['ogrnCode', 'registration'],
  ['kppCode', 'registration'],
  ['okpoCode', 'registration'],
  ['leiCode', 'registration'],
  ['swiftBic', 'swift'],
];

/**
 * EU 833/2014 consolidated annex CSV: one listing per row (the same name in several annexes stays
 * separate listings). Id: `eu833-<annex>-<recordId>`, or a hash of the name when no record id is printed.
 */
export function parseEu833Csv(text: string, source = 'EU 833/2014 CSV'): Entity[] {
  const out: Entity[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of table(text, source, {
    required: ['celex', 'recordId', 'annex', 'schema', 'name'],
  })) {
    const kind = EU833_SCHEMA[cells.schema!];
    if (!kind) throw new ParseError(source, line, `unknown schema "${cells.schema}"`);
    if (!cells.name) throw new ParseError(source, line, 'empty name');
    const annex = cells.annex || 'NA';
    let id = `eu833-${annex}-${cells.recordId || shortHash(cells.schema!, cells.name)}`;
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    if (n > 1) id = `${id}-${n}`;
    const e = emptyEntity(id, kind, 'eu-833');
    addName(e, cells.name, 'primary');
    for (const a of multi(cells.alias)) addName(e, a, 'alias');
    for (const a of multi(cells.weakAlias)) addName(e, a, 'weak');
    for (const a of multi(cells.previousName)) addName(e, a, 'alias', { previous: true });
    for (const [col, type] of EU833_IDS) for (const v of multi(cells[col])) addIdentifier(e, type, v);
    for (const v of multi(cells.nationality)) pushUnique(e.nationalities, v);
    for (const col of ['country', 'jurisdiction', 'flag'])
      for (const v of multi(cells[col])) pushUnique(e.countries, v);
    for (const v of multi(cells.birthDate)) addBirthDate(e, v);
    for (const v of multi(cells.address)) e.addresses.push({ text: v });
    pushUnique(e.programmes, `${cells.programKey ?? ''} ${cells.celex ?? ''} Annex ${annex}`.trim());
    if (cells.measure) e.remarks.push(`measure: ${cells.measure}`);
    if (cells.startDate) e.listingDate = cells.startDate;
    if (cells.reason) e.remarks.push(cells.reason);
    for (const v of multi(cells.notes)) e.remarks.push(v);
    out.push(finishEntity(e));
  }
  return out;
}

const CSL_TYPES: Record<string, EntityKind> = {
  individual: 'person',
  entity: 'organisation',
  vessel: 'vessel',
  aircraft: 'aircraft',
};

/** US Consolidated Screening List CSV, legacy (2019) or current (with `_id`) layout. */
export function parseUsCsl(text: string, source = 'US CSL CSV'): Entity[] {
  const out: Entity[] = [];
  const seen = new Set<string>();
  for (const { line, cells } of table(text, source, { required: ['source', 'name', 'alt_names', 'ids'] })) {
    if (!cells.name) throw new ParseError(source, line, 'empty name');
    const kind = CSL_TYPES[(cells.type ?? '').toLowerCase()] ?? guessKind(cells.name);
    let id = `csl-${cells._id || cells.entity_number || shortHash(cells.source!, cells.name, cells.start_date ?? '')}`;
    if (seen.has(id)) id = `${id}-${shortHash(String(line))}`;
    seen.add(id);
    const e = emptyEntity(id, kind, 'us-csl');
    addName(e, cells.name, 'primary');
    for (const a of (cells.alt_names ?? '').split(';')) addName(e, a, 'alias');
    pushUnique(e.programmes, cells.source);
    for (const p of (cells.programs ?? '').split(';')) pushUnique(e.programmes, p);
    for (const a of (cells.addresses ?? '').split(';')) {
      const t = a.trim();
      if (!t) continue;
      const parts = t.split(',').map((x) => x.trim());
      const last = parts[parts.length - 1];
      e.addresses.push({ text: t, ...(last && /^[A-Z]{2}$/.test(last) ? { country: last } : {}) });
    }
    for (const c of (cells.citizenships ?? '').split(';')) pushUnique(e.nationalities, c);
    for (const c of (cells.nationalities ?? '').split(';')) pushUnique(e.nationalities, c);
    for (const d of (cells.dates_of_birth ?? '').split(';')) addBirthDate(e, d);
    for (const item of (cells.ids ?? '').split(';')) {
      const parts = item.split(',').map((x) => x.trim());
      if (parts.length < 2) continue;
      const label = parts[parts.length - 1]!;
      const country = parts.length >= 3 && /^[A-Z]{2}$/.test(parts[0]!) ? parts[0] : undefined;
      let value = parts.slice(country ? 1 : 0, -1).join(', ');
      let type = identifierType(label);
      const imo = /^IMO (\d{7})$/.exec(value);
      if (imo) {
        value = imo[1]!;
        type = 'imo';
      }
      if (type === 'other' && !/\d/.test(value)) continue;
      addIdentifier(e, type, value, country ? { country } : {});
    }
    if (cells.vessel_flag) pushUnique(e.countries, cells.vessel_flag);
    if (cells.start_date) e.listingDate = cells.start_date;
    if (cells.remarks) e.remarks.push(cells.remarks);
    if (cells.title) e.remarks.push(`title: ${cells.title}`);
    out.push(finishEntity(e));
  }
  return out;
}

/** BIS Denied Persons List: tab-separated, quoted fields. */
export function parseBisDpl(text: string, source = 'BIS DPL TSV'): Entity[] {
  const out: Entity[] = [];
  const seen = new Set<string>();
  const rows = table(text, source, {
    delimiter: '\t',
    required: ['Name', 'Street_Address', 'City', 'Country', 'Effective_Date', 'FR_Citation'],
  });
  for (const { line, cells } of rows) {
    const name = cells.Name!.trim();
    if (!name) throw new ParseError(source, line, 'empty Name');
    let id = `dpl-${shortHash(name, cells.Effective_Date ?? '')}`;
    if (seen.has(id)) id = `dpl-${shortHash(name, cells.Effective_Date ?? '', cells.Street_Address ?? '')}`;
    // the real file repeats some records verbatim: keep them apart by position
    if (seen.has(id)) id = `${id}-${line}`;
    seen.add(id);
    const e = emptyEntity(id, guessKind(name), 'bis-dpl');
    addName(e, name, 'primary');
    const parts = [cells.Street_Address, cells.City, cells.State, cells.Postal_Code, cells.Country].filter(
      (x) => x?.trim(),
    );
    if (parts.length)
      e.addresses.push({
        text: parts.join(', '),
        ...(cells.City ? { city: cells.City } : {}),
        ...(cells.Country ? { country: cells.Country } : {}),
      });
    pushUnique(e.programmes, 'BIS Denied Persons List');
    if (cells.Effective_Date) e.listingDate = cells.Effective_Date;
    for (const k of ['Expiration_Date', 'Standard_Order', 'Last_Update', 'Action', 'FR_Citation'])
      if (cells[k]) e.remarks.push(`${k}: ${cells[k]}`);
    out.push(finishEntity(e));
  }
  return out;
}
