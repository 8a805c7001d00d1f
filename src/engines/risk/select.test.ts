import { describe, expect, it } from 'vitest';
import { selectBatch, uncertainty } from './select.ts';

const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
const score = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
const probability = [0.99, 0.95, 0.9, 0.8, 0.6, 0.5, 0.45, 0.2, 0.1, 0.05];
const novelty = new Array(10).fill(0);

describe('selectBatch', () => {
  it('selects k = max(1, floor(n% × N)) by score, ties by id', () => {
    const s = selectBatch({ ids, score, probability, novelty, budget: { percent: 30 } });
    expect(s.rows).toEqual([0, 1, 2]);
    const t = selectBatch({
      ids: ['z', 'y', 'x'],
      score: [1, 1, 1],
      probability: [0.5, 0.5, 0.5],
      novelty: [0, 0, 0],
      budget: { k: 2 },
    });
    expect(t.rows).toEqual([2, 1]);
    expect(selectBatch({ ids, score, probability, novelty, budget: { percent: 1 } }).rows).toEqual([0]);
  });

  it('spends the exploration share of the budget on the most uncertain remaining declarations', () => {
    const s = selectBatch({ ids, score, probability, novelty, budget: { k: 4 }, explorationShare: 0.5 });
    // exploit 2 (a, b); among the rest, p(1-p) is largest for f (0.5), then g (0.45)
    expect(s.rows).toEqual([0, 1, 5, 6]);
    expect(s.reasons).toEqual(['exploit', 'exploit', 'explore', 'explore']);
    // novelty boosts rarely-seen declarations
    const nov = novelty.slice();
    nov[8] = 1; // p = 0.1: 0.09 × 2 = 0.18 < 0.25 (f) but > 0.2475 (g)? no: 0.18 < 0.2475 → still f, g
    nov[7] = 1; // p = 0.2: 0.16 × 2 = 0.32 > 0.25 → h first
    const s2 = selectBatch({
      ids,
      score,
      probability,
      novelty: nov,
      budget: { k: 4 },
      explorationShare: 0.5,
    });
    expect(s2.rows).toEqual([0, 1, 7, 5]);
    expect(uncertainty(0.5, 0)).toBe(0.25);
  });

  it('random exploration is seeded and never picks exploited rows', () => {
    const a = selectBatch({
      ids,
      score,
      probability,
      novelty,
      budget: { k: 5 },
      explorationShare: 0.4,
      explorationMode: 'random',
      seed: 9,
    });
    const b = selectBatch({
      ids,
      score,
      probability,
      novelty,
      budget: { k: 5 },
      explorationShare: 0.4,
      explorationMode: 'random',
      seed: 9,
    });
    expect(a.rows).toEqual(b.rows);
    expect(a.rows.slice(0, 3)).toEqual([0, 1, 2]);
    expect(new Set(a.rows).size).toBe(5);
  });

  it('mandatory hits are selected outside the budget and outside exploration', () => {
    const mandatory = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1];
    const s = selectBatch({
      ids,
      score,
      probability,
      novelty,
      mandatory,
      budget: { k: 4 },
      explorationShare: 0.5,
    });
    expect(s.rows).toEqual([8, 9, 0, 1, 5, 6]);
    expect(s.reasons).toEqual(['mandatory', 'mandatory', 'exploit', 'exploit', 'explore', 'explore']);
    expect(s.k).toBe(4);
  });
});
