import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../access/actor.ts';
import { envelopeListColumns } from '../../access/envelope-lists.ts';
import { readableFilter, type SharedEnvelope, sharedAbilities } from '../../access/shared-record-policy.ts';
import { markingBanner } from '../../access/tlp.ts';
import type { DB } from '../../db/schema.ts';
import type { listQuery } from './announcement-schema.ts';

export const KIND = 'announcement';
type Filters = Omit<z.infer<typeof listQuery>, 'limit' | 'offset' | 'sort'>;

/** The access-filtered base query: every list, count, search and export starts here. */
export function readableAnnouncements(db: Kysely<DB>, a: Actor, f: Filters) {
  let q = db
    .selectFrom('announcements as a')
    .innerJoin('networks as n', 'n.id', 'a.network_id')
    .innerJoin('organisations as o', 'o.id', 'a.owner_org_id')
    .innerJoin('users as u', 'u.id', 'a.author_id')
    .where(readableFilter(a, KIND, 'a'));
  if (f.networkId) q = q.where('a.network_id', '=', f.networkId);
  if (f.tlp) q = q.where('a.tlp', '=', f.tlp);
  if (f.distribution) q = q.where('a.distribution', '=', f.distribution);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`a.search @@ websearch_to_tsquery('simple', ${text})`,
        eb('a.title', 'ilike', `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`),
      ]),
    );
  }
  return q;
}

export const LIST_COLUMNS = [
  'a.id',
  'a.network_id',
  'n.name as network_name',
  'a.owner_org_id',
  'o.code as owner_org_code',
  'a.author_id',
  'u.display_name as author_name',
  'a.title',
  'a.distribution',
  'a.distribution_network_id',
  'a.sharing_group_id',
  'a.tlp',
  'a.is_demo',
  'a.created_at',
  'a.updated_at',
  // Named organisations and co-editors: the policy decides on every row with the whole envelope.
  ...envelopeListColumns('a', KIND),
] as const;

export async function recipientsOf(db: Kysely<DB>, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('record_recipients')
    .select(['record_id', 'user_id'])
    .where('record_kind', '=', KIND)
    .where('record_id', 'in', ids)
    .execute();
  for (const r of rows) out.set(r.record_id, [...(out.get(r.record_id) ?? []), r.user_id]);
  return out;
}

/** Loads the access envelope of one announcement (no access check: callers decide with it). */
export async function loadEnvelope(db: Kysely<DB>, id: string): Promise<SharedEnvelope | null> {
  const row = await db
    .selectFrom('announcements')
    .select([
      'id',
      'owner_org_id',
      'author_id',
      'distribution',
      'distribution_network_id',
      'sharing_group_id',
      'tlp',
      ...envelopeListColumns('announcements', KIND),
    ])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const rec = await recipientsOf(db, [id]);
  return { ...row, recipients: rec.get(id) ?? [] };
}

export function withAbilities<T extends Omit<SharedEnvelope, 'recipients'>>(
  a: Actor,
  row: T,
  recipients: string[],
) {
  return {
    ...row,
    marking: markingBanner(row.distribution, row.tlp),
    abilities: sharedAbilities(a, { ...row, recipients }),
  };
}
