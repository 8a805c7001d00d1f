import { convert, type UnitInfo } from '../../../../src/contract/units.ts';
import type { DescribedField, FieldDef } from '../types.ts';

/**
 * The measured values of a "compare" view: a list field of objects with a metric code, a number
 * and a unit code (specifications, metrics). Each metric is shown in one common unit (the one
 * most records use), converted with the same function the compliance check uses.
 */
export interface MetricShape {
  metric: string;
  metricList: string;
  value: string;
  unit: string;
}

export function metricShape(field: DescribedField | undefined): MetricShape | null {
  if (field?.type !== 'list' || field.of.type !== 'object') return null;
  const entries = Object.entries(field.of.fields) as [string, FieldDef][];
  const unit = entries.find(([, f]) => f.type === 'code' && f.codeList === 'unit');
  const metric = entries.find(([, f]) => f.type === 'code' && f.codeList !== 'unit');
  const value = entries.find(([, f]) => f.type === 'number');
  if (!unit || !metric || !value || metric[1].type !== 'code') return null;
  return { metric: metric[0], metricList: metric[1].codeList, value: value[0], unit: unit[0] };
}

export interface MetricRow {
  metric: string;
  unit: string;
  /** One per record, in the order given: the value in the common unit and what was recorded. */
  cells: ({ value: number; original: number; originalUnit: string } | null)[];
}

export function metricRows(
  shape: MetricShape,
  records: Record<string, unknown>[],
  field: string,
  units: Record<string, UnitInfo>,
): MetricRow[] {
  const rows = records.map((d) => (Array.isArray(d[field]) ? (d[field] as Record<string, unknown>[]) : []));
  const metrics: string[] = [];
  for (const r of rows)
    for (const m of r) {
      const code = String(m[shape.metric]);
      if (!metrics.includes(code)) metrics.push(code);
    }
  return metrics.map((metric) => {
    const found = rows.map((r) => r.find((m) => String(m[shape.metric]) === metric));
    const tally = new Map<string, number>();
    for (const f of found)
      if (f) tally.set(String(f[shape.unit]), (tally.get(String(f[shape.unit])) ?? 0) + 1);
    const unit = [...tally].sort((a, b) => b[1] - a[1])[0]![0];
    return {
      metric,
      unit,
      cells: found.map((f) => {
        if (!f || typeof f[shape.value] !== 'number') return null;
        const original = f[shape.value] as number;
        const originalUnit = String(f[shape.unit]);
        const v = convert(original, originalUnit, unit, units);
        return v === null ? null : { value: Math.round(v * 1e6) / 1e6, original, originalUnit };
      }),
    };
  });
}
