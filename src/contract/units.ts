import { z } from 'zod';

/**
 * Units of the `unit` code list: each has a dimension and a factor to its dimension's base unit.
 * The server's compliance check (src/registry/compliance.ts) and the web app's comparison view
 * convert values with the same function.
 */
export const unitInfoSchema = z.strictObject({ dimension: z.string(), factor: z.number() });
export type UnitInfo = z.infer<typeof unitInfoSchema>;

/** `value` in unit `from` expressed in unit `to`; null when either is unknown or the dimensions differ. */
export function convert(
  value: number,
  from: string,
  to: string,
  units: Record<string, UnitInfo>,
): number | null {
  if (from === to) return value;
  const a = units[from];
  const b = units[to];
  if (!a || !b || a.dimension !== b.dimension) return null;
  return (value * a.factor) / b.factor;
}
