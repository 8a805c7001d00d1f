/**
 * Compliance of measured or specified values against a requirement set, with unit conversion
 * through the `unit` code list (each unit has a dimension and a factor to its base unit).
 * Pure: no database; the route gathers the records the caller may read. Units and their
 * conversion are in the contract (src/contract/units.ts): the web app's comparison view uses them.
 */
import { convert, type UnitInfo } from '../contract/units.ts';

export { convert, type UnitInfo };

export interface Requirement {
  req_id: string;
  text: string;
  metric?: string;
  comparison?: 'min' | 'max';
  threshold?: number;
  unit?: string;
}

export interface Measurement {
  metric: string;
  value: number;
  unit: string;
}

export type Verdict = 'pass' | 'fail' | 'no_data' | 'not_measurable';

export interface CellResult {
  req_id: string;
  verdict: Verdict;
  value?: number;
  unit?: string;
  /** The measured value in the requirement's unit. */
  converted?: number;
  reason?: string;
}

export function assess(
  requirements: Requirement[],
  measurements: Measurement[],
  units: Record<string, UnitInfo>,
): CellResult[] {
  return requirements.map((r) => {
    if (!r.metric || !r.comparison || r.threshold === undefined || !r.unit) {
      return {
        req_id: r.req_id,
        verdict: 'not_measurable',
        reason: 'The requirement has no metric, comparison, threshold and unit.',
      };
    }
    const m = measurements.find((x) => x.metric === r.metric);
    if (!m) return { req_id: r.req_id, verdict: 'no_data' };
    const converted = convert(m.value, m.unit, r.unit, units);
    if (converted === null) {
      return {
        req_id: r.req_id,
        verdict: 'no_data',
        value: m.value,
        unit: m.unit,
        reason: `${m.unit} cannot be converted to ${r.unit}.`,
      };
    }
    const ok = r.comparison === 'min' ? converted >= r.threshold : converted <= r.threshold;
    return {
      req_id: r.req_id,
      verdict: ok ? 'pass' : 'fail',
      value: m.value,
      unit: m.unit,
      converted: Math.round(converted * 1e6) / 1e6,
    };
  });
}
