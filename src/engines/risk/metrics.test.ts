import { describe, expect, it } from 'vitest';
import { auc, budgetK, evaluateScores, metricsAt, rankOrder } from './metrics.ts';

describe('metrics', () => {
  it('k = max(1, floor(n/100 × N))', () => {
    expect(budgetK(1, 50)).toBe(1);
    expect(budgetK(5, 8134)).toBe(406);
    expect(budgetK(10, 8134)).toBe(813);
    expect(budgetK(2, 99)).toBe(1);
    expect(budgetK(2, 100)).toBe(2);
    expect(budgetK(29, 100)).toBe(29);
    expect(budgetK(57, 100)).toBe(57);
  });

  it('AUC by hand, including ties', () => {
    // positives 0.9, 0.4; negatives 0.8, 0.4, 0.1 → pairs: (0.9>0.8,0.4,0.1)=3, (0.4: >0.1, =0.4 half)=1.5 → 4.5/6
    expect(auc([0.9, 0.8, 0.4, 0.4, 0.1], [1, 0, 1, 0, 0])).toBeCloseTo(0.75, 12);
    expect(auc([1, 2, 3], [0, 0, 1])).toBe(1);
    expect(auc([3, 2, 1], [0, 0, 1])).toBe(0);
    expect(auc([1, 1, 1, 1], [0, 1, 0, 1])).toBe(0.5);
    expect(Number.isNaN(auc([1, 2], [1, 1]))).toBe(true);
  });

  it('ranks by score descending, ties by id ascending', () => {
    const order = rankOrder([0.5, 0.9, 0.5, 0.5], ['c', 'z', 'a', 'b']);
    expect(Array.from(order)).toEqual([1, 2, 3, 0]);
  });

  it('precision, recall and revenue at n% by hand', () => {
    // 20 declarations, scores 20..1 (row i has score 20 - i); frauds at rows 0, 1, 3, 10, 19
    const N = 20;
    const scores = Array.from({ length: N }, (_, i) => N - i);
    const labels = Array.from({ length: N }, (_, i) => ([0, 1, 3, 10, 19].includes(i) ? 1 : 0));
    const revenue = Array.from({ length: N }, (_, i) => (labels[i] ? (i + 1) * 10 : 0)); // 10+20+40+110+200 = 380
    const at10 = metricsAt(10, scores, labels, { revenue }); // k = 2 → rows 0, 1
    expect(at10).toEqual({ n: 10, k: 2, precision: 1, recall: 2 / 5, revenue: 30 / 380 });
    const at20 = metricsAt(20, scores, labels, { revenue }); // k = 4 → rows 0..3: 3 frauds
    expect(at20.precision).toBe(3 / 4);
    expect(at20.recall).toBe(3 / 5);
    expect(at20.revenue).toBeCloseTo(70 / 380, 12);
    const at1 = metricsAt(1, scores, labels); // k = max(1, 0) = 1
    expect(at1.k).toBe(1);
    expect(at1.revenue).toBeNull();
  });

  it('ties at the budget boundary are broken by id', () => {
    // three rows tie; k = 1 picks the smallest id, which is the fraud only in the second case
    const r1 = metricsAt(40, [1, 1, 1], [1, 0, 0], { ids: ['b', 'a', 'c'] });
    expect(r1.precision).toBe(0);
    const r2 = metricsAt(40, [1, 1, 1], [1, 0, 0], { ids: ['a', 'b', 'c'] });
    expect(r2.precision).toBe(1);
  });

  it('evaluateScores reports the four default cut-offs', () => {
    const scores = Array.from({ length: 200 }, (_, i) => 200 - i);
    const labels = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const r = evaluateScores(scores, labels);
    expect(r.at.map((a) => a.k)).toEqual([2, 4, 10, 20]);
    expect(r.at[0]!.precision).toBe(0.5); // rows 0, 1 → one fraud
    expect(r.positives).toBe(67);
  });
});
