/**
 * Goods measures: CN/HS code prefixes + direction + country condition + validity dates +
 * exemptions + legal basis. A declaration line hits a measure only when all of them apply.
 * First measures shipped: Annex XL and Annex XLVIII of Regulation (EU) 833/2014 (export, and
 * transit, with Russia as country of destination), built from the annex CSV.
 */
import { parse } from 'csv-parse/sync';
import { countryCode } from './countries.ts';
import { ParseError } from './parsers/common.ts';

export type Direction = 'import' | 'export' | 'transit';

export interface CountryCondition {
  /** Which country of the declaration line is tested. */
  role: 'destination' | 'origin' | 'dispatch';
  /** ISO-2 codes. */
  countries: string[];
}

export interface Exemption {
  id: string;
  description: string;
  /** Exemption applies only to these code prefixes (all codes of the measure when absent). */
  codePrefixes?: string[];
  /** The declaration line claims the exemption with this flag (e.g. an authorisation type). */
  flag: string;
}

export interface GoodsMeasure {
  id: string;
  title: string;
  /** Digits only: HS-6, CN-8 or TARIC-10 prefixes. */
  codePrefixes: string[];
  /** Description per prefix, when the source gives one. */
  descriptions: Record<string, string>;
  directions: Direction[];
  country: CountryCondition;
  /** ISO dates, inclusive. */
  validFrom: string;
  validTo?: string;
  exemptions: Exemption[];
  legalBasis: string;
}

export interface GoodsLine {
  lineId: string;
  /** CN/TARIC/HS code as declared (spaces and dots allowed). */
  code: string;
  direction: Direction;
  destination?: string;
  origin?: string;
  dispatch?: string;
  /** Date of the declaration (ISO). */
  date: string;
  /** Exemption flags claimed on the line. */
  exemptionFlags?: string[];
}

export interface GoodsHit {
  lineId: string;
  measureId: string;
  matchedPrefix: string;
  description?: string;
  legalBasis: string;
  explanation: string[];
}

export interface GoodsResult {
  hits: GoodsHit[];
  /** Lines that would have hit but for a claimed exemption. */
  exempted: Array<GoodsHit & { exemption: string }>;
}

const digits = (code: string) => code.replace(/[^0-9]/g, '');

export const DIRECTIONS: Direction[] = ['import', 'export', 'transit'];

/** Check one line against one measure; the reasons it does not apply are returned when asked. */
export function applyMeasure(
  line: GoodsLine,
  m: GoodsMeasure,
): { hit?: GoodsHit; exemption?: string; notApplying?: string } {
  const code = digits(line.code);
  const prefix = m.codePrefixes.find((p) => code.startsWith(p));
  if (!prefix) return { notApplying: 'code not covered' };
  if (!m.directions.includes(line.direction))
    return { notApplying: `direction ${line.direction} not covered` };
  const c = countryCode(line[m.country.role]);
  if (!c || !m.country.countries.includes(c))
    return {
      notApplying: `${m.country.role} ${line[m.country.role] ?? '(none)'} not in ${m.country.countries.join(',')}`,
    };
  if (line.date < m.validFrom) return { notApplying: `before ${m.validFrom}` };
  if (m.validTo && line.date > m.validTo) return { notApplying: `after ${m.validTo}` };
  const hit: GoodsHit = {
    lineId: line.lineId,
    measureId: m.id,
    matchedPrefix: prefix,
    legalBasis: m.legalBasis,
    explanation: [
      `code ${line.code} under ${prefix}${m.descriptions[prefix] ? ` (${m.descriptions[prefix]})` : ''}`,
      `direction ${line.direction}`,
      `${m.country.role} ${c}`,
      `in force from ${m.validFrom}${m.validTo ? ` to ${m.validTo}` : ''}, date ${line.date}`,
    ],
  };
  const description = m.descriptions[prefix];
  if (description) hit.description = description;
  for (const ex of m.exemptions) {
    if (!line.exemptionFlags?.includes(ex.flag)) continue;
    if (ex.codePrefixes && !ex.codePrefixes.some((p) => code.startsWith(p))) continue;
    return { hit, exemption: `${ex.id}: ${ex.description}` };
  }
  return { hit };
}

export function screenGoods(lines: GoodsLine[], measures: GoodsMeasure[]): GoodsResult {
  const res: GoodsResult = { hits: [], exempted: [] };
  for (const line of lines) {
    for (const m of measures) {
      const r = applyMeasure(line, m);
      if (!r.hit) continue;
      if (r.exemption) res.exempted.push({ ...r.hit, exemption: r.exemption });
      else res.hits.push(r.hit);
    }
  }
  return res;
}

/** "02014R0833-20260724" -> "2026-07-24". */
export function consolidatedVersionDate(version: string): string | undefined {
  const m = /-(\d{4})(\d{2})(\d{2})$/.exec(version.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/**
 * Measures from the Reg. 833/2014 annex CSV (`hs6,display_code,eu_annex,chpl_tier,eu_description,
 * eu_legal_basis,consolidated_version`): one measure per annex; export and transit with Russia as
 * destination; in force from the consolidated version's date; legal basis as given in the file.
 */
export function measuresFromAnnexCsv(text: string, source = 'annex CSV'): GoodsMeasure[] {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw new ParseError(source, e.lines ?? 0, `malformed CSV: ${e.message}`);
  }
  const header = records[0]?.record.map((h) => h.trim()) ?? [];
  const need = ['hs6', 'eu_annex', 'eu_description', 'eu_legal_basis', 'consolidated_version'];
  for (const n of need)
    if (!header.includes(n)) throw new ParseError(source, 1, `header lacks column "${n}"`);
  const col = (r: string[], n: string) => (r[header.indexOf(n)] ?? '').trim();
  const byAnnex = new Map<string, GoodsMeasure>();
  for (const { record, info } of records.slice(1)) {
    if (record.length !== header.length)
      throw new ParseError(source, info.lines, `expected ${header.length} columns, found ${record.length}`);
    const hs6 = col(record, 'hs6');
    if (!/^\d{6}$/.test(hs6)) throw new ParseError(source, info.lines, `hs6 "${hs6}" is not 6 digits`);
    const annex = col(record, 'eu_annex');
    if (!annex) throw new ParseError(source, info.lines, 'empty eu_annex');
    const from = consolidatedVersionDate(col(record, 'consolidated_version'));
    if (!from)
      throw new ParseError(
        source,
        info.lines,
        `consolidated_version "${col(record, 'consolidated_version')}" has no date`,
      );
    const legalBasis = `${col(record, 'eu_legal_basis')} of Council Regulation (EU) No 833/2014, Annex ${annex}`;
    let m = byAnnex.get(annex);
    if (!m) {
      m = {
        id: `eu-833-2014-annex-${annex}`,
        title: `Reg. (EU) 833/2014 Annex ${annex}: sale, supply, transfer or export to Russia prohibited`,
        codePrefixes: [],
        descriptions: {},
        directions: ['export', 'transit'],
        country: { role: 'destination', countries: ['RU'] },
        validFrom: from,
        exemptions: [],
        legalBasis,
      };
      byAnnex.set(annex, m);
    } else if (from > m.validFrom) m.validFrom = from;
    if (!m.codePrefixes.includes(hs6)) m.codePrefixes.push(hs6);
    m.descriptions[hs6] = col(record, 'eu_description');
    // rows of one annex may cite different articles: keep every distinct legal basis
    if (!m.legalBasis.includes(col(record, 'eu_legal_basis')))
      m.legalBasis = `${m.legalBasis}; ${legalBasis}`;
  }
  return [...byAnnex.values()];
}
