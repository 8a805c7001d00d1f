/**
 * Numbers written as words (English, French, German; table in tables/number-words.json) and ordinals
 * ("27th", "27e", "1er", "21.", "Twenty-Seventh", "siebenundzwanzigste") read as numbers, so that
 * "Battalion Twenty-Seven" and "Battalion 27" compare part by part. Used for organisation and
 * vessel names only (person names keep their words).
 */
import { readFileSync } from 'node:fs';

interface NumberTable {
  units: Record<string, number>;
  scales: Record<string, number>;
  connectors: string[];
  ordinalSuffixes: string[];
}

let table: (NumberTable & { words: string[]; suffixes: string[] }) | undefined;

function numberTable() {
  if (table) return table;
  const t = JSON.parse(
    readFileSync(new URL('./tables/number-words.json', import.meta.url), 'utf8'),
  ) as NumberTable;
  const words = [...Object.keys(t.units), ...Object.keys(t.scales), ...t.connectors].sort(
    (a, b) => b.length - a.length,
  );
  const suffixes = [...t.ordinalSuffixes].sort((a, b) => b.length - a.length);
  table = { ...t, words, suffixes };
  return table;
}

/** Words that are numbers only inside a compound ("vingt et un", "einundzwanzig"), not alone. */
const COMPOUND_ONLY = new Set(['un', 'une', 'ein', 'eine', 'null', 'zero', 'cent', 'cents']);

/** Segment one token into number words ("siebenundzwanzig" -> sieben, und, zwanzig), or undefined. */
function segment(token: string): string[] | undefined {
  const t = numberTable();
  const out: string[] = [];
  let i = 0;
  while (i < token.length) {
    const w = t.words.find((x) => token.startsWith(x, i));
    if (!w) return undefined;
    out.push(w);
    i += w.length;
  }
  // a connector only joins two number words inside one token ("sieben-und-zwanzig"), never starts or
  // ends it ("tenet" is not "ten" + "et")
  const conn = (w: string) => t.connectors.includes(w);
  if (out.length > 1 && out.some((w, k) => conn(w) && (k === 0 || k === out.length - 1 || w !== 'und')))
    return undefined;
  return out;
}

/** The number words of a token, its ordinal ending removed; undefined when it is not a number word. */
function numberWords(token: string): string[] | undefined {
  const t = numberTable();
  const direct = segment(token);
  if (direct) return direct;
  for (const s of t.suffixes) {
    if (!token.endsWith(s) || token.length - s.length < 3) continue;
    const stem = token.slice(0, -s.length);
    // "quatrieme" -> "quatr" + "e", "neuvieme" -> "neuv" (f -> v) + "f"
    for (const cand of [stem, `${stem}e`, stem.replace(/v$/, 'f'), stem.replace(/qu$/, 'q')]) {
      const seg = segment(cand);
      if (seg) return seg;
    }
  }
  return undefined;
}

/** Value of a run of number words. */
function numberValue(words: string[]): number | undefined {
  const t = numberTable();
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words) {
    if (t.connectors.includes(w)) continue;
    const scale = t.scales[w];
    if (scale !== undefined) {
      current = Math.max(current, 1) * scale;
      if (scale >= 1000) {
        total += current;
        current = 0;
      }
      seen = true;
      continue;
    }
    const v = t.units[w];
    if (v === undefined) return undefined;
    // French vigesimal: "quatre-vingt(s)" = 4 x 20
    if (v === 20 && current % 100 === 4) current = current - 4 + 80;
    else current += v;
    seen = true;
  }
  return seen ? total + current : undefined;
}

/** Digits with an ordinal ending: "27th", "27e", "1er", "2nd"; "21." is read by the tokeniser as "21". */
function ordinalDigits(token: string): number | undefined {
  const m = /^(\d+)([a-z]+)$/.exec(token);
  if (!m || !numberTable().suffixes.includes(m[2]!)) return undefined;
  return Number(m[1]);
}

/**
 * Replace runs of number words by their value (as digits). A run ends where the next word would
 * not extend the number ("twenty seven" is one number, "seven twenty" two).
 */
export function readNumbers(tokens: string[]): Array<{ form: string; word?: string }> {
  const out: Array<{ form: string; word?: string }> = [];
  let run: string[] = [];
  let runTokens: string[] = [];
  let last = -1;
  const flush = () => {
    if (!run.length) return;
    const v = numberValue(run);
    const lone = run.length === 1 && COMPOUND_ONLY.has(run[0]!);
    if (v === undefined || lone) out.push(...runTokens.map((form) => ({ form })));
    else out.push({ form: String(v), word: runTokens.join('') });
    run = [];
    runTokens = [];
    last = -1;
  };
  const t = numberTable();
  for (const tok of tokens) {
    const od = ordinalDigits(tok);
    if (od !== undefined) {
      flush();
      out.push({ form: String(od) });
      continue;
    }
    const words = tok.length >= 2 ? numberWords(tok) : undefined;
    if (!words) {
      flush();
      out.push({ form: tok });
      continue;
    }
    const v = numberValue(words);
    const isConnector = words.length === 1 && t.connectors.includes(words[0]!);
    if (isConnector) {
      if (run.length) {
        run.push(...words);
        runTokens.push(tok);
      } else out.push({ form: tok });
      continue;
    }
    // extend the run: tens then a unit ("twenty seven"), a scale, after a connector, vigesimal forms
    const prevConnector = run.length > 0 && t.connectors.includes(run[run.length - 1]!);
    const isScale = words.length === 1 && t.scales[words[0]!] !== undefined;
    const extends_ =
      run.length > 0 &&
      v !== undefined &&
      (prevConnector ||
        isScale ||
        (last >= 20 && last % 10 === 0 && v < 10) ||
        (last % 100 === 4 && v === 20) ||
        (last >= 60 && last % 20 === 0 && v >= 10 && v < 20) ||
        (last >= 100 && last % 100 === 0 && v < 100));
    if (!extends_) flush();
    run.push(...words);
    runTokens.push(tok);
    last = numberValue(run) ?? -1;
  }
  flush();
  return out;
}
