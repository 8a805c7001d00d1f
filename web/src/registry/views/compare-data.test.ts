import { describe, expect, it } from 'vitest';
import type { DescribedField } from '../types.ts';
import { metricRows, metricShape } from './compare-data.ts';

const metrics = {
  name: 'metrics',
  type: 'list',
  label: 'Measured metrics',
  of: {
    type: 'object',
    fields: {
      metric: { type: 'code', codeList: 'equipment_metric', label: 'Metric' },
      value: { type: 'number', label: 'Value' },
      unit: { type: 'code', codeList: 'unit', label: 'Unit' },
    },
  },
} as unknown as DescribedField;

const units = {
  mm: { dimension: 'length', factor: 0.001 },
  cm: { dimension: 'length', factor: 0.01 },
  per_h: { dimension: 'rate', factor: 1 },
};

describe('compare view data', () => {
  it('finds the metric, value and unit fields of a list of objects, and nothing elsewhere', () => {
    expect(metricShape(metrics)).toEqual({
      metric: 'metric',
      metricList: 'equipment_metric',
      value: 'value',
      unit: 'unit',
    });
    expect(
      metricShape({ name: 'title', type: 'text', label: { en: 'Title', fr: 'Titre', de: 'Titel' } }),
    ).toBeNull();
    expect(metricShape(undefined)).toBeNull();
  });

  it('puts each metric in the unit most records use, converting the others; missing values stay empty', () => {
    const rows = metricRows(
      metricShape(metrics)!,
      [
        { metrics: [{ metric: 'penetration_steel', value: 300, unit: 'mm' }] },
        {
          metrics: [
            { metric: 'penetration_steel', value: 26.5, unit: 'cm' },
            { metric: 'throughput', value: 18, unit: 'per_h' },
          ],
        },
        { metrics: [{ metric: 'penetration_steel', value: 310, unit: 'mm' }] },
      ],
      'metrics',
      units,
    );
    expect(rows.map((r) => [r.metric, r.unit])).toEqual([
      ['penetration_steel', 'mm'],
      ['throughput', 'per_h'],
    ]);
    expect(rows[0]!.cells.map((c) => c?.value)).toEqual([300, 265, 310]);
    expect(rows[0]!.cells[1]).toMatchObject({ original: 26.5, originalUnit: 'cm' });
    expect(rows[1]!.cells).toEqual([null, { value: 18, original: 18, originalUnit: 'per_h' }, null]);
  });
});
