/**
 * XLSForm spellings: column headers (with the variants real tools write), language suffixes,
 * question types, the EUCAB custom columns, and what is ignored or blocking.
 */
import type { Language } from '../model.ts';

/** EUCAB columns: XLSForm tools ignore unknown columns, so these carry what XLSForm cannot say. */
export const EUCAB = {
  /** survey: `scale`, `yes_no` or `multilingual_text` on a select_one/text row. */
  type: 'eucab::type',
  /** survey: the platform code list of a select's choices or of a matrix's rows. */
  codeList: 'eucab::code_list',
  /** survey and choices: the platform code bound to the question / choice / matrix row, as `list:code`. */
  code: 'eucab::code',
  /** survey (begin repeat): minimum and maximum number of entries. */
  minCount: 'eucab::min_count',
  maxCount: 'eucab::max_count',
  /** settings: the version this one follows and the codes it keeps (space-separated). */
  previousVersion: 'eucab::previous_version',
  keeps: 'eucab::keeps',
} as const;

/** The sheet listing what was left out at import (written back so the list survives a round trip). */
export const LEFT_OUT_SHEET = 'eucab_left_out';
/** Choice lists the writer generates start with this; the reader drops them (reserved prefix). */
export const GENERATED_LIST_PREFIX = 'eucab_';
export const YES_NO_LIST = 'eucab_yes_no';
export const codeListSnapshot = (codeList: string): string => `eucab_codes_${codeList}`;
/** Kobo's matrix: the column on `begin_kobomatrix` naming the row list. */
export const KOBO_MATRIX_LIST = 'kobo--matrix_list';

/** Columns whose values are per language (`label::English (en)`). */
export const LOCALIZED = new Set([
  'label',
  'hint',
  'constraint_message',
  'required_message',
  'guidance_hint',
  'media',
]);

export const SURVEY_COLUMNS = new Set([
  'type',
  'name',
  'label',
  'hint',
  'required',
  'required_message',
  'constraint',
  'constraint_message',
  'relevant',
  'calculation',
  'default',
  'choice_filter',
  'read_only',
  'repeat_count',
  'parameters',
  KOBO_MATRIX_LIST,
  ...Object.values(EUCAB),
]);
/** Presentation-only columns: ignored with a warning. */
export const PRESENTATION_COLUMNS = new Set([
  'appearance',
  'media',
  'guidance_hint',
  'image',
  'audio',
  'video',
  'big-image',
  'autoplay',
  'style',
  'body',
]);
export const SETTINGS_COLUMNS = new Set([
  'form_title',
  'form_id',
  'version',
  'default_language',
  EUCAB.previousVersion,
  EUCAB.keeps,
]);

const ALIASES: Record<string, string> = {
  'jr:constraintmsg': 'constraint_message',
  'jr:requiredmsg': 'required_message',
  'jr:count': 'repeat_count',
  readonly: 'read_only',
  list: 'list_name',
  'list-name': 'list_name',
};

export interface Header {
  /** Column index (1-based, as in exceljs). */
  col: number;
  raw: string;
  /** Normalised base name: `label`, `constraint_message`, `eucab::code`, or an extra choice column. */
  base: string;
  /** The language suffix as written (`English (en)`), if any. */
  lang?: string;
}

export function parseHeader(raw: string, col: number): Header | null {
  const text = raw.trim();
  if (text === '') return null;
  const lower = text.toLowerCase();
  if (lower.startsWith('eucab::'))
    return { col, raw, base: `eucab::${lower.slice(7).trim().replace(/\s+/g, '_')}` };
  if (lower === KOBO_MATRIX_LIST) return { col, raw, base: KOBO_MATRIX_LIST };
  const sep = text.indexOf('::');
  const head = sep < 0 ? text : text.slice(0, sep);
  let base = head.trim().toLowerCase().replace(/\s+/g, '_');
  base = ALIASES[base] ?? base;
  if (sep < 0) return { col, raw, base };
  const rest = text.slice(sep + 2).trim();
  if (base === 'media') {
    // media::image::English (en)
    const sep2 = rest.indexOf('::');
    return { col, raw, base, ...(sep2 >= 0 ? { lang: rest.slice(sep2 + 2).trim() } : {}) };
  }
  return { col, raw, base, lang: rest };
}

/** `English (en)` → { code: 'en', name: 'English' }; `en` → { code: 'en' }; `French` → { code: 'French' }. */
export function parseLanguage(spec: string): Language {
  const m = /^(.*?)\s*\(([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\)\s*$/.exec(spec.trim());
  if (m?.[1]) return { code: m[2]!, name: m[1] };
  return { code: spec.trim() };
}

/** How a language is written after `::`. */
export const languageSpec = (l: Language): string => (l.name ? `${l.name} (${l.code})` : l.code);

/** The language of plain (unsuffixed) columns when the form names none. */
export const PLAIN_LANGUAGE = 'default';

export type ParsedType =
  | { kind: 'begin'; container: 'group' | 'repeat' | 'matrix' }
  | { kind: 'end'; container: 'group' | 'repeat' | 'matrix' }
  | { kind: 'select'; multiple: boolean; list: string; orOther: boolean }
  | { kind: 'simple'; type: string }
  | { kind: 'metadata'; type: string }
  | { kind: 'blocked'; reason: string }
  | { kind: 'unknown'; type: string };

/** Metadata types: the platform records who answered and when itself; ignored with a warning. */
export const METADATA_TYPES = new Set([
  'start',
  'end',
  'today',
  'deviceid',
  'subscriberid',
  'simserial',
  'phonenumber',
  'username',
  'email',
  'audit',
  'start-geopoint',
  'background-audio',
  'background-geopoint',
  'uri:deviceid',
  'uri:email',
  'uri:username',
  'uri:phonenumber',
  'uri:subscriberid',
  'uri:simserial',
]);

const SIMPLE_ALIASES: Record<string, string> = {
  int: 'integer',
  string: 'text',
  photo: 'image',
  gps: 'geopoint',
  location: 'geopoint',
  datetime: 'datetime',
  trigger: 'acknowledge',
};
export const SIMPLE_TYPES = new Set([
  'integer',
  'decimal',
  'range',
  'text',
  'date',
  'time',
  'datetime',
  'geopoint',
  'image',
  'audio',
  'video',
  'file',
  'barcode',
  'note',
  'calculate',
  'acknowledge',
]);

export function parseType(raw: string): ParsedType {
  const s = raw.trim().replace(/\s+/g, ' ');
  const lower = s.toLowerCase();
  const be = /^(begin|end)[ _](group|repeat|kobomatrix|rank|score)$/.exec(lower);
  if (be) {
    if (be[2] === 'rank') return { kind: 'blocked', reason: 'Kobo rank groups are not supported' };
    if (be[2] === 'score')
      return { kind: 'blocked', reason: 'Kobo score groups are not supported; use a matrix' };
    const container = be[2] === 'kobomatrix' ? 'matrix' : (be[2] as 'group' | 'repeat');
    return { kind: be[1] as 'begin' | 'end', container };
  }
  if (/^select[ _](one|multiple)[ _]from[ _]file\b/.test(lower))
    return {
      kind: 'blocked',
      reason: `${s.split(' ')[0]}: choices from a file outside the workbook are not supported`,
    };
  const sel = /^(select[ _]one|select[ _]multiple|select all that apply) (\S+)( or[_ ]other)?$/i.exec(s);
  if (sel) {
    const multiple = !/^select[ _]one$/i.test(sel[1]!);
    return { kind: 'select', multiple, list: sel[2]!, orOther: sel[3] !== undefined };
  }
  if (/^(select[ _]one|select[ _]multiple|select all that apply)$/.test(lower))
    return { kind: 'unknown', type: `${s} (without a choice list)` };
  if (/^rank\b/.test(lower)) return { kind: 'blocked', reason: 'rank questions are not supported' };
  if (lower === 'geotrace' || lower === 'geoshape')
    return { kind: 'blocked', reason: `${lower}: lines and shapes are not supported (only geopoint)` };
  if (lower === 'xml-external' || lower === 'csv-external')
    return { kind: 'blocked', reason: `${lower}: data from a file outside the workbook is not supported` };
  if (METADATA_TYPES.has(lower)) return { kind: 'metadata', type: lower };
  const simple = SIMPLE_ALIASES[lower] ?? lower;
  if (SIMPLE_TYPES.has(simple)) return { kind: 'simple', type: simple };
  return { kind: 'unknown', type: s };
}

/** XLSForm booleans: yes / true / TRUE / true() (and 1). Null when the text is not a boolean. */
export function parseBoolean(raw: string): boolean | null {
  const s = raw.trim().toLowerCase();
  if (s === '' || s === 'no' || s === 'false' || s === 'false()' || s === '0') return false;
  if (s === 'yes' || s === 'true' || s === 'true()' || s === '1') return true;
  return null;
}

/** `start=1 end=5 step=1` → { start: '1', end: '5', step: '1' } (also with ; or , between). */
export function parseParameters(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of raw.matchAll(/([A-Za-z_-]+)\s*=\s*([^\s;,]+)/g)) out[m[1]!.toLowerCase()] = m[2]!;
  return out;
}

/** Labels of the generated yes/no choice list, per language code (English when not known). */
export const YES_NO_LABELS: Record<string, [string, string]> = {
  en: ['Yes', 'No'],
  fr: ['Oui', 'Non'],
  de: ['Ja', 'Nein'],
  nl: ['Ja', 'Nee'],
  es: ['Sí', 'No'],
  it: ['Sì', 'No'],
  pt: ['Sim', 'Não'],
  pl: ['Tak', 'Nie'],
};
