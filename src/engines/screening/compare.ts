/**
 * Name comparison: order-independent pairing of name parts, confusable-aware edit distance,
 * phonetic keys, consonant skeletons for abjad transliterations, initials, truncations, joined or
 * split words and initialisms; numbers compared as numbers. Every score carries its explanation.
 */
import { distance } from 'fastest-levenshtein';
import { type NormName, type NormToken, skeleton } from './normalize.ts';
import { referenceTables } from './reference.ts';
import { balticStem, slavicKey } from './variants.ts';

/** Edit cost of substituting one character for another. Confusables (rigour compare.yml) cost less. */
const CONFUSABLE_COST = 0.6;

/** Optimal-string-alignment distance with cheaper confusable substitutions. */
export function editCost(a: string, b: string): number {
  if (a === b) return 0;
  const conf = referenceTables().confusables;
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    const ca = a[i - 1]!;
    for (let j = 1; j <= m; j++) {
      const cb = b[j - 1]!;
      const sub = ca === cb ? 0 : conf.has(ca + cb) ? CONFUSABLE_COST : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + sub);
      if (i > 1 && j > 1 && ca === b[j - 2] && a[i - 2] === cb) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]!;
}

/** Edits tolerated in a name part of the given length. */
export function allowedEdits(len: number): number {
  if (len <= 2) return 0;
  if (len <= 5) return 1;
  if (len <= 8) return 2;
  return 3;
}

/**
 * Edits tolerated in a part of a person's name: one typing or transliteration difference (plus one
 * confusable letter) up to 10 letters, two beyond. Two real surnames a few letters apart
 * ("Harrison" / "Harriman") are different people, not a typo.
 */
export function allowedPersonEdits(len: number): number {
  if (len <= 2) return 0;
  if (len <= 10) return 1.2;
  return 2.2;
}

const simCache = new Map<string, number>();

export function fuzzySim(a: string, b: string, person = false): number {
  if (a === b) return 1;
  const len = Math.max(a.length, b.length);
  // two-letter parts: only a transposition is tolerated ("HO" ~ "OH")
  if (len === 2 && a.length === 2 && b.length === 2) return a[0] === b[1] && a[1] === b[0] ? 0.5 : 0;
  const allowed = person ? allowedPersonEdits(len) : allowedEdits(len);
  if (Math.abs(a.length - b.length) > allowed) return 0;
  // plain Levenshtein is at most twice the confusable-aware OSA cost: cheap rejection
  if (distance(a, b) > 2 * allowed) return 0;
  const key = `${person ? 'p' : 'o'}${a < b ? `${a}\u0001${b}` : `${b}\u0001${a}`}`;
  const hit = simCache.get(key);
  if (hit !== undefined) return hit;
  const cost = editCost(a, b);
  const sim = cost > allowed ? 0 : 1 - cost / len;
  if (simCache.size > 500_000) simCache.clear();
  simCache.set(key, sim);
  return sim;
}

export interface TokenMatch {
  sim: number;
  how: string;
}

/** Similarity of two name parts in [0, 1] with the rule that produced it. */
export function tokenSim(
  a: NormToken,
  b: NormToken,
  lastA: boolean,
  lastB: boolean,
  person = false,
): TokenMatch {
  if (a.cls === 'number' || b.cls === 'number') {
    if (a.cls === 'number' && b.cls === 'number' && a.num === b.num) return { sim: 1, how: 'same number' };
    // a number read from a word against a word: a misspelt number word ("secnd" ~ "second")
    const w = a.cls === 'number' ? a.word : b.word;
    const other = a.cls === 'number' ? b : a;
    if (w && other.cls !== 'number') {
      const f = fuzzySim(w, other.form);
      if (f > 0) return { sim: f, how: 'edit distance' };
    }
    return { sim: 0, how: '' };
  }
  if (a.form === b.form) return { sim: 1, how: 'exact' };
  let sim = 0;
  let how = '';
  if (a.groups.length && b.groups.length && a.groups.some((g) => b.groups.includes(g))) {
    sim = 0.95;
    how = 'synonym';
  }
  const f = fuzzySim(a.form, b.form, person);
  if (f > sim) {
    sim = f;
    how = 'edit distance';
  }
  if (
    sim < 0.75 &&
    a.phonetic &&
    a.phonetic === b.phonetic &&
    a.phonetic.length >= 3 &&
    a.form[0] === b.form[0]
  ) {
    sim = 0.75;
    how = 'phonetic';
  }
  if (sim < 0.85 && (a.abjad || b.abjad) && a.skeleton.length >= 2 && a.skeleton === b.skeleton) {
    sim = 0.85;
    how = 'consonant skeleton (abjad transliteration)';
  } else if (
    // a short name of one consonant and long vowels ("علي" -> "ly" ~ "Ali", "عزيز" -> "zyz" ~ "Aziz")
    sim < 0.8 &&
    (a.abjad || b.abjad) &&
    a.skeleton.length === 1 &&
    a.skeleton === b.skeleton &&
    a.cls === 'name' &&
    b.cls === 'name' &&
    Math.min(a.form.length, b.form.length) >= 2
  ) {
    sim = 0.8;
    how = 'consonant skeleton (abjad transliteration)';
  }
  if (sim < 0.85 && person && a.cls === 'name' && b.cls === 'name') {
    // Cyrillic names romanised by other national conventions; Baltic endings on foreign names
    const sa = balticStem(a.form);
    const sb = balticStem(b.form);
    const ka = slavicKey(sa);
    const kb = slavicKey(sb);
    if (sa !== a.form || sb !== b.form) {
      // the same stem with a grammatical ending is the same name; a spelling difference on top less
      const s2 = sa === sb ? 0.95 : ka && ka === kb ? 0.9 : fuzzySim(sa, sb, true) >= 0.8 ? 0.85 : 0;
      if (s2 > sim) {
        sim = s2;
        how = 'Baltic ending';
      }
    }
    if (sim < 0.85 && ka.length >= 4 && kb.length >= 4 && (ka === kb || fuzzySim(ka, kb, true) >= 0.8)) {
      sim = ka === kb ? 0.85 : 0.8;
      how = 'romanisation convention';
    }
  }
  if (sim < 0.7) {
    // initials: "J" ~ "John"
    if (
      (a.cls === 'initial' && b.form.startsWith(a.form)) ||
      (b.cls === 'initial' && a.form.startsWith(b.form))
    ) {
      sim = 0.7;
      how = 'initial';
    } else if (
      // truncated last part: "Belkassem DR" ~ "Belkassem DRISSI"
      sim < 0.6 &&
      ((a.form.length >= 2 && b.form.length > a.form.length && lastA && b.form.startsWith(a.form)) ||
        (b.form.length >= 2 && a.form.length > b.form.length && lastB && a.form.startsWith(b.form)))
    ) {
      sim = 0.6;
      how = 'truncated';
    }
  }
  return { sim, how };
}

export interface PartPair {
  query: string;
  listed: string;
  sim: number;
  how: string;
}

export interface NameComparison {
  score: number;
  pairs: PartPair[];
  unmatchedQuery: string[];
  unmatchedListed: string[];
  notes: string[];
}

interface Candidate {
  a: number[];
  b: number[];
  sim: number;
  how: string;
}

/** Weight of an unmatched query part relative to a matched one. */
const QUERY_EXTRA = 1.5;
/** Weight of an unmatched listed part when every query part is matched (listed name longer). */
const LISTED_EXTRA_COVERED = 0.3;
/** ... and when the query also has unmatched parts (conflicting parts). */
const LISTED_EXTRA_CONFLICT = 1.0;
/** Person names: weight of unmatched query parts when the listed name (2+ parts) is fully matched
 * (middle names and patronymics are often missing from one side). */
const PERSON_QUERY_EXTRA_COVERED = 0.3;
/** Similarity given to two differing numbers (series, vintages) paired with each other. */
const NUMBER_MISMATCH = 0.2;
/** Weight of a number present on one side only (series marker "II"): as heavy as a name part. */
const UNPAIRED_NUMBER_WEIGHT = 1;
/** Share of its weight an unmatched group or company word costs. */
const UNMATCHED_SYMBOL = 0.3;
/** rigour org-symbol groups of words that name a group or a company form, not a business. */
const GROUP_WORDS = new Set(['org:holding', 'org:grp']);
/** Both names state a legal form, of different types (JSC / LLC). */
const LEGAL_FORM_CONFLICT = 0.75;
/** "X bin Y" against "Y bin X". */
const PATRONYMIC_SWAP = 0.6;
/** Words linking a given name to the father's or ancestor's name. */
const PATRONYMIC_LINKS = new Set(['bin', 'ibn', 'ben', 'bint', 'binti', 'bte', 'ould', 'walad', 'bar', 'ap']);

/** (child, parent) pairs of token indexes around a patronymic link word. */
function patronymicRelations(n: NormName): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const t = n.tokens;
  for (let i = 1; i < t.length - 1; i++) {
    if (!PATRONYMIC_LINKS.has(t[i]!.form)) continue;
    // nearest name parts on both sides, over articles ("AL-WALID OULD MAHFOUZ")
    let x = i - 1;
    while (x >= 0 && t[x]!.cls === 'particle') x--;
    let y = i + 1;
    while (y < t.length && t[y]!.cls === 'particle') y++;
    if (x >= 0 && y < t.length && t[x]!.cls === 'name' && t[y]!.cls === 'name') out.push([x, y]);
  }
  return out;
}

/**
 * True when both names link two paired parts by a patronymic word in opposite directions. A whole
 * name printed inverted ("MARWAN, BILAL BIN") has the link word last and gives no relation.
 */
function patronymicsCrossed(q: NormName, c: NormName, chosen: Candidate[]): boolean {
  const rq = patronymicRelations(q);
  const rc = patronymicRelations(c);
  if (!rq.length || !rc.length) return false;
  const toB = new Map<number, number>();
  for (const cd of chosen) if (cd.a.length === 1 && cd.b.length === 1) toB.set(cd.a[0]!, cd.b[0]!);
  return rq.some(([x, y]) => {
    const bx = toB.get(x);
    const by = toB.get(y);
    return bx !== undefined && by !== undefined && rc.some(([u, v]) => u === by && v === bx);
  });
}

/** Share of Han/Hangul characters equal at the same position, as a factor in [0.5, 1]. */
function syllableAgreement(a: string, b: string): number {
  const ca = [...a];
  const cb = [...b];
  let same = 0;
  const len = Math.max(ca.length, cb.length);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) if (ca[i] === cb[i]) same++;
  return 0.5 + (0.5 * same) / len;
}

function concat(tokens: NormToken[], from: number, len: number): string {
  let s = '';
  for (let k = from; k < from + len; k++) s += tokens[k]!.form;
  return s;
}

function joinedCandidates(A: NormToken[], B: NormToken[], swap: boolean, out: Candidate[]): void {
  for (let i = 0; i < A.length; i++) {
    const a = A[i]!;
    if (a.cls === 'number' || a.form.length < 2) continue;
    for (let j = 0; j < B.length; j++) {
      if (B[j]!.form[0] !== a.form[0] && !a.abjad && !B[j]!.abjad) continue;
      for (let len = 2; len <= 3 && j + len <= B.length; len++) {
        const s = concat(B, j, len);
        const sim = a.form.length >= 4 && s.length <= a.form.length + 3 ? fuzzySim(a.form, s) : 0;
        const idx = len === 2 ? [j, j + 1] : [j, j + 1, j + 2];
        // abjad transliterations: "عبد الله" -> "bd llh" ~ "Abdullah" by consonants
        const abjadJoin =
          sim < 0.8 &&
          (a.abjad || idx.some((k) => B[k]!.abjad)) &&
          a.skeleton.length >= 3 &&
          skeleton(s) === a.skeleton;
        if (abjadJoin) {
          out.push(
            swap
              ? { a: idx, b: [i], sim: 0.85, how: 'split word (consonants)' }
              : { a: [i], b: idx, sim: 0.85, how: 'joined word (consonants)' },
          );
        } else if (sim >= 0.8) {
          out.push(
            swap ? { a: idx, b: [i], sim, how: 'split word' } : { a: [i], b: idx, sim, how: 'joined word' },
          );
        } else if (a.cls !== 'initial' && a.form.length <= 5 && len <= a.form.length) {
          // initialism: "US" ~ "United States"
          const letters = idx.map((k) => B[k]!.form[0]).join('');
          if (letters === a.form && idx.every((k) => B[k]!.cls !== 'number'))
            out.push(
              swap
                ? { a: idx, b: [i], sim: 0.9, how: 'initialism' }
                : { a: [i], b: idx, sim: 0.9, how: 'initialism' },
            );
        }
      }
    }
  }
}

/**
 * Organisation acronyms of four to eight words: "IRGC" ~ "Islamic Revolutionary Guard Corps",
 * "KCNA" ~ "Korean Central News Agency" (the first letters of consecutive words, particles such as
 * "of" or "the" skipped or used). Shorter initialisms are handled with joined words.
 */
function acronymCandidates(A: NormToken[], B: NormToken[], swap: boolean, out: Candidate[]): void {
  for (let i = 0; i < A.length; i++) {
    const a = A[i]!;
    if (a.cls === 'number' || a.form.length < 3 || a.form.length > 8 || /\d/.test(a.form)) continue;
    for (let j = 0; j < B.length; j++) {
      if (B[j]!.cls === 'particle' || B[j]!.form[0] !== a.form[0]) continue;
      const idx: number[] = [];
      let k = j;
      let pos = 0;
      while (k < B.length && pos < a.form.length) {
        const t = B[k]!;
        if (t.cls === 'number') break;
        if (t.form[0] === a.form[pos]) pos++;
        else if (t.cls !== 'particle') break;
        idx.push(k++);
      }
      const words = idx.filter((x) => B[x]!.cls !== 'particle').length;
      if (pos === a.form.length && words >= 4 && words === a.form.length)
        out.push(
          swap ? { a: idx, b: [i], sim: 0.9, how: 'acronym' } : { a: [i], b: idx, sim: 0.9, how: 'acronym' },
        );
    }
  }
}

/** Compare a query name with a listed name. Score in [0, 1]; 1 = same name after normalisation. */
export function compareNames(q: NormName, c: NormName): NameComparison {
  const A = q.tokens;
  const B = c.tokens;
  const notes: string[] = [];
  if (A.length === 0 || B.length === 0)
    return { score: 0, pairs: [], unmatchedQuery: [], unmatchedListed: [], notes };
  const person = q.mode === 'person' && c.mode === 'person';
  const cands: Candidate[] = [];
  for (let i = 0; i < A.length; i++) {
    for (let j = 0; j < B.length; j++) {
      const m = tokenSim(A[i]!, B[j]!, i === A.length - 1, j === B.length - 1, person);
      if (m.sim > 0) cands.push({ a: [i], b: [j], sim: m.sim, how: m.how });
    }
  }
  // numbers on both sides that differ are paired as a half match ("Fund V" ~ "Fund VI")
  const numsA = A.map((t, i) => (t.cls === 'number' ? i : -1)).filter((i) => i >= 0);
  const numsB = B.map((t, j) => (t.cls === 'number' ? j : -1)).filter((j) => j >= 0);
  for (const i of numsA)
    for (const j of numsB)
      if (A[i]!.num !== B[j]!.num)
        cands.push({ a: [i], b: [j], sim: NUMBER_MISMATCH, how: 'different number' });
  joinedCandidates(A, B, false, cands);
  joinedCandidates(B, A, true, cands);
  if (q.mode === 'org' && c.mode === 'org') {
    acronymCandidates(A, B, false, cands);
    acronymCandidates(B, A, true, cands);
  }
  cands.sort((x, y) => y.sim - x.sim || y.a.length + y.b.length - (x.a.length + x.b.length));
  const usedA = new Array<boolean>(A.length).fill(false);
  const usedB = new Array<boolean>(B.length).fill(false);
  const chosen: Candidate[] = [];
  for (const cd of cands) {
    if (cd.a.some((i) => usedA[i]) || cd.b.some((j) => usedB[j])) continue;
    for (const i of cd.a) usedA[i] = true;
    for (const j of cd.b) usedB[j] = true;
    chosen.push(cd);
  }
  let matchedA = 0;
  let matchedB = 0;
  let simA = 0;
  let simB = 0;
  for (const cd of chosen) {
    const wa = cd.a.reduce((s, i) => s + A[i]!.weight, 0);
    const wb = cd.b.reduce((s, j) => s + B[j]!.weight, 0);
    // a pair counts with the weight of its heavier side on both sides (a particle paired with a name
    // does not make the name cheap)
    const w = Math.max(wa, wb);
    matchedA += w;
    matchedB += w;
    simA += cd.sim * w;
    simB += cd.sim * w;
  }
  let extraA = 0;
  let extraB = 0;
  const unmatchedQuery: string[] = [];
  const unmatchedListed: string[] = [];
  // an unmatched part costs its weight; a particle half of it; a word that names the group
  // ("Holding", "Group") a third of it (a business word such as "Systems" or "Corporation" names
  // another entity and costs in full)
  const extraWeight = (t: NormToken) =>
    t.cls === 'number'
      ? UNPAIRED_NUMBER_WEIGHT
      : t.cls === 'particle'
        ? t.weight / 2
        : t.cls === 'symbol' && t.groups.some((g) => GROUP_WORDS.has(g))
          ? t.weight * UNMATCHED_SYMBOL
          : t.weight;
  A.forEach((t, i) => {
    if (!usedA[i]) {
      extraA += extraWeight(t);
      unmatchedQuery.push(t.form);
    }
  });
  B.forEach((t, j) => {
    if (!usedB[j]) {
      extraB += extraWeight(t);
      unmatchedListed.push(t.form);
    }
  });
  const significantA = A.some((t, i) => !usedA[i] && t.cls !== 'particle');
  const unpairedNumber = [...A.filter((_, i) => !usedA[i]), ...B.filter((_, j) => !usedB[j])].some(
    (t) => t.cls === 'number',
  );
  // a country word only on the listed side names another entity (a subsidiary): as heavy as a conflict
  const listedCountry = B.some((t, j) => !usedB[j] && t.country);
  const listedFactor =
    significantA || unpairedNumber || listedCountry ? LISTED_EXTRA_CONFLICT : LISTED_EXTRA_COVERED;
  const listedCovered =
    B.every((_, j) => usedB[j] || B[j]!.cls === 'particle') &&
    B.filter((t) => t.cls !== 'particle').length >= 2;
  const queryFactor =
    q.mode === 'person' && c.mode === 'person' && listedCovered ? PERSON_QUERY_EXTRA_COVERED : QUERY_EXTRA;
  const denom = matchedA + matchedB + queryFactor * extraA * 2 + listedFactor * extraB * 2;
  let score = denom > 0 ? (simA + simB) / denom : 0;
  if (chosen.some((cd) => cd.how === 'different number')) notes.push('numbers differ');
  if (unpairedNumber) notes.push('a number on one side only');
  if (listedCountry) notes.push('a country word on the listed side only');
  // legal forms: both stated and of different classes
  // legal forms: both stated and of different legal types (a joint-stock company is not a limited
  // liability company, in any language); the same type written two ways is equal, a missing one is free
  if (q.legal.length && c.legal.length && !q.legal.some((l) => c.legal.includes(l))) {
    score *= LEGAL_FORM_CONFLICT;
    notes.push(`legal forms differ (${q.legal.join(',')} / ${c.legal.join(',')}) x${LEGAL_FORM_CONFLICT}`);
  }
  // patronymic order: "X bin Y" (X son of Y) is another person than "Y bin X"
  if (person && patronymicsCrossed(q, c, chosen)) {
    score *= PATRONYMIC_SWAP;
    notes.push(`patronymic order differs x${PATRONYMIC_SWAP}`);
  }
  // Han/Hangul written on both sides: transliteration merges distinct characters (章 and 张 are both
  // "zhang"), so the characters decide
  if (q.syllabic && c.syllabic && q.syllabic !== c.syllabic) {
    const f = syllableAgreement(q.syllabic, c.syllabic);
    score *= f;
    notes.push(`original-script characters differ (${q.syllabic} / ${c.syllabic}) x${f.toFixed(2)}`);
  }
  const pairs = chosen.map((cd) => ({
    query: cd.a.map((i) => A[i]!.form).join(' '),
    listed: cd.b.map((j) => B[j]!.form).join(' '),
    sim: Math.round(cd.sim * 1000) / 1000,
    how: cd.how,
  }));
  return { score: Math.min(1, score), pairs, unmatchedQuery, unmatchedListed, notes };
}

export function explainComparison(cmp: NameComparison): string {
  const parts = cmp.pairs.map((p) =>
    p.how === 'exact' || p.how === 'same number'
      ? p.query
      : `${p.query}~${p.listed} (${p.how} ${p.sim.toFixed(2)})`,
  );
  const out = [`parts ${parts.join(', ') || '-'}`];
  if (cmp.unmatchedQuery.length) out.push(`unmatched query parts: ${cmp.unmatchedQuery.join(' ')}`);
  if (cmp.unmatchedListed.length) out.push(`extra listed parts: ${cmp.unmatchedListed.join(' ')}`);
  out.push(...cmp.notes);
  return out.join('; ');
}
