import { beforeAll, describe, expect, it } from 'vitest';
import { type Frame, readFrame } from './frame.ts';
import {
  evaluateModel,
  loadModel,
  modelToJson,
  type RiskModel,
  scoreRows,
  topContributions,
  trainModel,
} from './model.ts';
import type { RuleSet } from './rules.ts';
import { headLines, KCS_MAPPING, KCS_TRAIN, tmpDir, writeTemp } from './test-helpers.ts';

const rules: RuleSet = {
  rules: [
    {
      id: 'cn',
      family: 'financial',
      weight: 0.25,
      rationale: 'origin CN',
      conditions: [{ op: 'equals', role: 'origin', value: 'CN' }],
    },
    {
      id: 'hs85',
      family: 'security_safety',
      weight: -0.5,
      rationale: 'test negative weight',
      mandatory: true,
      conditions: [{ op: 'hsPrefix', prefixes: ['85'] }],
    },
  ],
};
const GBDT = { nTrees: 25, learningRate: 0.2 };

describe('risk model', () => {
  let frame: Frame;
  let model: RiskModel;
  const train = Array.from({ length: 3000 }, (_, i) => i);
  const test = Array.from({ length: 1000 }, (_, i) => 3000 + i);
  beforeAll(async () => {
    const lines = await headLines(KCS_TRAIN, 4000);
    frame = await readFrame(writeTemp(tmpDir(), 'kcs.csv', lines), {
      mapping: KCS_MAPPING,
      requireLabel: true,
    });
    model = trainModel(frame, train, {
      seed: 3,
      gbdt: GBDT,
      rules,
      mapping: KCS_MAPPING,
      createdAt: 'fixed',
    });
  });

  it('explanations add up exactly to the score (bias + features + rules)', () => {
    let checked = 0;
    let withRule = 0;
    const res0 = scoreRows(model, frame, test);
    const res = scoreRows(model, frame, test, {
      onExplain: (i, e) => {
        let sum = e.bias;
        for (let f = 0; f < e.features.length; f++) sum += e.features[f]!;
        let total = sum;
        for (let r = 0; r < e.rules.length; r++) total += e.rules[r]!;
        if (e.rules.some((x) => x !== 0)) withRule++;
        expect(total).toBe(res0.score[i]!);
        checked++;
      },
    });
    expect(checked).toBe(1000);
    expect(withRule).toBeGreaterThan(0);
    expect(Array.from(res.score)).toEqual(Array.from(res0.score));
    // the model part equals the raw GBDT margin up to rounding
    for (let i = 0; i < 1000; i++) {
      let rsum = 0;
      for (let r = 0; r < res.ruleHits.length; r++) if (res.ruleHits[r]![i]) rsum += rules.rules[r]!.weight;
      expect(res.score[i]! - rsum).toBeCloseTo(res.margin[i]!, 9);
    }
  });

  it('rule hits move the score by their weight and mandatory hits are flagged', () => {
    const res = scoreRows(model, frame, test);
    const cnCol = frame.cats.get('origin')!;
    const hsCol = frame.cats.get('hs')!;
    for (let i = 0; i < 1000; i++) {
      const r = test[i]!;
      const cn = cnCol.dict[cnCol.codes[r]!] === 'CN' ? 0.25 : 0;
      const h85 = hsCol.dict[hsCol.codes[r]!]!.startsWith('85');
      expect(res.score[i]! - res.margin[i]!).toBeCloseTo(cn + (h85 ? -0.5 : 0), 12);
      expect(res.mandatory[i]).toBe(h85 ? 1 : 0);
    }
  });

  it('is deterministic for a seed and round-trips through one JSON document', () => {
    const again = trainModel(frame, train, {
      seed: 3,
      gbdt: GBDT,
      rules,
      mapping: KCS_MAPPING,
      createdAt: 'fixed',
    });
    expect(modelToJson(again)).toBe(modelToJson(model));
    const other = trainModel(frame, train, {
      seed: 4,
      gbdt: GBDT,
      rules,
      mapping: KCS_MAPPING,
      createdAt: 'fixed',
    });
    expect(modelToJson(other)).not.toBe(modelToJson(model));
    const doc = JSON.parse(modelToJson(model));
    expect(doc.format).toBe('eucab-risk-model');
    expect(doc.version).toBe(1);
    expect(doc.importance.length).toBe(doc.featureNames.length);
    expect(doc.metrics.trainInSample.rows).toBe(3000);
    expect(doc.metrics.rules.map((r: { id: string }) => r.id)).toEqual(['cn', 'hs85']);
    expect(doc.metrics.rules[0].hits).toBeGreaterThan(0);
    const back = loadModel(modelToJson(model));
    expect(Array.from(scoreRows(back, frame, test).score)).toEqual(
      Array.from(scoreRows(model, frame, test).score),
    );
    expect(() => loadModel({ ...doc, version: 2 })).toThrow(/unsupported model version 2/);
    expect(() => loadModel({ format: 'other' })).toThrow(/not a risk model/);
  });

  it('top contributions are the k largest in absolute value, rules included', () => {
    scoreRows(model, frame, test.slice(0, 200), {
      onExplain: (_i, e) => {
        const all = [
          ...Array.from(e.features, (value, f) => ({ name: model.pipeline.featureNames[f]!, value })),
          ...Array.from(e.rules, (value, r) => ({ name: `rule:${rules.rules[r]!.id}`, value })),
        ].filter((x) => x.value !== 0);
        all.sort((a, b) => Math.abs(b.value) - Math.abs(a.value) || (a.name < b.name ? -1 : 1));
        expect(topContributions(model, e, 5)).toEqual(all.slice(0, 5));
      },
    });
  });

  it('scores never depend on the labels of the scored rows', () => {
    const a = scoreRows(model, frame, test);
    const flipped = { ...frame, label: frame.label.map((l, i) => (i >= 3000 ? 1 - l : l)) as Int8Array };
    const b = scoreRows(model, flipped as Frame, test);
    expect(Array.from(b.score)).toEqual(Array.from(a.score));
  });

  it('learns something real on the slice (better than chance on later rows)', () => {
    const m = evaluateModel(model, frame, test);
    expect(m.auc).toBeGreaterThan(0.6);
  });
});
