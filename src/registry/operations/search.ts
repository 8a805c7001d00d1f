import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { readableFilter } from '../../access/shared-record-policy.ts';
import type { Database } from '../../db/connection.ts';
import { KINDS } from '../kinds/index.ts';
import { readableRecords } from '../registry-policy.ts';
import { searchConfig, searchMatch } from '../search-config.ts';

/**
 * Full-text search across every registry kind and the network announcements, each through its
 * readable filter like every list; the best `limit` hits by rank.
 */
export async function searchEverything(
  db: Database,
  a: Actor,
  input: { q: string; language: string; limit: number },
) {
  const { q, language, limit } = input;
  const cfg = searchConfig(language);
  const kindNames = KINDS.map((k) => k.name);
  const registry = await db
    .selectFrom('registry_records as r')
    .innerJoin('organisations as o', 'o.id', 'r.owner_org_id')
    .select([
      'r.id',
      'r.kind',
      'r.title',
      'r.tlp',
      'r.status',
      'o.code as owner',
      sql<number>`ts_rank(r.search, websearch_to_tsquery(${cfg}::regconfig, unaccent(${q})))`.as('rank'),
    ])
    .where('r.kind', 'in', kindNames)
    .where('r.status', '<>', 'retracted')
    .where((eb) => eb.or(kindNames.map((k) => eb.and([eb('r.kind', '=', k), readableRecords(a, k, 'r')]))))
    .where(searchMatch('r.search', language, q))
    .orderBy('rank', 'desc')
    .limit(limit)
    .execute();
  const announcements = await db
    .selectFrom('announcements as an')
    .innerJoin('organisations as o', 'o.id', 'an.owner_org_id')
    .select([
      'an.id',
      sql<string>`'announcement'`.as('kind'),
      'an.title',
      'an.tlp',
      sql<string>`'published'`.as('status'),
      'o.code as owner',
      sql<number>`ts_rank(an.search, websearch_to_tsquery('simple', ${q}))`.as('rank'),
    ])
    .where(readableFilter(a, 'announcement', 'an'))
    .where(sql<boolean>`an.search @@ websearch_to_tsquery('simple', ${q})`)
    .orderBy('rank', 'desc')
    .limit(limit)
    .execute();
  const items = [...registry, ...announcements]
    .sort((x, y) => Number(y.rank) - Number(x.rank))
    .slice(0, limit);
  return { items };
}
