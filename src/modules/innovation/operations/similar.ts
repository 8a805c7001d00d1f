import type { Actor } from '../../../access/actor.ts';
import { recordAbilities } from '../../../access/registry-policy.ts';
import type { Database } from '../../../db/connection.ts';
import { notFound } from '../../../http/errors.ts';
import { readableKindQuery } from '../../../registry/record-queries.ts';
import { loadRegistryEnvelope } from '../../../registry/record-service.ts';
import { initiativeKind } from '../innovation-kinds.ts';
import { type InitiativeText, mostSimilar, type Reason } from '../similarity/similarity.ts';

/** At most this many initiatives are compared (the newest first); the area holds far fewer. */
const POOL_LIMIT = 5000;

export interface SimilarInitiative {
  id: string;
  title: string;
  owner: string;
  language: string;
  domain: string;
  trl: string;
  score: number;
  reasons: Reason[];
}

function textOf(id: string, owner: string, language: string, data: Record<string, unknown>): InitiativeText {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const second = data.second_summary;
  return {
    id,
    owner,
    language,
    title: str(data.title),
    summary: str(data.summary),
    results: str(data.results),
    secondSummary:
      second && typeof second === 'object'
        ? Object.fromEntries(Object.entries(second).filter(([, v]) => typeof v === 'string'))
        : undefined,
    domain: str(data.domain),
    trl: str(data.trl),
    technologies: Array.isArray(data.technologies)
      ? data.technologies.filter((t) => typeof t === 'string')
      : [],
  };
}

/**
 * "Who else works on this": the published initiatives of OTHER administrations the caller may
 * read (the kind's readable filter), most similar to the one given first, each with its reasons
 * (similarity/similarity.ts). 404 when the caller may not read the initiative itself.
 */
export async function similarInitiatives(
  db: Database,
  a: Actor,
  id: string,
  limit = 5,
): Promise<{ items: SimilarInitiative[] }> {
  const env = await loadRegistryEnvelope(db, initiativeKind, id);
  if (!env || !recordAbilities(a, env, initiativeKind).read) throw notFound();
  const owner = await db
    .selectFrom('organisations')
    .select('code')
    .where('id', '=', env.owner_org_id)
    .executeTakeFirstOrThrow();
  const rows = await readableKindQuery(db, a, initiativeKind, { status: 'published', fields: {} })
    .where('r.owner_org_id', '<>', env.owner_org_id)
    .select(['r.id', 'r.language', 'r.data', 'o.code as owner'])
    .orderBy('r.updated_at', 'desc')
    .limit(POOL_LIMIT)
    .execute();
  const pool = rows.map((r) => textOf(r.id, r.owner, r.language, r.data as Record<string, unknown>));
  const byId = new Map(pool.map((p) => [p.id, p]));
  const matches = mostSimilar(textOf(id, owner.code, env.language, env.data), pool, { limit });
  return {
    items: matches.map((m) => {
      const p = byId.get(m.id)!;
      return {
        id: m.id,
        title: p.title,
        owner: p.owner,
        language: p.language,
        domain: p.domain,
        trl: p.trl,
        score: m.score,
        reasons: m.reasons,
      };
    }),
  };
}
