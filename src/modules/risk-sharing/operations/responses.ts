import { sql } from 'kysely';
import { type Actor, isUser } from '../../../access/actor.ts';
import { recordAbilities } from '../../../access/registry-policy.ts';
import {
  canRespondToRecommendation,
  canSeeRecommendationEvidence,
  type RecommendationFacts,
  recommendationResponsePolicy,
} from '../../../access/risk-sharing-policy.ts';
import { recordAudit } from '../../../audit/audit-log.ts';
import type {
  AdoptionBody,
  FeedbackBody,
  RecipientAggregate,
  RecommendationResponse,
  RecommendationResponses,
} from '../../../contract/risk-sharing.ts';
import { change } from '../../../core/change.ts';
import type { Database } from '../../../db/connection.ts';
import { forbidden, notFound, unauthorized } from '../../../http/errors.ts';
import { kindByName } from '../../../registry/kinds/index.ts';
import { loadRegistryEnvelope } from '../../../registry/record-service.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';

const kind = () => kindByName('profile_recommendation')!;

/** The recommendation as the response rules see it; 404 when the caller may not read it. */
async function facts(db: Database, a: Actor, id: string): Promise<RecommendationFacts & { id: string }> {
  const env = await loadRegistryEnvelope(db, kind(), id);
  if (!env || !recordAbilities(a, env, kind()).read) throw notFound();
  return { id: env.id, ownerOrgId: env.owner_org_id, status: env.status, readable: true };
}

function refuseUnlessRecipient(a: Actor, f: RecommendationFacts) {
  if (canRespondToRecommendation(a, f)) return;
  if (f.status !== 'published')
    throw forbidden('Responses are recorded once the recommendation is published.');
  throw forbidden(
    'Adoption and control results are recorded by the other administrations that receive the recommendation, with write access.',
  );
}

/** A recipient records its adoption: adopted, adapted, or not adopted with a reason (audited). */
export async function recordAdoption(deps: AppDeps, actor: Actor, id: string, body: AdoptionBody) {
  if (!isUser(actor)) throw unauthorized();
  const f = await facts(deps.db, actor, id);
  refuseUnlessRecipient(actor, f);
  return change(deps, async (trx) => {
    const row = await trx
      .insertInto('recommendation_responses')
      .values({
        record_id: f.id,
        record_owner_org_id: f.ownerOrgId,
        organisation_id: actor.orgId,
        author_id: actor.userId,
        response_type: 'adoption',
        adoption: body.adoption,
        reason: body.reason || null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'recommendation_response.adoption',
      recordKind: 'recommendation_response',
      recordId: row.id,
      changes: {
        recommendation: f.id,
        adoption: { after: body.adoption },
        ...(body.reason ? { reason: body.reason } : {}),
      },
    });
    return { id: row.id };
  });
}

/** A recipient reports the results of its controls over a period (audited). */
export async function recordFeedback(deps: AppDeps, actor: Actor, id: string, body: FeedbackBody) {
  if (!isUser(actor)) throw unauthorized();
  const f = await facts(deps.db, actor, id);
  refuseUnlessRecipient(actor, f);
  return change(deps, async (trx) => {
    const row = await trx
      .insertInto('recommendation_responses')
      .values({
        record_id: f.id,
        record_owner_org_id: f.ownerOrgId,
        organisation_id: actor.orgId,
        author_id: actor.userId,
        response_type: 'feedback',
        period_from: body.periodFrom,
        period_to: body.periodTo,
        controls: body.controls ?? null,
        irregularities: body.irregularities ?? null,
        seizures: body.seizures ?? null,
        revenue: body.revenue ?? null,
        not_relevant: body.notRelevant,
        comment: body.comment || null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { comment: _c, ...figures } = body;
    await recordAudit(trx, actor, {
      action: 'recommendation_response.feedback',
      recordKind: 'recommendation_response',
      recordId: row.id,
      changes: { recommendation: f.id, ...figures },
    });
    return { id: row.id };
  });
}

/** The latest adoption and the sums of the feedback, per responding administration. */
export function aggregate(items: readonly RecommendationResponse[]): RecipientAggregate[] {
  const by = new Map<string, RecipientAggregate>();
  // oldest first: the latest adoption wins
  for (const r of [...items].sort((x, y) => x.created_at.localeCompare(y.created_at))) {
    const g =
      by.get(r.organisation_code) ??
      ({
        organisation_code: r.organisation_code,
        organisation_name: r.organisation_name,
        adoption: null,
        reason: null,
        reports: 0,
        controls: 0,
        irregularities: 0,
        seizures: 0,
        revenue: 0,
        not_relevant: 0,
        hit_rate: null,
      } satisfies RecipientAggregate);
    if (r.response_type === 'adoption') {
      g.adoption = r.adoption;
      g.reason = r.reason;
    } else {
      g.reports++;
      g.controls += r.controls ?? 0;
      g.irregularities += r.irregularities ?? 0;
      g.seizures += r.seizures ?? 0;
      g.revenue += r.revenue ?? 0;
      g.not_relevant += r.not_relevant ? 1 : 0;
    }
    g.hit_rate = g.controls ? Math.round((g.irregularities / g.controls) * 10_000) / 100 : null;
    by.set(r.organisation_code, g);
  }
  return [...by.values()].sort((x, y) => x.organisation_code.localeCompare(y.organisation_code));
}

/**
 * The responses the caller may read (recommendationResponsePolicy) and, for the author's
 * administration and the coordinators, the aggregate per recipient administration.
 */
export async function listResponses(
  db: Database,
  actor: Actor,
  id: string,
): Promise<RecommendationResponses> {
  if (!isUser(actor)) throw unauthorized();
  const f = await facts(db, actor, id);
  const rows = await db
    .selectFrom('recommendation_responses as rr')
    .innerJoin('organisations as o', 'o.id', 'rr.organisation_id')
    .innerJoin('users as u', 'u.id', 'rr.author_id')
    .where('rr.record_id', '=', f.id)
    .where(recommendationResponsePolicy.readable(actor, 'rr'))
    .select([
      'rr.id',
      'o.code as organisation_code',
      'o.name as organisation_name',
      'u.display_name as author',
      'rr.response_type',
      'rr.adoption',
      'rr.reason',
      sql<string | null>`rr.period_from::text`.as('period_from'),
      sql<string | null>`rr.period_to::text`.as('period_to'),
      'rr.controls',
      'rr.irregularities',
      'rr.seizures',
      'rr.revenue',
      'rr.not_relevant',
      'rr.comment',
      'rr.created_at',
    ])
    .orderBy('rr.created_at', 'desc')
    .execute();
  const items: RecommendationResponse[] = rows.map((r) => ({
    ...r,
    revenue: r.revenue === null ? null : Number(r.revenue),
    created_at: new Date(r.created_at).toISOString(),
  }));
  const evidence = canSeeRecommendationEvidence(actor, f);
  return {
    abilities: { respond: canRespondToRecommendation(actor, f), evidence },
    items,
    aggregate: evidence ? aggregate(items) : null,
  };
}
