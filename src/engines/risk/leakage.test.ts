import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFrame, readSample } from './frame.ts';
import { findLeakage } from './leakage.ts';
import { type Mapping, proposeMapping } from './mapping.ts';
import { evaluateModel, trainModel } from './model.ts';
import { KCS_TRAIN, KCS_VALID, tmpDir } from './test-helpers.ts';

/** A KCS file with both outcome columns renamed: Fraud → "Irregularity", Critical Fraud → "Control code". */
function renamed(src: string, dir: string): string {
  const text = readFileSync(src, 'utf8');
  const nl = text.indexOf('\n');
  const header = text.slice(0, nl).replace(/,Fraud,Critical Fraud\s*$/, ',Irregularity,Control code');
  const p = join(dir, src.endsWith('train_2020.csv') ? 'train.csv' : 'valid.csv');
  writeFileSync(p, `${header}\n${text.slice(nl + 1)}`);
  return p;
}

describe('leakage guard', () => {
  it('excludes a renamed severity column with its reason; precision on held-back data as without it', async () => {
    const dir = tmpDir();
    const train = renamed(KCS_TRAIN, dir);
    const valid = renamed(KCS_VALID, dir);
    const s = await readSample(train, 1000);
    const { mapping } = proposeMapping(s.header, s.rows);
    expect(mapping.columns.Irregularity).toBe('label');
    // the neutral name defeats the name check: the proposal makes it a feature
    expect(mapping.columns['Control code']).toBe('categorical');

    const frame = await readFrame(train, { mapping, requireLabel: true });
    const vf = await readFrame(valid, { mapping, requireLabel: true });
    const gbdt = { nTrees: 60 };
    const guarded = trainModel(frame, null, { seed: 1, gbdt, mapping });
    const finding = guarded.doc.leakage!.find((l) => l.column === 'Control code')!;
    expect(finding.excluded).toBe(true);
    expect(finding.reason).toMatch(/deterministic function of the outcome|AUC/);
    expect(guarded.doc.leakage!.filter((l) => l.excluded).map((l) => l.column)).toEqual(['Control code']);
    expect(guarded.doc.featureNames.some((f) => f.includes('Control code'))).toBe(false);
    expect(guarded.doc.mapping!.columns['Control code']).toBe('ignore');

    const without: Mapping = { ...mapping, columns: { ...mapping.columns, 'Control code': 'ignore' } };
    const clean = trainModel(await readFrame(train, { mapping: without, requireLabel: true }), null, {
      seed: 1,
      gbdt,
      mapping: without,
    });
    const a = evaluateModel(guarded, vf);
    const b = evaluateModel(clean, await readFrame(valid, { mapping: without, requireLabel: true }));
    for (const n of [1, 5, 10]) {
      const pa = a.at.find((x) => x.n === n)!.precision!;
      const pb = b.at.find((x) => x.n === n)!.precision!;
      expect(Math.abs(pa - pb)).toBeLessThanOrEqual(0.01);
      if (n === 10) expect(pa).toBeLessThan(0.99);
    }

    // explicit override: kept, and said so
    const overridden = findLeakage(
      frame,
      Uint32Array.from({ length: 2000 }, (_, i) => i),
      mapping,
      {
        allow: ['Control code'],
      },
    );
    const kept = overridden.find((l) => l.column === 'Control code')!;
    expect(kept.excluded).toBe(false);
    expect(kept.reason).toMatch(/kept because the guard was overridden/);
  }, 300_000);

  it('leaves legitimate strong indicators alone (KCS HS6, origin …)', async () => {
    const s = await readSample(KCS_TRAIN, 1000);
    const { mapping } = proposeMapping(s.header, s.rows);
    const frame = await readFrame(KCS_TRAIN, { mapping, requireLabel: true });
    const rows = Uint32Array.from({ length: frame.n }, (_, i) => i);
    expect(findLeakage(frame, rows, mapping)).toEqual([]);
  }, 120_000);
});
