import { sql } from 'kysely';
import type { Actor } from '../../../access/actor.ts';
import type { Database } from '../../../db/connection.ts';
import {
  innovationDomain,
  technologyReadinessLevel,
} from '../../../registry/kinds/innovation/innovation-initiative.codes.ts';
import { readableKindQuery } from '../../../registry/record-queries.ts';
import { commonKind, initiativeKind } from '../innovation-kinds.ts';

const DOMAINS = innovationDomain.codes.map((c) => c.code);
const LEVELS = technologyReadinessLevel.codes.map((c) => c.code);

/**
 * The innovation area at a glance, over the published records the caller may read (the kinds'
 * readable filters): initiatives per domain × readiness level (with totals), per administration,
 * and the common initiatives with their lead, participants and next milestone.
 */
export async function innovationOverview(db: Database, a: Actor) {
  const published = { status: 'published', fields: {} };
  const [cells, owners, commons] = await Promise.all([
    readableKindQuery(db, a, initiativeKind, published)
      .select([sql<string>`r.data->>'domain'`.as('domain'), sql<string>`r.data->>'trl'`.as('trl')])
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .groupBy([sql`r.data->>'domain'`, sql`r.data->>'trl'`])
      .execute(),
    readableKindQuery(db, a, initiativeKind, published)
      .select('o.code')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .groupBy('o.code')
      .orderBy('o.code')
      .execute(),
    readableKindQuery(db, a, commonKind, published)
      .select(['r.id', 'r.title', 'o.code as lead', 'r.data'])
      .orderBy('r.title')
      .limit(200)
      .execute(),
  ]);
  const count = new Map(cells.map((c) => [`${c.domain}:${c.trl}`, Number(c.n)]));
  const matrix = DOMAINS.map((domain) => ({
    domain,
    counts: LEVELS.map((trl) => count.get(`${domain}:${trl}`) ?? 0),
  }));
  const today = new Date().toISOString().slice(0, 10);
  return {
    levels: LEVELS,
    matrix,
    totals: LEVELS.map((_, i) => matrix.reduce((s, row) => s + row.counts[i]!, 0)),
    total: matrix.reduce((s, row) => s + row.counts.reduce((x, y) => x + y, 0), 0),
    byAdministration: owners.map((o) => ({ code: o.code, count: Number(o.n) })),
    common: commons.map((c) => {
      const data = c.data as {
        participants?: { country: string; role: string }[];
        milestones?: { title: string; due_date: string; status: string }[];
      };
      const next = (data.milestones ?? [])
        .filter((m) => m.due_date >= today && m.status !== 'reached' && m.status !== 'dropped')
        .sort((x, y) => x.due_date.localeCompare(y.due_date))[0];
      return {
        id: c.id,
        title: c.title,
        lead: c.lead,
        participants: (data.participants ?? []).map((p) => p.country),
        nextMilestone: next ?? null,
      };
    }),
  };
}
