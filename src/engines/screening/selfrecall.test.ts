import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ScreeningIndex } from './matcher.ts';
import { parseUnXml } from './parsers/un.ts';
import { sanctionsData } from './paths.ts';
import { rng, seededEdit, unRecallQueries, unSelfRecall } from './selfrecall.ts';

describe('seeded edit generator', () => {
  it('makes exactly one substitution, deletion or transposition in one part of 6+ letters, deterministically', () => {
    const a = rng(1);
    const b = rng(1);
    for (let i = 0; i < 200; i++) {
      const name = 'ABDUL Rahman AL-QAIDA Makhlouf Ng';
      const e1 = seededEdit(name, a)!;
      const e2 = seededEdit(name, b)!;
      expect(e1).toEqual(e2);
      const before = name.split(' ');
      const after = e1.text.split(' ');
      const changed = before.map((p, k) => [p, after[k]!] as const).filter(([p, q]) => p !== q);
      expect(changed).toHaveLength(1);
      const [p, q] = changed[0]!;
      expect([...p].filter((c) => /\p{L}/u.test(c)).length).toBeGreaterThanOrEqual(6);
      if (e1.op === 'delete') expect(q.length).toBe(p.length - 1);
      else expect(q.length).toBe(p.length);
    }
    expect(seededEdit('Ng Li Bo', rng(3))).toBeUndefined();
  });
});

describe('UN self-recall (first 200 entries)', () => {
  it('finds entries by primary name, Good/a.k.a. aliases and original-script names, with and without an edit', async () => {
    const un = (
      await parseUnXml(readFileSync(sanctionsData('un/UN_consolidated_2026-02-27.xml'), 'utf8'))
    ).slice(0, 200);
    const queries = unRecallQueries(un);
    expect(queries.some((q) => q.source === 'original script')).toBe(true);
    const r = unSelfRecall(new ScreeningIndex(un), un);
    expect(r.asWritten.recall).toBeGreaterThanOrEqual(0.99);
    expect(r.withEdit.recall).toBeGreaterThanOrEqual(0.95);
  });
});
