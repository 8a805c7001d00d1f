/**
 * Country names to ISO 3166-1 alpha-2 codes, built from the ICU region names shipped with Node
 * (Intl.DisplayNames) plus the official long forms used by sanctions lists.
 */
import anyAscii from 'any-ascii';

const key = (s: string) =>
  anyAscii(s.normalize('NFKC'))
    .toLowerCase()
    .replace(/\bthe\b/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const EXTRA: Record<string, string> = {
  'russian federation': 'RU',
  'iran islamic republic of': 'IR',
  'islamic republic of iran': 'IR',
  'syrian arab republic': 'SY',
  'democratic people s republic of korea': 'KP',
  'korea north': 'KP',
  'north korea': 'KP',
  dprk: 'KP',
  'korea south': 'KR',
  'republic of korea': 'KR',
  'democratic republic of congo': 'CD',
  'democratic republic of the congo': 'CD',
  'congo democratic republic of': 'CD',
  'congo democratic republic of the': 'CD',
  'republic of the congo': 'CG',
  'united republic of tanzania': 'TZ',
  tanzania: 'TZ',
  'lao people s democratic republic': 'LA',
  'bolivarian republic of venezuela': 'VE',
  'venezuela bolivarian republic of': 'VE',
  'bolivia plurinational state of': 'BO',
  'viet nam': 'VN',
  burma: 'MM',
  'united states of america': 'US',
  usa: 'US',
  'united kingdom of great britain and northern ireland': 'GB',
  uk: 'GB',
  'great britain': 'GB',
  'state of palestine': 'PS',
  palestinian: 'PS',
  'gaza strip': 'PS',
  'west bank': 'PS',
  'republic of moldova': 'MD',
  'moldova republic of': 'MD',
  turkiye: 'TR',
  'cote d ivoire': 'CI',
  'ivory coast': 'CI',
  'kyrgyz republic': 'KG',
  'czech republic': 'CZ',
  'the netherlands': 'NL',
  holland: 'NL',
  'united arab emirates': 'AE',
  uae: 'AE',
  crimea: 'UA',
  'hong kong sar': 'HK',
  'macao sar': 'MO',
  soviet: 'RU',
  russia: 'RU',
};

/** Exceptionally reserved or grouping codes that ICU names but are not countries of the lists. */
const SKIP = new Set([
  'FX',
  'EU',
  'EZ',
  'UN',
  'QO',
  'ZZ',
  'XA',
  'XB',
  'AC',
  'CP',
  'DG',
  'EA',
  'IC',
  'TA',
  'CQ',
  'DD',
  'YU',
  'CS',
  'SU',
  'ZR',
  'TP',
  'BU',
  'NT',
  'AN',
  'YD',
  'VD',
  'QU',
]);

let table: Map<string, string> | undefined;

function build(): Map<string, string> {
  const m = new Map<string, string>();
  const dn = new Intl.DisplayNames(['en'], { type: 'region' });
  const A = 'A'.charCodeAt(0);
  for (let i = 0; i < 26; i++) {
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(A + i, A + j);
      let name: string | undefined;
      try {
        name = dn.of(code);
      } catch {
        name = undefined;
      }
      if (!name || name === code || name === 'Unknown Region') continue;
      if (SKIP.has(code)) continue;
      if (!m.has(key(name))) m.set(key(name), code);
      // "Congo - Kinshasa", "Hong Kong SAR China", "Myanmar (Burma)"
      for (const part of name.split(/ - |\(|\)/))
        if (part.trim().length > 3 && !m.has(key(part))) m.set(key(part), code);
    }
  }
  m.set(key('Congo - Kinshasa'), 'CD');
  for (const [k, v] of Object.entries(EXTRA)) m.set(key(k), v);
  return m;
}

const ISO2 = /^[A-Za-z]{2}$/;

const memo = new Map<string, string | undefined>();

/** ISO-2 code for a country name or code, or undefined when unknown. */
export function countryCode(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (memo.has(value)) return memo.get(value);
  const code = lookup(value);
  if (memo.size > 100_000) memo.clear();
  memo.set(value, code);
  return code;
}

function lookup(value: string): string | undefined {
  const v = value.trim();
  if (!v) return undefined;
  table ??= build();
  if (ISO2.test(v)) {
    const up = v.toUpperCase();
    if (up === 'UK') return 'GB';
    return [...table.values()].includes(up) ? up : undefined;
  }
  const k = key(v);
  const direct = table.get(k);
  if (direct) return direct;
  // "Iran (Islamic Republic of)" / "Korea, North" / "Syria (as of 2010)"
  const head = key(v.split(/[(,;]/)[0] ?? '');
  return table.get(head);
}

export function countryCodes(values: Iterable<string | undefined>): string[] {
  const out = new Set<string>();
  for (const v of values) {
    const c = countryCode(v);
    if (c) out.add(c);
  }
  return [...out].sort();
}
