import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { TLP_RULES } from '../../access/tlp.ts';
import type { Database } from '../../db/connection.ts';
import type { KindDefinition } from '../definition.ts';
import {
  type ListFilters,
  META_COLUMNS,
  present,
  readableKindQuery,
  recipientsByRecord,
  sortExpression,
} from '../record-queries.ts';

/** The list's query: search, status, owner, the kind's filter fields (by name), sort and page. */
export type FilterInput = Record<string, unknown> & {
  q?: string | undefined;
  language?: string | undefined;
  status?: string | undefined;
  owner?: string | undefined;
};
export type ListInput = FilterInput & { sort: string; limit: number; offset: number };

/** The filters of a list query (the same for the list, its export and its statistics). */
export function listFilters(kind: KindDefinition, input: FilterInput): ListFilters {
  const fields: Record<string, string | undefined> = {};
  for (const f of kind.filters) fields[f] = input[f] as string | undefined;
  return { q: input.q, language: input.language, status: input.status, owner: input.owner, fields };
}

/** Facets are counted for code, country, network and text filters and lists of codes. */
function facetExpression(kind: KindDefinition, field: string) {
  const def = kind.fields[field]!;
  if (!['code', 'country', 'network', 'list', 'text'].includes(def.type)) return null;
  if (def.type === 'list' && def.of.type !== 'code') return null;
  return def.type === 'list'
    ? sql<string>`jsonb_array_elements_text(CASE WHEN jsonb_typeof(r.data->${field}) = 'array' THEN r.data->${field} ELSE '[]'::jsonb END)`
    : sql<string>`r.data->>${field}`;
}

/** One page of the records the caller may read, the total and the facets of the filter fields. */
export async function listRecords(db: Database, a: Actor, kind: KindDefinition, input: ListInput) {
  const f = listFilters(kind, input);
  const sortable = new Set(['title', 'updated_at', 'created_at', 'status', ...kind.listColumns]);
  const sortBy = sortable.has(input.sort.replace(/^-/, '')) ? input.sort : '-updated_at';
  const base = readableKindQuery(db, a, kind, f);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([...META_COLUMNS])
    .orderBy(sortExpression(kind, sortBy, Boolean(f.q)), sortBy.startsWith('-') ? 'desc' : 'asc')
    .orderBy('r.id')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  const facets: Record<string, Record<string, number>> = {};
  for (const field of kind.filters) {
    const expr = facetExpression(kind, field);
    if (!expr) continue;
    const counts = await base
      .select([expr.as('v'), (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('v')
      .orderBy('n', 'desc')
      .limit(50)
      .execute();
    facets[field] = Object.fromEntries(counts.filter((c) => c.v !== null).map((c) => [c.v, c.n]));
  }
  const rec = await recipientsByRecord(
    db,
    kind.name,
    rows.filter((x) => TLP_RULES[x.tlp].namedRecipientsOnly).map((x) => x.id),
  );
  return {
    total: total.n,
    facets,
    items: rows.map((row) => present(a, kind, row, rec.get(row.id) ?? [])),
  };
}
