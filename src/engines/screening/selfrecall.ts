/**
 * UN self-recall (issue 5): query each UN entry by its primary name and by each alias of quality
 * Good or a.k.a. (not Low; f.k.a. names are aliases too but not queried), plus its original-script
 * names, (a) as written and (b) with one seeded edit: substitute, delete or transpose one letter in
 * one name part of 6+ letters. A query is found when the entry is the top hit at or above the
 * threshold.
 */
import { DEFAULT_THRESHOLD, type ScreeningIndex } from './matcher.ts';
import type { Entity } from './model.ts';

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Edit {
  text: string;
  op: 'substitute' | 'delete' | 'transpose';
  part: string;
}

/**
 * One seeded edit in one name part of 6+ letters; undefined when the name has no such part.
 * Substitutions draw the new letter from the same script (the letters of the name itself when it
 * is not Latin), never the same letter.
 */
export function seededEdit(name: string, random: () => number): Edit | undefined {
  const parts = name.split(/(\s+)/);
  const eligible = parts
    .map((p, i) => ({ p, i, letters: [...p].filter((c) => /\p{L}/u.test(c)).length }))
    .filter((x) => x.letters >= 6);
  if (eligible.length === 0) return undefined;
  const pick = eligible[Math.floor(random() * eligible.length)]!;
  const chars = [...pick.p];
  const letterIdx = chars.map((c, i) => (/\p{L}/u.test(c) ? i : -1)).filter((i) => i >= 0);
  const ops: Edit['op'][] = ['substitute', 'delete', 'transpose'];
  const op = ops[Math.floor(random() * 3)]!;
  const at = letterIdx[Math.floor(random() * letterIdx.length)]!;
  if (op === 'delete') chars.splice(at, 1);
  else if (op === 'transpose') {
    // swap with the next letter (or the previous one at the end); skip equal letters
    const pos = letterIdx.indexOf(at);
    const other = letterIdx[pos + 1] ?? letterIdx[pos - 1]!;
    if (chars[at]!.toLowerCase() === chars[other]!.toLowerCase()) {
      chars.splice(at, 1);
      return finish('delete');
    }
    [chars[at], chars[other]] = [chars[other]!, chars[at]!];
  } else {
    const isLatin = /[A-Za-z]/.test(chars[at]!);
    const upper = chars[at] === chars[at]!.toUpperCase();
    let pool = isLatin
      ? [...'abcdefghijklmnopqrstuvwxyz']
      : [...new Set([...name].filter((c) => /\p{L}/u.test(c)))];
    pool = pool.filter((c) => c.toLowerCase() !== chars[at]!.toLowerCase());
    if (pool.length === 0) {
      chars.splice(at, 1);
      return finish('delete');
    }
    const c = pool[Math.floor(random() * pool.length)]!;
    chars[at] = isLatin && upper ? c.toUpperCase() : c;
  }
  return finish(op);

  function finish(o: Edit['op']): Edit {
    const edited = chars.join('');
    const out = [...parts];
    out[pick.i] = edited;
    return { text: out.join(''), op: o, part: pick.p };
  }
}

export interface RecallQuery {
  entityId: string;
  name: string;
  source: 'primary' | 'alias' | 'original script';
}

/** Queries of the UN self-recall: primary, Good/a.k.a. aliases, original-script names. */
export function unRecallQueries(entities: Entity[]): RecallQuery[] {
  const out: RecallQuery[] = [];
  for (const e of entities) {
    for (const n of e.names) {
      if (n.strength === 'weak' || n.previous) continue;
      const source =
        n.strength === 'primary' ? 'primary' : n.script && n.script !== 'Latin' ? 'original script' : 'alias';
      out.push({ entityId: e.id, name: n.value, source });
    }
  }
  return out;
}

export interface RecallReport {
  queries: number;
  found: number;
  recall: number;
  misses: Array<{ entityId: string; query: string; top?: string; score?: number }>;
}

export function runRecall(
  index: ScreeningIndex,
  queries: Array<{ entityId: string; name: string }>,
  threshold = DEFAULT_THRESHOLD,
): RecallReport {
  let found = 0;
  const misses: RecallReport['misses'] = [];
  for (const q of queries) {
    const r = index.screen({ name: q.name }, { threshold, limit: 1 });
    const top = r.hits[0];
    if (top && top.entityId === q.entityId && top.score >= threshold) found++;
    else misses.push({ entityId: q.entityId, query: q.name, top: top?.entityId, score: top?.score });
  }
  return { queries: queries.length, found, recall: queries.length ? found / queries.length : 1, misses };
}

/** Both self-recall measurements over one index holding the UN entries. */
export function unSelfRecall(
  index: ScreeningIndex,
  un: Entity[],
  seed = 20260227,
): { asWritten: RecallReport; withEdit: RecallReport; skippedNoLongPart: number } {
  const queries = unRecallQueries(un);
  const asWritten = runRecall(index, queries);
  const random = rng(seed);
  const edited: Array<{ entityId: string; name: string }> = [];
  let skipped = 0;
  for (const q of queries) {
    const ed = seededEdit(q.name, random);
    if (ed) edited.push({ entityId: q.entityId, name: ed.text });
    else skipped++;
  }
  return { asWritten, withEdit: runRecall(index, edited), skippedNoLongPart: skipped };
}
