import { fileURLToPath } from 'node:url';
import { readGenericode } from './genericode.ts';

/** EU country codes (3-letter authority table) → the 2-letter codes used in EU protocol (EL for Greece). */
const ALPHA2: Record<string, string> = {
  AUT: 'AT',
  BEL: 'BE',
  BGR: 'BG',
  HRV: 'HR',
  CYP: 'CY',
  CZE: 'CZ',
  DNK: 'DK',
  EST: 'EE',
  FIN: 'FI',
  FRA: 'FR',
  DEU: 'DE',
  GRC: 'EL',
  HUN: 'HU',
  IRL: 'IE',
  ITA: 'IT',
  LVA: 'LV',
  LTU: 'LT',
  LUX: 'LU',
  MLT: 'MT',
  NLD: 'NL',
  POL: 'PL',
  PRT: 'PT',
  ROU: 'RO',
  SVK: 'SK',
  SVN: 'SI',
  ESP: 'ES',
  SWE: 'SE',
};

/** eForms 3-letter language codes → ISO 639-1 codes used by the UI. */
const LANG2: Record<string, string> = {
  bul: 'bg',
  spa: 'es',
  ces: 'cs',
  dan: 'da',
  deu: 'de',
  est: 'et',
  ell: 'el',
  eng: 'en',
  fra: 'fr',
  gle: 'ga',
  hrv: 'hr',
  ita: 'it',
  lav: 'lv',
  lit: 'lt',
  hun: 'hu',
  mlt: 'mt',
  nld: 'nl',
  pol: 'pl',
  por: 'pt',
  ron: 'ro',
  slk: 'sk',
  slv: 'sl',
  fin: 'fi',
  swe: 'sv',
};

export interface MemberState {
  /** 3-letter code of the EU country authority table (e.g. AUT). */
  country: string;
  /** 2-letter EU code (e.g. AT; EL for Greece). */
  code: string;
  nameEn: string;
  /** Country name in each official EU language, keyed by ISO 639-1 code. */
  names: Record<string, string>;
}

let cached: MemberState[] | null = null;

/** The 27 Member States with their names in all official languages, from the eForms code list. */
export function memberStates(): MemberState[] {
  if (cached) return cached;
  const path = fileURLToPath(new URL('./eforms/country_eu-country.gc', import.meta.url));
  cached = readGenericode(path).map((row) => {
    const country = row.code!;
    const names: Record<string, string> = {};
    for (const [k, v] of Object.entries(row)) {
      const m = /^([a-z]{3})_label$/.exec(k);
      if (m && LANG2[m[1]!]) names[LANG2[m[1]!]!] = v;
    }
    const code = ALPHA2[country];
    if (!code) throw new Error(`No 2-letter code for ${country}`);
    return { country, code, nameEn: row.eng_label ?? row.Name ?? country, names };
  });
  return cached;
}
