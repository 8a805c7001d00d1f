/**
 * Name normalisation: Unicode NFKC, transliteration to Latin (any-ascii), case folding, titles and
 * honorifics removed (person names), legal forms canonicalised (organisation names), stopwords and
 * symbol synonyms from the rigour tables, numbers (incl. Roman numerals) kept as numbers.
 */
import anyAscii from 'any-ascii';
import { doubleMetaphone } from 'double-metaphone';
import { fuzzySim } from './compare.ts';
import { countryCode } from './countries.ts';
import { readNumbers } from './numbers.ts';
import { type OrgType, referenceTables, tokenForms } from './reference.ts';
import { titleTables } from './titles.ts';

export type NameMode = 'person' | 'org';

export type TokenClass = 'name' | 'symbol' | 'particle' | 'number' | 'initial';

export interface NormToken {
  form: string;
  cls: TokenClass;
  weight: number;
  /** Synonym group ids from the rigour symbol tables. */
  groups: string[];
  /** Transliterated from an abjad script (Arabic, Hebrew): vowels are not written. */
  abjad: boolean;
  phonetic: string;
  skeleton: string;
  /** Number value for numeric tokens. */
  num?: number;
  /** Organisation names: the part is a country name (a subsidiary's qualifier: "Banco Santander Chile"). */
  country?: boolean;
  /** A number read from words ("second" -> 2): the words as written, compared when the other side has a word. */
  word?: string;
}

export interface NormName {
  raw: string;
  mode: NameMode;
  tokens: NormToken[];
  /** Canonical legal forms found (LLC, JSC, ...). */
  legal: string[];
  /** Titles/honorifics removed. */
  removed: string[];
  /** Han and Hangul characters of the name as written (compared when both names have them). */
  syllabic?: string;
}

/** Connective words and name particles: kept, compared, but weighted low. */
export const PARTICLES = new Set([
  'of',
  'and',
  'the',
  'for',
  'de',
  'del',
  'della',
  'der',
  'den',
  'des',
  'du',
  'da',
  'di',
  'do',
  'dos',
  'das',
  'la',
  'le',
  'les',
  'el',
  'al',
  'ul',
  'y',
  'et',
  'und',
  'van',
  'von',
  'zu',
  'bin',
  'ibn',
  'ben',
  'bint',
  'binti',
  'ould',
  'bte',
  'a',
  'an',
  'in',
  'at',
  'on',
]);

const WEIGHT: Record<TokenClass, number> = { name: 1, symbol: 0.5, particle: 0.2, number: 0.6, initial: 0.5 };

const SHORT_NAME_WEIGHT = 0.5;

/** East Slavic patronymics as romanised (Russian, Ukrainian, Belarusian; several conventions). */
const PATRONYMIC =
  /^\p{L}{3,}(ovich|evich|ovitch|evitch|owitsch|ewitsch|ovych|evych|ovna|evna|ivna|ovic|evic)$/u;

const ROMAN = /^(x{0,3})(ix|iv|v?i{0,3})$/;
const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10 };

function romanValue(s: string): number | undefined {
  if (!s || !ROMAN.test(s)) return undefined;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i]!]!;
    const next = ROMAN_VALUES[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

const SYLLABIC = /[\p{Script=Han}\p{Script=Hangul}]/u;
const ABJAD = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}]/u;

/** Consonant skeleton used to compare names transliterated from abjad scripts. */
export function skeleton(form: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < form.length; i++) {
    let c = form[i]!;
    const next = form[i + 1];
    if (c === 'p' && next === 'h') {
      c = 'f';
      i++;
    } else if (next === 'h' && 'kgsctd'.includes(c)) {
      // Arabic letters written with two Latin letters: kh, gh, sh, ch (French), th, dh
      c = c === 'c' ? 's' : c === 'g' ? 'k' : c;
      i++;
    } else if (c === 'd' && next === 'j') {
      // "dj" (French) = "j"
      c = 'j';
      i++;
    } else if ('aeiouwyh0123456789'.includes(c)) continue;
    else if (c === 'g') c = 'k';
    else if (c === 'p') c = 'b';
    else if (c === 'v') c = 'f';
    else if (c === 'q' || c === 'c') c = 'k';
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

export function phoneticKey(form: string): string {
  if (form.length < 3 || /\d/.test(form)) return '';
  return doubleMetaphone(form)[0] ?? '';
}

function makeToken(form: string, mode: NameMode, abjad: boolean): NormToken {
  const t = referenceTables();
  let cls: TokenClass = 'name';
  let num: number | undefined;
  const groups = [...((mode === 'org' ? t.orgSymbols.get(form) : t.personSymbols.get(form)) ?? [])];
  if (/^\d+$/.test(form)) {
    cls = 'number';
    num = Number(form);
  } else if (mode === 'org' && romanValue(form) !== undefined) {
    cls = 'number';
    num = romanValue(form);
  } else if (PARTICLES.has(form)) {
    cls = 'particle';
  } else if (mode === 'person' && form.length === 1) {
    cls = 'initial';
  } else if (mode === 'org' && groups.some((g) => g.startsWith('org:'))) {
    cls = 'symbol';
  }
  const tok: NormToken = {
    form,
    cls,
    // a part of one or two letters carries little information; an East Slavic patronymic
    // ("Viktorovich") is often left out
    weight:
      cls === 'name' && (form.length <= 2 || (mode === 'person' && PATRONYMIC.test(form)))
        ? SHORT_NAME_WEIGHT
        : WEIGHT[cls],
    groups,
    abjad,
    phonetic: cls === 'name' ? phoneticKey(form) : '',
    skeleton: skeleton(form),
  };
  if (num !== undefined) tok.num = num;
  if (mode === 'org' && cls === 'name' && form.length >= 4 && countryCode(form)) tok.country = true;
  return tok;
}

/**
 * Script-specific spellings before the generic transliteration: the Arabic article written apart
 * ("التكريتي" -> "al-تكريتي", as Latin lists write "AL-TIKRITI"); Greek digraphs read as one sound
 * ("ου" -> "ou", word-initial "μπ"/"ντ"/"γκ" -> b/d/g) as Greek names are romanised.
 */
function scriptSpellings(text: string): string {
  return text
    .replace(/(^|[\s-])ال(?=\p{Script=Arabic}{2})/gu, '$1al-')
    .replace(/ου/g, 'ou')
    .replace(/Ου/g, 'Ou')
    .replace(/ΟΥ/g, 'OU')
    .replace(/(^|\s)μπ/g, '$1b')
    .replace(/(^|\s)Μπ/g, '$1B')
    .replace(/(^|\s)ντ/g, '$1d')
    .replace(/(^|\s)Ντ/g, '$1D')
    .replace(/(^|\s)γκ/g, '$1g')
    .replace(/(^|\s)Γκ/g, '$1G');
}

const SYLLABIC_ALL = /[\p{Script=Han}\p{Script=Hangul}]/gu;

/** Split raw text into token forms, remembering which came from an abjad script. */
function rawTokens(raw: string): Array<{ form: string; abjad: boolean }> {
  // "&" is "and"; camelCase words are split after two or more letters ("SiemensAG", "JanDaniel",
  // not "eNtwork"); the joined-word rule of the comparison pairs them again with unsplit spellings.
  const text = scriptSpellings(raw.normalize('NFKC'))
    .replace(/&/g, ' and ')
    .replace(/(?<=\p{L}\p{Ll})(?=\p{Lu})/gu, ' ');
  const out: Array<{ form: string; abjad: boolean }> = [];
  for (const chunk of text.split(/\s+/)) {
    if (!chunk) continue;
    const abjad = ABJAD.test(chunk);
    // Han and Hangul are written without spaces: one part per syllable ("ZhangAnHaiLian...")
    const syllabic = SYLLABIC.test(chunk) ? anyAscii(chunk).replace(/(?<=[a-z])(?=[A-Z])/g, ' ') : chunk;
    for (const form of tokenForms(syllabic)) out.push({ form, abjad });
  }
  return out;
}

const cache = new Map<string, NormName>();

export function normalizeName(raw: string, mode: NameMode): NormName {
  const ck = `${mode}\u0000${raw}`;
  const hit = cache.get(ck);
  if (hit) return hit;
  const t = referenceTables();
  let toks: Array<{ form: string; abjad: boolean; word?: string }> = rawTokens(raw);
  const removed: string[] = [];
  const legal: string[] = [];
  let titled = 0;
  if (mode === 'person') {
    // Titles and honorifics at the start of the name ("Dr", "His Excellency", "Mr."): rigour's
    // prefixes are removed.
    let stripped = true;
    while (stripped && toks.length > 1) {
      stripped = false;
      for (let n = Math.min(t.maxPrefixLen, toks.length - 1); n >= 1; n--) {
        const k = toks
          .slice(0, n)
          .map((x) => x.form)
          .join(' ');
        if (t.personPrefixes.has(k)) {
          removed.push(k);
          toks = toks.slice(n);
          stripped = true;
          break;
        }
      }
    }
    // Titles, ranks and honorifics of tables/titles.json ("Herr", "Sheikh", "Mullah", "Major
    // General") at the start are kept as light parts (weighed like particles): many are also written
    // as part of the name on the lists, so a side without them costs little and a side with them
    // still pairs; a title that is also a given name ("Major") only when two parts follow.
    const titles = titleTables();
    let found = true;
    while (found && titled < toks.length - 1) {
      found = false;
      for (let n = Math.min(titles.maxLen, toks.length - 1 - titled); n >= 1; n--) {
        const k = toks
          .slice(titled, titled + n)
          .map((x) => x.form)
          .join(' ');
        if (titles.titles.has(k) || (titles.alsoGiven.has(k) && toks.length - titled - n >= 2)) {
          titled += n;
          found = true;
          break;
        }
      }
    }
  } else {
    // leading articles and vessel prefixes ("The", "Le", "MV")
    while (toks.length > 1 && (t.orgPrefixes.has(toks[0]!.form) || t.objPrefixes.has(toks[0]!.form))) {
      removed.push(toks[0]!.form);
      toks = toks.slice(1);
    }
    // numbers written as words and ordinals ("Twenty-Seventh" -> 27, "1er" -> 1)
    const read = readNumbers(toks.map((x) => x.form));
    if (read.length !== toks.length || read.some((r, i) => r.form !== toks[i]!.form)) {
      const abjadAll = toks.some((x) => x.abjad);
      toks = read.map((r) => ({
        form: r.form,
        abjad: abjadAll && !r.word,
        ...(r.word ? { word: r.word } : {}),
      }));
    }
    // Legal forms: longest match of a rigour org-type alias, replaced by its canonical class.
    const kept: Array<{ form: string; abjad: boolean }> = [];
    for (let i = 0; i < toks.length; ) {
      let matched = 0;
      const maxN = t.orgTypeFirst.has(toks[i]!.form) ? Math.min(t.maxOrgTypeLen, toks.length - i) : 0;
      for (let n = maxN; n >= 1; n--) {
        const k = toks
          .slice(i, i + n)
          .map((x) => x.form)
          .join(' ');
        // a lone Roman numeral is a number (series marker) and a lone stopword is a stopword; a
        // one-word legal form counts only at the start or the end of the name ("OAO X", "X JSC")
        const single = n === 1;
        const edge = i === 0 || i + n === toks.length || t.orgTypes.has(toks[i + n]!.form);
        const ot =
          single && (romanValue(k) !== undefined || PARTICLES.has(k) || !edge)
            ? undefined
            : t.orgTypes.get(k);
        // keep at least one non-legal token in the name
        if (ot && kept.length + toks.length - i - n >= 1) {
          legal.push(ot.canonical);
          matched = n;
          break;
        }
      }
      if (matched) i += matched;
      else kept.push(toks[i++]!);
    }
    toks = kept;
    // a misspelt multi-word legal form at the end ("Joynt Stock Company"): one word off by one edit
    for (let n = Math.min(t.maxOrgTypeLen, toks.length - 1); n >= 2; n--) {
      const tail = toks.slice(toks.length - n).map((x) => x.form);
      let found: OrgType | undefined;
      for (let pos = 0; pos < n && !found; pos++) {
        if (tail[pos]!.length < 5) continue;
        const hit = t.orgTypeMasked.get(tail.map((w, i) => (i === pos ? '*' : w)).join(' '));
        if (hit && hit.pos === pos && fuzzySim(tail[pos]!, hit.alias[pos]!) >= 0.8)
          found = t.orgTypes.get(hit.alias.join(' '));
      }
      if (found) {
        legal.push(found.canonical);
        toks = toks.slice(0, toks.length - n);
        break;
      }
    }
  }
  const tokens = toks.map((x, i) => {
    const tok = makeToken(x.form, mode, x.abjad);
    if (i < titled) {
      tok.cls = 'particle';
      tok.weight = WEIGHT.particle;
      tok.phonetic = '';
    }
    if (x.word) tok.word = x.word;
    return tok;
  });
  const n: NormName = { raw, mode, tokens, legal, removed };
  const syllabic = raw.match(SYLLABIC_ALL);
  if (syllabic) n.syllabic = syllabic.join('');
  if (cache.size > 200_000) cache.clear();
  cache.set(ck, n);
  return n;
}

export function clearNormCache(): void {
  cache.clear();
}
