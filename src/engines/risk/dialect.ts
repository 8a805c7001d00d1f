/**
 * File dialect of a declaration file: compression (gzip), text encoding, field delimiter, decimal and
 * thousand separators, date format. Detected from the first bytes, reported to the user, and
 * overridable. Values are parsed with the dialect (`parseNumber`, `parseDate`).
 */
import { DataError } from './frame-error.ts';

export const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];
export const DELIMITERS = { comma: ',', semicolon: ';', tab: '\t', pipe: '|' } as const;
export type DelimiterName = keyof typeof DELIMITERS;
export const DATE_FORMATS = ['ymd', 'dmy', 'mdy'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
export type DecimalSeparator = '.' | ',';

export interface Dialect {
  gzip: boolean;
  encoding: Encoding;
  delimiter: DelimiterName;
  decimal: DecimalSeparator;
  /** Thousand separator seen in the sample ('' when none). Any of `.`, `,`, space, `'` that is not the decimal is accepted. */
  thousands: string;
  dateFormat: DateFormat;
}

export type DialectOverrides = Partial<Omit<Dialect, 'gzip' | 'thousands'>>;

export interface DetectedDialect {
  dialect: Dialect;
  /** One sentence per setting: what was found and why (shown to the user). */
  notes: string[];
}

const GZIP = [0x1f, 0x8b];

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === GZIP[0] && bytes[1] === GZIP[1];
}

/** Encoding from the byte order mark or, without one, from the bytes (UTF-16 LE by its zero bytes, UTF-8 when valid, else Windows-1252). */
export function detectEncoding(head: Uint8Array): { encoding: Encoding; note: string } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8-bom', note: 'encoding UTF-8 with byte order mark' };
  if (head[0] === 0xff && head[1] === 0xfe)
    return { encoding: 'utf-16le', note: 'encoding UTF-16 LE (byte order mark)' };
  if (head[0] === 0xfe && head[1] === 0xff)
    throw new DataError([
      {
        line: 1,
        column: '*',
        reason: 'the file is UTF-16 big-endian, which is not supported: save it as UTF-8 or UTF-16 LE',
      },
    ]);
  const n = Math.min(head.length, 4096);
  let oddZeros = 0;
  let evenZeros = 0;
  for (let i = 0; i < n; i++) if (head[i] === 0) i % 2 === 1 ? oddZeros++ : evenZeros++;
  if (n >= 4 && oddZeros > n / 4 && evenZeros < n / 50)
    return {
      encoding: 'utf-16le',
      note: 'encoding UTF-16 LE (every second byte is zero, no byte order mark)',
    };
  refuseBinary(head);
  // a multi-byte character cut at the end of the sample is not an error
  let end = head.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = head[end - back]!;
    if ((b & 0xc0) === 0xc0) {
      end -= back;
      break;
    }
    if ((b & 0xc0) !== 0x80) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return { encoding: 'utf-8', note: 'encoding UTF-8' };
  } catch {
    return {
      encoding: 'windows-1252',
      note: 'encoding Windows-1252 (the bytes are not valid UTF-8; override with the encoding option if the accents look wrong)',
    };
  }
}

/** Refuses bytes that are not text (NUL or many control bytes): a spreadsheet, an archive, random data. */
export function refuseBinary(head: Uint8Array): void {
  const n = Math.min(head.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b === 0)
      throw new DataError([
        {
          line: 1,
          column: '*',
          reason: `the file is binary, not text (a zero byte at byte ${i + 1}): upload CSV text, JSON lines or a gzip-compressed CSV`,
        },
      ]);
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) control++;
  }
  if (n > 0 && control / n > 0.01)
    throw new DataError([
      {
        line: 1,
        column: '*',
        reason: `the file is binary, not text (${control} control bytes in the first ${n}): upload CSV text, JSON lines or a gzip-compressed CSV`,
      },
    ]);
}

export function textDecoderFor(encoding: Encoding): TextDecoder {
  return new TextDecoder(encoding === 'utf-8-bom' ? 'utf-8' : encoding, { ignoreBOM: false });
}

/** Splits the first lines of a text into fields for detection (quotes respected, a line cut at the end dropped). */
function sampleLines(text: string, delimiter: string, maxLines: number): string[][] {
  const rows: string[][] = [];
  let cur = '';
  let row: string[] = [];
  let q = false;
  for (let i = 0; i < text.length && rows.length < maxLines; i++) {
    const ch = text[i]!;
    if (q) {
      if (ch === '"' && text[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') q = false;
      else cur += ch;
    } else if (ch === '"' && cur === '') q = true;
    else if (ch === delimiter) {
      row.push(cur);
      cur = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cur);
      if (!(row.length === 1 && row[0] === '')) rows.push(row);
      row = [];
      cur = '';
    } else cur += ch;
  }
  return rows;
}

function pickDelimiter(text: string): { name: DelimiterName; note: string } {
  let best: { name: DelimiterName; score: number; cols: number } | null = null;
  for (const [name, d] of Object.entries(DELIMITERS) as Array<[DelimiterName, string]>) {
    const rows = sampleLines(text, d, 50);
    if (rows.length === 0) continue;
    const cols = rows[0]!.length;
    if (cols < 2) continue;
    const same = rows.filter((r) => r.length === cols).length / rows.length;
    const score = same * Math.log2(cols);
    if (!best || score > best.score) best = { name, score, cols };
  }
  if (!best)
    return { name: 'comma', note: 'delimiter comma (no delimiter found: the file seems to have one column)' };
  const label = best.name === 'tab' ? 'tab' : `${best.name} "${DELIMITERS[best.name]}"`;
  return { name: best.name, note: `delimiter ${label} (${best.cols} columns in the header)` };
}

const DEC_COMMA = /^[+-]?\d{1,3}([. ']\d{3})*,\d+$|^[+-]?\d+,\d+$/;
const DEC_POINT_THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const DEC_POINT = /^[+-]?\d*\.\d+$/;
const DMY_DOT = /^(\d{1,2})\.(\d{1,2})\.(\d{4})/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/;
const ISO = /^\d{4}[-/]\d{2}[-/]\d{2}/;

function pickNumbers(values: string[]): { decimal: DecimalSeparator; thousands: string; note: string } {
  let comma = 0;
  let point = 0;
  let pointThousands = 0;
  let thousands = '';
  for (const v of values) {
    if (DEC_COMMA.test(v)) {
      comma++;
      const t = /\d([. '])\d{3}[,]/.exec(v);
      if (t && !thousands) thousands = t[1]!;
    } else if (DEC_POINT_THOUSANDS.test(v) && v.includes('.')) pointThousands++;
    else if (DEC_POINT.test(v)) point++;
  }
  if (comma > point + pointThousands)
    return {
      decimal: ',',
      thousands,
      note: `decimal comma (${comma} sample values like "1.234,56" or "12,5")${thousands ? `, thousand separator "${thousands}"` : ''}`,
    };
  return {
    decimal: '.',
    thousands: pointThousands > 0 ? ',' : '',
    note:
      point + pointThousands > 0
        ? `decimal point (${point + pointThousands} sample values)${pointThousands ? ', thousand separator ","' : ''}`
        : 'decimal point (no decimals in the sample)',
  };
}

function pickDate(values: string[]): { format: DateFormat; note: string } {
  let iso = 0;
  let dot = 0;
  let slash = 0;
  let firstOver12 = 0;
  let secondOver12 = 0;
  for (const v of values) {
    if (ISO.test(v)) iso++;
    else {
      const m = DMY_DOT.exec(v) ?? SLASHED.exec(v);
      if (!m) continue;
      if (v.includes('.')) dot++;
      else slash++;
      if (Number(m[1]) > 12) firstOver12++;
      if (Number(m[2]) > 12) secondOver12++;
    }
  }
  if (iso >= dot + slash)
    return {
      format: 'ymd',
      note: iso ? `dates as yyyy-mm-dd (${iso} sample values)` : 'dates as yyyy-mm-dd',
    };
  if (secondOver12 > 0 && firstOver12 === 0)
    return {
      format: 'mdy',
      note: `dates as mm/dd/yyyy (a day above 12 comes second in ${secondOver12} values)`,
    };
  const sep = dot >= slash ? '.' : '/';
  return {
    format: 'dmy',
    note: `dates as dd${sep}mm${sep}yyyy (${dot + slash} sample values${firstOver12 ? '' : '; no day above 12 was seen, so day first is assumed'})`,
  };
}

/**
 * Detects the dialect from the first bytes of a file (already gunzipped), with the user's overrides
 * taking precedence. Never fails on text; refuses binary data with a DataError.
 */
export function detectDialect(
  head: Uint8Array,
  gzip: boolean,
  overrides: DialectOverrides = {},
): DetectedDialect {
  const notes: string[] = [];
  if (gzip) notes.push('gzip-compressed (decompressed while reading)');
  let encoding: Encoding;
  if (overrides.encoding) {
    encoding = overrides.encoding;
    notes.push(`encoding ${encoding} (given)`);
  } else {
    const e = detectEncoding(head);
    encoding = e.encoding;
    notes.push(e.note);
  }
  let text = textDecoderFor(encoding).decode(head);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let delimiter: DelimiterName;
  if (overrides.delimiter) {
    delimiter = overrides.delimiter;
    notes.push(`delimiter ${delimiter} (given)`);
  } else {
    const d = pickDelimiter(text);
    delimiter = d.name;
    notes.push(d.note);
  }
  const rows = sampleLines(text, DELIMITERS[delimiter], 500).slice(1);
  const values = rows.flat().map((v) => v.trim());
  const nums = pickNumbers(values);
  const decimal = overrides.decimal ?? nums.decimal;
  notes.push(overrides.decimal ? `decimal "${decimal}" (given)` : nums.note);
  const dates = pickDate(values);
  const dateFormat = overrides.dateFormat ?? dates.format;
  notes.push(overrides.dateFormat ? `dates as ${dateFormat} (given)` : dates.note);
  return {
    dialect: {
      gzip,
      encoding,
      delimiter,
      decimal,
      thousands: overrides.decimal ? '' : nums.thousands,
      dateFormat,
    },
    notes,
  };
}

export const DEFAULT_DIALECT: Dialect = {
  gzip: false,
  encoding: 'utf-8',
  delimiter: 'comma',
  decimal: '.',
  thousands: '',
  dateFormat: 'ymd',
};

const NUM_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A number written in the dialect (`1.234,56` with a decimal comma, `1,234.56` with a point); NaN when not a number. */
export function parseNumber(raw: string, decimal: DecimalSeparator = '.'): number {
  let s = raw.trim();
  if (s === '') return Number.NaN;
  if (decimal === ',') {
    if (/^[+-]?\d{1,3}([. '\u00a0]\d{3})+(,\d*)?$/.test(s)) s = s.replace(/[. '\u00a0]/g, '');
    s = s.replace(',', '.');
  } else if (/^[+-]?\d{1,3}([, '\u00a0]\d{3})+(\.\d*)?$/.test(s)) s = s.replace(/[, '\u00a0]/g, '');
  return NUM_RE.test(s) ? Number(s) : Number.NaN;
}

function day(y: number, mo: number, d: number): number {
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return Number.NaN;
  return t / 86_400_000;
}

/** Days since 1970-01-01 of a date in the dialect's format (ISO yyyy-mm-dd is always accepted); NaN when not a date. */
export function parseDate(raw: string, format: DateFormat = 'ymd'): number {
  const s = raw.trim();
  const iso = /^(\d{4})[-/.](\d{2})[-/.](\d{2})/.exec(s);
  if (iso) return day(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (format === 'ymd') return Number.NaN;
  const m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?![\d])/.exec(s);
  if (!m) return Number.NaN;
  return format === 'dmy'
    ? day(Number(m[3]), Number(m[2]), Number(m[1]))
    : day(Number(m[3]), Number(m[1]), Number(m[2]));
}

export function dateFormatLabel(f: DateFormat): string {
  return f === 'ymd' ? 'YYYY-MM-DD' : f === 'dmy' ? 'DD.MM.YYYY or DD/MM/YYYY' : 'MM/DD/YYYY';
}

/** One line describing a dialect, for logs and reports. */
export function describeDialect(d: Dialect): string {
  return [
    d.gzip ? 'gzip' : null,
    d.encoding,
    `delimiter ${d.delimiter}`,
    `decimal "${d.decimal}"${d.thousands ? `, thousands "${d.thousands}"` : ''}`,
    `dates ${dateFormatLabel(d.dateFormat)}`,
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * The line on which the quoted field that is never closed starts (a quote at the start of a field
 * opens one; a quote inside an unquoted field is a character), or null when every quote closes.
 */
export function unclosedQuoteLine(text: string, delimiter: string): number | null {
  let line = 1;
  let inQuote = false;
  let openedAt = 0;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuote) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuote = false;
      } else if (ch === '\n') line++;
      continue;
    }
    if (ch === '"' && fieldStart) {
      inQuote = true;
      openedAt = line;
      fieldStart = false;
    } else if (ch === '\n') {
      line++;
      fieldStart = true;
    } else if (ch === delimiter) fieldStart = true;
    else if (ch !== '\r') fieldStart = false;
  }
  return inQuote ? openedAt : null;
}
