/**
 * Goods measures screened against declaration lines: the two shipped annexes of Reg. 833/2014
 * (Annex XL and XLVIII, `goods-annexes/`) plus the goods-measure records (registry kind `goods_measure`)
 * the caller may read, published and not retracted.
 */
import { readFileSync } from 'node:fs';
import type { Actor } from '../../access/actor.ts';
import type { Database } from '../../db/connection.ts';
import { type Direction, type GoodsMeasure, measuresFromAnnexCsv } from '../../engines/screening/index.ts';
import { goodsMeasure } from '../../registry/kinds/risk/goods-measure.kind.ts';
import { readableKindQuery } from '../../registry/record-queries.ts';

let shipped: GoodsMeasure[] | null = null;

/** Annex XL and XLVIII of Reg. (EU) 833/2014 (the only measures shipped with the platform). */
export function shippedMeasures(): GoodsMeasure[] {
  shipped ??= measuresFromAnnexCsv(
    readFileSync(new URL('./goods-annexes/eu_833_2014_annex_XL_XLVIII_hs6.csv', import.meta.url), 'utf8'),
    'eu_833_2014_annex_XL_XLVIII_hs6.csv',
  );
  return shipped;
}

export function measureFromRecord(id: string, d: Record<string, unknown>): GoodsMeasure {
  const directions: Direction[] = [];
  if (d.applies_import) directions.push('import');
  if (d.applies_export) directions.push('export');
  if (d.applies_transit) directions.push('transit');
  const m: GoodsMeasure = {
    id: `record:${String(d.measure_id ?? id)}`,
    title: String(d.title ?? ''),
    codePrefixes: ((d.code_prefixes as string[]) ?? []).map((c) => c.replace(/\D/g, '')).filter(Boolean),
    descriptions: {},
    directions,
    country: {
      role: (d.country_role as 'destination' | 'origin' | 'dispatch') ?? 'destination',
      countries: ((d.countries as string[]) ?? []).map((c) => c.toUpperCase()),
    },
    validFrom: String(d.valid_from ?? '0000-01-01'),
    exemptions: [],
    legalBasis: String(d.legal_basis ?? ''),
  };
  if (d.valid_to) m.validTo = String(d.valid_to);
  return m;
}

/** Shipped measures + published goods-measure records the actor may read. */
export async function measuresFor(db: Database, actor: Actor): Promise<GoodsMeasure[]> {
  const rows = await readableKindQuery(db, actor, goodsMeasure, { status: 'published', fields: {} })
    .select(['r.id', 'r.data'])
    .limit(5000)
    .execute();
  return [
    ...shippedMeasures(),
    ...rows.map((r) => measureFromRecord(r.id, r.data as Record<string, unknown>)),
  ];
}
