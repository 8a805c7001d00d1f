import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { TLP_RULES } from '../../access/tlp.ts';
import type { Database } from '../../db/connection.ts';
import type { KindDefinition } from '../definition.ts';
import { type Facets, listSummary } from '../list-summary.ts';
import { pageWithEnvelopes } from '../page-envelopes.ts';
import {
  type ListFilters,
  present,
  ROW_COLUMNS,
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

/** Facets are counted for code, country, network and text filters and lists of codes (over `b.data`). */
function facetExpression(kind: KindDefinition, field: string) {
  const def = kind.fields[field]!;
  if (!['code', 'country', 'network', 'list', 'text'].includes(def.type)) return null;
  if (def.type === 'list' && def.of.type !== 'code') return null;
  return def.type === 'list'
    ? sql<string>`SELECT ${sql.lit(field)}::text AS f, jsonb_array_elements_text(CASE WHEN jsonb_typeof(b.data->${field}) = 'array' THEN b.data->${field} ELSE '[]'::jsonb END) AS v`
    : sql<string>`SELECT ${sql.lit(field)}::text AS f, b.data->>${field} AS v`;
}

/**
 * The facets of the filter fields: the 50 most frequent values of each, counted in ONE pass over
 * the readable set (each record's values of every facet field, grouped by field and value).
 */
async function countFacets(db: Database, kind: KindDefinition, base: ReturnType<typeof readableKindQuery>) {
  const parts = kind.filters.map((field) => facetExpression(kind, field)).filter((e) => e !== null);
  const out: Facets = {};
  if (parts.length === 0) return out;
  const rows = await sql<{ f: string; v: string; n: number }>`
    SELECT f, v, n FROM (
      SELECT x.f, x.v, count(*) AS n, row_number() OVER (PARTITION BY x.f ORDER BY count(*) DESC) AS rank
      FROM (${base.select('r.data')}) AS b
      CROSS JOIN LATERAL (${sql.join(parts, sql` UNION ALL `)}) AS x
      WHERE x.v IS NOT NULL
      GROUP BY x.f, x.v
    ) AS counted
    WHERE rank <= 50
    ORDER BY f, n DESC`.execute(db);
  for (const field of kind.filters) if (facetExpression(kind, field)) out[field] = {};
  for (const r of rows.rows) out[r.f]![r.v] = Number(r.n);
  return out;
}

/** One page of the records the caller may read, the total and the facets of the filter fields. */
export async function listRecords(
  db: Database,
  a: Actor,
  kind: KindDefinition,
  input: ListInput,
  opts: { exactTotalLimit?: number } = {},
) {
  const f = listFilters(kind, input);
  const sortable = new Set(['title', 'updated_at', 'created_at', 'status', ...kind.listColumns]);
  const sortBy = sortable.has(input.sort.replace(/^-/, '')) ? input.sort : '-updated_at';
  const base = readableKindQuery(db, a, kind, f);
  const order = sortExpression(kind, sortBy, Boolean(f.q));
  const direction = sortBy.startsWith('-') ? 'desc' : 'asc';
  // The page is chosen first, its rows' envelope computed after (page-envelopes.ts).
  const page = base
    .select([...ROW_COLUMNS])
    .orderBy(order, direction)
    .orderBy('r.id')
    .limit(input.limit)
    .offset(input.offset);
  const rows = await pageWithEnvelopes(
    db,
    kind.name,
    page,
    order,
    direction,
    kind.embargoField !== undefined,
  );
  const facets = () => countFacets(db, kind, base);
  // Exact below a cap, else computed once per caller, filters and data version (list-summary.ts).
  const summary = await listSummary(db, a, kind.name, f, base, facets, opts.exactTotalLimit);
  const rec = await recipientsByRecord(
    db,
    kind.name,
    rows.filter((x) => TLP_RULES[x.tlp].namedRecipientsOnly).map((x) => x.id),
  );
  return {
    total: summary.total,
    totalIsEstimate: summary.totalIsEstimate,
    facets: summary.facets,
    items: rows.map((row) => present(a, kind, row, rec.get(row.id) ?? [])),
  };
}
