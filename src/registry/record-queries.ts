import { type Kysely, sql } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { ApprovalRound } from '../access/approval-policy.ts';
import { envelopeListColumns } from '../access/envelope-lists.ts';
import {
  type RegistryEnvelope,
  readableRecords,
  recordAbilities,
  visibleData,
} from '../access/registry-policy.ts';
import { markingBanner } from '../access/tlp.ts';
import type { DB } from '../db/schema.ts';
import { approvalRoundColumn } from './approvals.ts';
import type { KindDefinition } from './definition.ts';
import { recordSearchMatch } from './search-config.ts';

export interface ListFilters {
  q?: string | undefined;
  language?: string | undefined;
  status?: string | undefined;
  owner?: string | undefined;
  fields: Record<string, string | undefined>;
}

/** The access-filtered base query of one kind with the user's filters: lists, counts, facets, exports and statistics start here. */
export function readableKindQuery(db: Kysely<DB>, a: Actor, kind: KindDefinition, f: ListFilters) {
  let q = db
    .selectFrom('registry_records as r')
    .innerJoin('organisations as o', 'o.id', 'r.owner_org_id')
    .where('r.kind', '=', kind.name)
    .where(readableRecords(a, kind, 'r'));
  if (f.status) q = q.where('r.status', '=', f.status as never);
  else q = q.where('r.status', '<>', 'retracted');
  if (f.owner) q = q.where('o.code', '=', f.owner);
  if (f.q) q = q.where(recordSearchMatch('r', f.language ?? 'en', f.q));
  for (const [name, raw] of Object.entries(f.fields)) {
    if (raw === undefined || raw === '') continue;
    const def = kind.fields[name];
    if (!def) continue;
    const values = raw
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    // "," or " , " names no value: no filter (an empty IN list is not SQL)
    if (values.length === 0) continue;
    if (def.type === 'list') {
      q = q.where((eb) =>
        eb.or(values.map((v) => sql<boolean>`r.data @> ${JSON.stringify({ [name]: [v] })}::jsonb`)),
      );
    } else {
      q = q.where(sql<string>`r.data->>${name}`, 'in', values);
    }
  }
  return q;
}

/** The envelope's lists (named organisations, co-editors) and the open approval round of `r`. */
export const ENVELOPE_COLUMNS = [
  ...envelopeListColumns('r', sql.ref('r.kind')),
  approvalRoundColumn('r', sql.ref('r.kind')),
] as const;

/**
 * The record's own columns (and its owner's code), without the envelope's lists: a page of a list
 * selects these, then loads the lists for its rows only (`withEnvelopes`, page-envelopes.ts).
 */
export const ROW_COLUMNS = [
  'r.id',
  'r.kind',
  'r.title',
  'r.status',
  'r.version',
  'r.tlp',
  'r.distribution',
  'r.distribution_network_id',
  'r.sharing_group_id',
  'r.owner_org_id',
  'o.code as owner_org_code',
  'r.author_id',
  'r.submitted_by',
  'r.data',
  'r.language',
  'r.is_demo',
  'r.created_at',
  'r.updated_at',
  'r.published_at',
  'r.status_note',
] as const;

/** The record's columns with the whole envelope (each row's lists computed in the query): the policy decides on every row with it. */
export const META_COLUMNS = [...ROW_COLUMNS, ...ENVELOPE_COLUMNS] as const;

/** One record of a kind with its owner's code (the columns lists show), whoever may read it: check with `present`. */
export function recordRow(db: Kysely<DB>, kind: KindDefinition, id: string) {
  return db
    .selectFrom('registry_records as r')
    .innerJoin('organisations as o', 'o.id', 'r.owner_org_id')
    .select([...META_COLUMNS])
    .where('r.kind', '=', kind.name)
    .where('r.id', '=', id)
    .executeTakeFirst();
}

type Row = {
  id: string;
  owner_org_id: string;
  author_id: string;
  distribution: RegistryEnvelope['distribution'];
  distribution_network_id: string | null;
  sharing_group_id: string | null;
  tlp: RegistryEnvelope['tlp'];
  status: RegistryEnvelope['status'];
  submitted_by: string | null;
  named_org_ids: readonly string[];
  editor_ids: readonly string[];
  approval: ApprovalRound | null;
  data: unknown;
};

export async function recipientsByRecord(db: Kysely<DB>, kind: string, ids: string[]) {
  const out = new Map<string, string[]>();
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('record_recipients')
    .select(['record_id', 'user_id'])
    .where('record_kind', '=', kind)
    .where('record_id', 'in', ids)
    .execute();
  for (const r of rows) out.set(r.record_id, [...(out.get(r.record_id) ?? []), r.user_id]);
  return out;
}

/** Adds abilities, the marking in words, and removes owner-only fields for other readers. */
export function present<T extends Row>(a: Actor, kind: KindDefinition, row: T, recipients: string[]) {
  const abilities = recordAbilities(a, { ...row, recipients }, kind);
  return {
    ...row,
    data: visibleData(kind, row.data as Record<string, unknown>, abilities),
    marking: markingBanner(row.distribution, row.tlp),
    abilities,
  };
}

/** Sort expression for a list: meta columns or a data field (numbers sort numerically). */
/**
 * The ORDER BY expression of a list. With a full-text search the matching rows are few and found
 * through the GIN index; ordering by the bare `updated_at` would tempt the planner to walk the
 * "live records newest first" index instead, testing the search on every row until a page is
 * full (measured: ×5–10 slower for a word in 1 % of 100,000 records, docs/benchmarks/registry.md).
 * `+ interval '0'` keeps the order and leaves the planner only the index of the search.
 */
export function sortExpression(kind: KindDefinition, sort: string, searching = false) {
  const field = sort.replace(/^-/, '');
  if (searching && field === 'updated_at') return sql`(r.updated_at + interval '0 seconds')`;
  if (field === 'title' || field === 'updated_at' || field === 'created_at' || field === 'status')
    return sql.ref(`r.${field}`);
  const def = kind.fields[field];
  if (def?.type === 'number') return sql`(r.data->>${field})::numeric`;
  return sql`r.data->>${field}`;
}
