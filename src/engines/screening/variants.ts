/**
 * Spelling keys that bring together the forms one name takes under different national conventions:
 * - `slavicKey`: Cyrillic names romanised by English, German, French, Polish, Czech, Hungarian or
 *   Dutch rules ("Schukow", "Joukov", "Żukow", "Zsukov", "Zjoekov" -> one key);
 * - `balticStem`: the Latvian/Lithuanian nominative and genitive endings added to foreign names
 *   ("Ivanovs", "Ivanovas", "Kazlausko" -> "ivanov", "kazlausk").
 * Both are compared only as a whole key (never letter by letter), after any-ascii transliteration.
 */

/** Ordered rewrites; longer clusters first. Sibilants and affricates fold to one class each. */
const SLAVIC_REWRITES: Array<[RegExp, string]> = [
  [/x/g, 'ks'],
  [/(schtsch|sjtsj|chtch|szcz|shch|scs)/g, 'S'],
  [/(tsch|tsj|tch|cz|cs)/g, 'C'],
  [/(sch|sz|sj|sh|zs|zh|zj|ch)/g, 'S'],
  [/kh/g, 'H'],
  [/(ts|tz|c)/g, 'T'],
  [/h/g, 'H'],
  [/z/g, 's'],
  [/w/g, 'v'],
  [/(ou|oe)/g, 'u'],
  [/[jy]/g, 'i'],
  [/ie/g, 'e'],
  [/io/g, 'o'],
  [/i+/g, 'i'],
  [/(.)\1+/g, '$1'],
];

export function slavicKey(form: string): string {
  if (form.length < 4 || /\d/.test(form)) return '';
  let k = form;
  for (const [re, to] of SLAVIC_REWRITES) k = k.replace(re, to);
  // "ch" is kh in German/Polish/Czech, sh in French and ch in English: the hushing sounds and kh fold
  // into one class, as the romanisations cannot be told apart letter by letter
  return k
    .replace(/[SCH]/g, 's')
    .replace(/T/g, 'c')
    .replace(/(.)\1+/g, '$1');
}

const BALTIC_ENDINGS = ['ius', 'ijus', 'jus', 'as', 'is', 'ys', 'us', 'o', 'io', 's'];

/** Name stem without a Baltic nominative or genitive ending (at least four letters remain). */
export function balticStem(form: string): string {
  for (const e of BALTIC_ENDINGS) {
    if (form.endsWith(e) && form.length - e.length >= 4) return form.slice(0, -e.length);
  }
  return form;
}
