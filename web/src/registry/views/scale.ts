/**
 * Pure helpers of the registry views: a colour-blind-safe sequential scale (ColorBrewer YlGnBu),
 * text colours that keep WCAG AA contrast on every class, CSV of a matrix, and the mapping of
 * world-atlas (ISO 3166 numeric) ids to the platform's Member State codes (EL for Greece).
 */

/** ColorBrewer YlGnBu, 5 classes (the 4th a little darker for white text): sequential, colour-blind safe. */
export const PALETTE = ['#ffffcc', '#a1dab4', '#41b6c4', '#1f6ea8', '#253494'] as const;
/** Cells and countries without any record. */
export const EMPTY_FILL = '#f2f4f7';

export interface ScaleClass {
  from: number;
  to: number;
  colour: string;
}

/** Equal-interval classes over (0, max], rounded to whole numbers when the data are whole. */
export function classes(max: number, n = PALETTE.length): ScaleClass[] {
  if (!(max > 0)) return [];
  const whole = Number.isInteger(max);
  const k = whole ? Math.min(n, max) : n;
  const out: ScaleClass[] = [];
  let from = whole ? 1 : 0;
  for (let i = 0; i < k; i++) {
    const raw = (max * (i + 1)) / k;
    const to = whole ? Math.round(raw) : Math.round(raw * 100) / 100;
    if (to < from) continue;
    // Spread the classes over the whole palette (dark end = max) when there are fewer than n.
    const colour = PALETTE[Math.round((i * (n - 1)) / Math.max(1, k - 1))]!;
    out.push({ from, to, colour: k === 1 ? PALETTE[n - 1]! : colour });
    from = whole ? to + 1 : to;
  }
  return out;
}

export function colourOf(value: number | undefined, scale: ScaleClass[]): string {
  if (!value || value <= 0) return EMPTY_FILL;
  for (const c of scale) if (value <= c.to) return c.colour;
  return scale.at(-1)?.colour ?? EMPTY_FILL;
}

function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * ch[0]! + 0.7152 * ch[1]! + 0.0722 * ch[2]!;
}

export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

/** Dark or white text, whichever contrasts more with the fill (always at least 4.5:1 here). */
export function textOn(fill: string): string {
  const dark = '#1b1f24';
  return contrast(fill, dark) >= contrast(fill, '#ffffff') ? dark : '#ffffff';
}

/** RFC 4180 CSV (CRLF, quoted when needed), with a byte-order mark so spreadsheets read UTF-8. */
export function toCsv(rows: (string | number)[][]): string {
  const cell = (v: string | number) => {
    const s = String(v);
    // Cells that a spreadsheet would run as a formula are prefixed (CSV injection).
    const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
    return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** world-atlas ids (ISO 3166-1 numeric) of the 27 Member States → EU codes. */
export const EU_NUMERIC: Record<string, string> = {
  '040': 'AT',
  '056': 'BE',
  '100': 'BG',
  '191': 'HR',
  '196': 'CY',
  '203': 'CZ',
  '208': 'DK',
  '233': 'EE',
  '246': 'FI',
  '250': 'FR',
  '276': 'DE',
  '300': 'EL',
  '348': 'HU',
  '372': 'IE',
  '380': 'IT',
  '428': 'LV',
  '440': 'LT',
  '442': 'LU',
  '470': 'MT',
  '528': 'NL',
  '616': 'PL',
  '620': 'PT',
  '642': 'RO',
  '703': 'SK',
  '705': 'SI',
  '724': 'ES',
  '752': 'SE',
};

/** The country's name in the user's language (EL is Greece: ISO region GR). */
export function countryName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code === 'EL' ? 'GR' : code) ?? code;
  } catch {
    return code;
  }
}
