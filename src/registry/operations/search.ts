import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { readableRecords } from '../../access/registry-policy.ts';
import type { Database } from '../../db/connection.ts';
import { KINDS } from '../kinds/index.ts';
import { fileSearchRank, recordSearchMatch, searchConfig } from '../search-config.ts';

/**
 * Full-text search across every registry kind (their fields and the text of their attached files;
 * network announcements included), each through its readable filter like every list; the best
 * `limit` hits by rank.
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
      sql<number>`ts_rank(r.search, websearch_to_tsquery(${cfg}::regconfig, unaccent(${q}))) + ${fileSearchRank('r', language, q)}`.as(
        'rank',
      ),
    ])
    .where('r.kind', 'in', kindNames)
    .where('r.status', '<>', 'retracted')
    .where((eb) => eb.or(KINDS.map((k) => eb.and([eb('r.kind', '=', k.name), readableRecords(a, k, 'r')]))))
    .where(recordSearchMatch('r', language, q))
    .orderBy('rank', 'desc')
    .limit(limit)
    .execute();
  return { items: registry };
}
