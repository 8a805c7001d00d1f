import { describe, expect, it } from 'vitest';
import type { Questionnaire } from '../model.ts';
import { crosstab } from './crosstab.ts';
import type { Response } from './observations.ts';
import { summarize } from './summaries.ts';
import { determinedCells, suppress, tableEquations } from './suppression.ts';

/** mulberry32: a small seeded generator, so failures replay. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const K = 3;
const list = (n: number, p: string) => Array.from({ length: n }, (_, i) => ({ name: `${p}${i}`, label: {} }));

function form(na: number, nb: number, nm: number): Questionnaire {
  return {
    format: 'eucab-questionnaire',
    id: 'p',
    title: '',
    version: '1',
    languages: [],
    choiceLists: { la: list(na, 'a'), lb: list(nb, 'b'), lm: list(nm, 'm'), lf: list(3, 'f') },
    items: [
      { type: 'select_one', code: 'a', label: {}, choices: { list: 'la' } },
      { type: 'select_one', code: 'b', label: {}, choices: { list: 'lb' } },
      { type: 'select_multiple', code: 'm', label: {}, choices: { list: 'lm' } },
      { type: 'select_one', code: 'f', label: {}, choices: { list: 'lf' } },
      { type: 'integer', code: 'x', label: {} },
    ],
    leftOut: [],
  };
}

function data(r: () => number, n: number, na: number, nb: number, nm: number): Response[] {
  const pick = (m: number) => Math.floor(r() * m);
  // skewed categories make small cells common
  const skew = (m: number) => Math.min(m - 1, Math.floor(r() ** 2 * m));
  return Array.from({ length: n }, (_, i) => {
    const answers: Record<string, unknown> = { f: `f${pick(3)}`, x: pick(100) };
    if (r() > 0.1) answers.a = `a${skew(na)}`;
    if (r() > 0.1) answers.b = `b${skew(nb)}`;
    const m = list(nm, 'm')
      .map((c) => c.name)
      .filter(() => r() < 0.4);
    if (m.length) answers.m = m;
    return { respondent: `adm${i}`, answers };
  });
}

/** Every visible figure of a cross-tab equals the truth and rests on ≥ K respondents; nothing hidden follows. */
function checkCrosstab(q: Questionnaire, rs: Response[]) {
  const t = crosstab(q, rs, 'a', 'b', { aggregateOnly: true });
  const truth = crosstab(q, rs, 'a', 'b');
  const eq = tableEquations(t.rows.length, t.cols.length);
  const shown: (number | null)[] = new Array(eq.size).fill(null);
  const real: number[] = new Array(eq.size).fill(0);
  t.rows.forEach((_, i) => {
    t.cols.forEach((_, j) => {
      shown[eq.cell(i, j)] = t.cells[i]![j] ?? null;
      real[eq.cell(i, j)] = truth.cells[i]![j]!;
    });
  });
  t.rows.forEach((_, i) => {
    shown[eq.rowTotal(i)] = t.rowTotals[i]!;
    real[eq.rowTotal(i)] = truth.rowTotals[i]!;
  });
  t.cols.forEach((_, j) => {
    shown[eq.colTotal(j)] = t.colTotals[j]!;
    real[eq.colTotal(j)] = truth.colTotals[j]!;
  });
  shown[eq.grand] = t.total;
  real[eq.grand] = truth.total!;
  shown.forEach((v, i) => {
    if (v === null) return;
    expect(v).toBe(real[i]);
    expect(v).toBeGreaterThanOrEqual(K);
  });
  const hidden = shown.map((v) => v === null);
  for (const e of eq.equations) {
    const hiddenParts = e.parts.filter((i) => hidden[i]);
    const unknowns = hiddenParts.length + (hidden[e.total] ? 1 : 0);
    // one hidden figure in an equation would follow by subtraction
    expect(unknowns).not.toBe(1);
    // the hidden parts of a visible total are themselves a figure: at least K respondents
    if (!hidden[e.total] && hiddenParts.length > 0)
      expect(hiddenParts.reduce((s, i) => s + real[i]!, 0)).toBeGreaterThanOrEqual(K);
  }
  // nor through several equations together
  expect(determinedCells(hidden, eq.equations, eq.size)).toEqual([]);
  return { shown, real };
}

function checkSummaries(q: Questionnaire, rs: Response[]) {
  const a = summarize(q, rs, 'a', { aggregateOnly: true });
  const m = summarize(q, rs, 'm', { aggregateOnly: true });
  const x = summarize(q, rs, 'x', { aggregateOnly: true });
  if (a.kind !== 'choice' || m.kind !== 'choice' || x.kind !== 'number') throw new Error('kinds');
  const answeredA = rs.filter((r) => r.answers.a !== undefined).length;
  if (a.n !== null) expect(a.n).toBe(answeredA);
  if (a.n !== null) expect(a.n).toBeGreaterThanOrEqual(K);
  const hiddenA = a.categories.filter((c) => c.count === null);
  expect(hiddenA.length === 1 && a.n !== null).toBe(false);
  for (const c of a.categories) if (c.count !== null) expect(c.count).toBeGreaterThanOrEqual(K);
  const answeredM = rs.filter((r) => r.answers.m !== undefined);
  for (const c of m.categories) {
    if (c.count === null) continue;
    const real = answeredM.filter((r) => (r.answers.m as string[]).includes(c.value)).length;
    expect(c.count).toBe(real);
    expect(c.count).toBeGreaterThanOrEqual(K);
    expect(answeredM.length - real).toBeGreaterThanOrEqual(K);
  }
  expect(x).not.toHaveProperty('min');
  expect(x).not.toHaveProperty('max');
  if (x.mean !== null) expect(x.n).toBeGreaterThanOrEqual(K);
  if (rs.length < K) expect(x.mean).toBeNull();
}

describe('small-cell protection (seeded property test)', () => {
  it('for random data and filters, visible figures rest on ≥ 3 respondents and hidden ones cannot be derived', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed);
      const na = 2 + Math.floor(r() * 3);
      const nb = 2 + Math.floor(r() * 3);
      const nm = 2 + Math.floor(r() * 3);
      const q = form(na, nb, nm);
      const all = data(r, 2 + Math.floor(r() * 40), na, nb, nm);
      const f = `f${Math.floor(r() * 3)}`;
      const filters: ((x: Response) => boolean)[] = [
        () => true,
        (x) => x.answers.f === f,
        (x) => x.answers.f !== f,
      ];
      const keep = filters[Math.floor(r() * filters.length)]!;
      const rs = all.filter(keep);
      const before = checkCrosstab(q, rs);
      checkSummaries(q, rs);
      if (rs.length === 0) continue;
      // one respondent changes an answer: still no visible figure on fewer than 3 respondents
      const who = Math.floor(r() * rs.length);
      const changed = rs.map((x, i) =>
        i === who
          ? { ...x, answers: { ...x.answers, a: `a${Math.floor(r() * na)}`, b: `b${Math.floor(r() * nb)}` } }
          : x,
      );
      const after = checkCrosstab(q, changed);
      checkSummaries(q, changed);
      after.shown.forEach((v, i) => {
        const w = before.shown[i];
        if (v !== null && w !== null && w !== undefined && v !== w) {
          expect(Math.min(v, w)).toBeGreaterThanOrEqual(K);
        }
      });
    }
  });

  it('hides the second-smallest cell of a line with one small cell, and cells a chain of equations pins', () => {
    // one line: 5 + 1 + 6 = 12 → the 1 is hidden, then the 5 (smallest visible)
    expect(suppress([5, 1, 6, 12], [5, 1, 6, 12], [{ parts: [0, 1, 2], total: 3 }], 3)).toEqual([
      true,
      true,
      false,
      false,
    ]);
    // hidden parts that sum below k: 1 + 1 (+ 10) = 12 → also hide the 10? no: hide smallest visible until sum ≥ k
    expect(suppress([1, 1, 10, 12], [1, 1, 10, 12], [{ parts: [0, 1, 2], total: 3 }], 3)).toEqual([
      true,
      true,
      true,
      false,
    ]);
    // everything hidden when the total itself is small
    expect(suppress([1, 1, 2], [1, 1, 2], [{ parts: [0, 1], total: 2 }], 3)).toEqual([true, true, true]);
  });
});
