import { type RawBuilder, sql } from 'kysely';
import { type Actor, canWrite, isReadOnlyOrg, isUser } from './actor.ts';
import { definePolicy } from './policy.ts';

/**
 * Responses to a profile recommendation (adoption, control feedback; `recommendation_responses`):
 * read by the responding administration, by the recommendation's owning administration (its
 * record of evidence: the aggregate per recipient) and by the coordinators of the risk-management
 * network, who reviewed it. Nobody else: another recipient does not see a colleague
 * administration's results. Who may respond is `canRespondToRecommendation` (a reader of the
 * published recommendation in another national administration).
 */
export const RISK_NETWORK = 'risk-management';

export interface RecommendationResponseRow {
  organisation_id: string;
  record_owner_org_id: string;
}

export interface RecommendationResponseAbilities {
  read: boolean;
}

function coordinatesRiskNetwork(a: Actor): boolean {
  return isUser(a) && a.networkCodes.get(RISK_NETWORK) === 'coordinator';
}

function responseAbilities(a: Actor, row: RecommendationResponseRow): RecommendationResponseAbilities {
  if (!isUser(a)) return { read: false };
  return {
    read: a.orgId === row.organisation_id || a.orgId === row.record_owner_org_id || coordinatesRiskNetwork(a),
  };
}

function readableResponses(a: Actor, alias: string): RawBuilder<boolean> {
  if (!isUser(a)) return sql<boolean>`false`;
  if (coordinatesRiskNetwork(a)) return sql<boolean>`true`;
  return sql<boolean>`(${sql.ref(`${alias}.organisation_id`)} = ${a.orgId}::uuid OR ${sql.ref(`${alias}.record_owner_org_id`)} = ${a.orgId}::uuid)`;
}

export const recommendationResponsePolicy = definePolicy<
  RecommendationResponseRow,
  RecommendationResponseAbilities
>({
  resource: 'recommendation_response',
  tables: ['recommendation_responses'],
  abilities: responseAbilities,
  readable: readableResponses,
});

/** The recommendation as the response rules need it (the caller's registry abilities decided `read`). */
export interface RecommendationFacts {
  ownerOrgId: string;
  status: string;
  /** The caller may read the recommendation (registry abilities). */
  readable: boolean;
}

/**
 * Record an adoption or control feedback: a writer of another national administration who may
 * read the published recommendation (its recipients).
 */
export function canRespondToRecommendation(a: Actor, rec: RecommendationFacts): boolean {
  return (
    isUser(a) &&
    canWrite(a) &&
    !isReadOnlyOrg(a) &&
    a.orgType === 'national_administration' &&
    rec.readable &&
    rec.status === 'published' &&
    a.orgId !== rec.ownerOrgId
  );
}

/** See the aggregate of every recipient's responses: the owning administration and the coordinators. */
export function canSeeRecommendationEvidence(a: Actor, rec: RecommendationFacts): boolean {
  return rec.readable && isUser(a) && (a.orgId === rec.ownerOrgId || coordinatesRiskNetwork(a));
}
