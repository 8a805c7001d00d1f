import { describe, expect, it } from 'vitest';
import { assess, convert } from './compliance.ts';

const units = {
  mm: { dimension: 'length', factor: 0.001 },
  cm: { dimension: 'length', factor: 0.01 },
  usv_h: { dimension: 'dose_rate', factor: 1 },
  msv_h: { dimension: 'dose_rate', factor: 1000 },
};

describe('compliance', () => {
  it('converts within a dimension only', () => {
    expect(convert(30, 'cm', 'mm', units)).toBeCloseTo(300);
    expect(convert(1, 'mm', 'usv_h', units)).toBeNull();
  });
  it('judges min and max thresholds after conversion', () => {
    const reqs = [
      {
        req_id: 'P1',
        text: 'penetration',
        metric: 'pen',
        comparison: 'min' as const,
        threshold: 300,
        unit: 'mm',
      },
      { req_id: 'S1', text: 'dose', metric: 'dose', comparison: 'max' as const, threshold: 1, unit: 'usv_h' },
      { req_id: 'D1', text: 'data export', kind: 'data' },
      {
        req_id: 'P2',
        text: 'weight',
        metric: 'weight',
        comparison: 'max' as const,
        threshold: 10,
        unit: 'mm',
      },
    ];
    const r = assess(
      reqs,
      [
        { metric: 'pen', value: 29, unit: 'cm' },
        { metric: 'dose', value: 0.002, unit: 'msv_h' },
      ],
      units,
    );
    expect(r.map((x) => x.verdict)).toEqual(['fail', 'fail', 'not_measurable', 'no_data']);
    expect(r[0]!.converted).toBeCloseTo(290);
    expect(r[1]!.converted).toBeCloseTo(2);
    const ok = assess(
      reqs.slice(0, 2),
      [
        { metric: 'pen', value: 31, unit: 'cm' },
        { metric: 'dose', value: 0.5, unit: 'usv_h' },
      ],
      units,
    );
    expect(ok.map((x) => x.verdict)).toEqual(['pass', 'pass']);
  });
});
