import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import type { Database } from '../../db/connection.ts';
import type { KindDefinition } from '../definition.ts';
import { readableKindQuery } from '../record-queries.ts';
import { type FilterInput, listFilters } from './list.ts';

export type StatsInput = FilterInput & { groupBy: string; sumField?: string | undefined };

/**
 * Counts (or sums of a number field) per owning organisation and value of `groupBy`, over the
 * published records the caller may read, narrowed by the list's own filters (matrix and map views).
 */
export async function recordStatistics(db: Database, a: Actor, kind: KindDefinition, input: StatsInput) {
  const { groupBy, sumField } = input;
  const sumDef = sumField ? kind.fields[sumField] : undefined;
  const measure =
    sumDef?.type === 'number'
      ? sql<number>`coalesce(sum((r.data->>${sumField!})::numeric), 0)`
      : sql<number>`count(*)`;
  const def = kind.fields[groupBy]!;
  const expr =
    def.type === 'list'
      ? sql<string>`jsonb_array_elements_text(coalesce(r.data->${groupBy}, '[]'::jsonb))`
      : sql<string>`r.data->>${groupBy}`;
  const rows = await readableKindQuery(db, a, kind, { ...listFilters(kind, input), status: 'published' })
    .select(['o.code as organisation', expr.as('value'), measure.as('measure')])
    .groupBy(['o.code', 'value'])
    .orderBy('o.code')
    .execute();
  return {
    groupBy,
    measure: sumDef ? `sum of ${sumField}` : 'count',
    cells: rows.map((x) => ({ ...x, measure: Number(x.measure) })),
  };
}
