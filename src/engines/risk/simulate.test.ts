import { beforeAll, describe, expect, it } from 'vitest';
import { type Frame, readFrame } from './frame.ts';
import { Rng } from './prng.ts';
import { simulate } from './simulate.ts';
import { headLines, KCS_MAPPING, KCS_TRAIN, KCS_VALID, tmpDir, writeTemp } from './test-helpers.ts';

const opts = {
  budget: { percent: 10 },
  period: 'week' as const,
  seed: 1,
  train: { gbdt: { nTrees: 10, learningRate: 0.3 } },
};

describe('online simulation', () => {
  let frame: Frame;
  let hist: number[];
  let stream: number[];
  beforeAll(async () => {
    const dir = tmpDir();
    const h = writeTemp(dir, 'h.csv', await headLines(KCS_TRAIN, 2000));
    const s = writeTemp(dir, 's.csv', await headLines(KCS_VALID, 1400));
    frame = await readFrame([h, s], { mapping: KCS_MAPPING });
    hist = [];
    stream = [];
    for (let i = 0; i < frame.n; i++) (frame.source[i] === 0 ? hist : stream).push(i);
  });

  it('reports per-period metrics normalised against a perfect selector with the same budget', () => {
    const r = simulate(frame, hist, stream, opts);
    expect(r.periods.length).toBeGreaterThanOrEqual(2);
    let trainRows = hist.length;
    r.periods.forEach((p, i) => {
      expect(p.selected).toBe(Math.max(1, Math.floor(0.1 * p.rows)));
      expect(p.normPrecision).toBeCloseTo(p.found / Math.min(p.selected, p.frauds), 12);
      expect(p.precision).toBeCloseTo(p.found / p.selected, 12);
      // the model of period i was trained on history + everything selected before
      expect(p.trainRows).toBe(trainRows);
      trainRows += r.selections[i]!.length;
    });
  });

  it('flipping the label of an unselected declaration changes nothing later', () => {
    const a = simulate(frame, hist, stream, opts);
    const selected = new Set(a.selections.flat());
    const first = stream.find((r) => !selected.has(r) && frame.label[r] === 1)!;
    const flipped = { ...frame, label: frame.label.slice() };
    flipped.label[first] = 0;
    const b = simulate(flipped as Frame, hist, stream, opts);
    expect(b.selections).toEqual(a.selections);
    expect(b.periods.map((p) => p.found)).toEqual(a.periods.map((p) => p.found));
  });

  it('the engine beats a random selector', () => {
    const a = simulate(frame, hist, stream, opts);
    const rng = new Rng(1);
    const rnd = simulate(frame, hist, stream, {
      ...opts,
      scorer: (_l, rows) => ({
        score: Float64Array.from(rows, () => rng.next()),
        probability: new Float64Array(rows.length).fill(0.5),
        novelty: new Float64Array(rows.length),
      }),
    });
    expect(a.summary.totalFound).toBeGreaterThan(rnd.summary.totalFound);
  });
});
