import { type RawBuilder, sql } from 'kysely';
import { type Actor, canWrite, isReadOnlyOrg, isUser } from './actor.ts';

/**
 * Risk analysis data (declaration datasets, control outcomes, models, scored batches and their
 * selections) belongs to one administration alone. It is read and changed only by users of the
 * owning organisation who hold the `risk_analyst` role, in a national administration. Nobody
 * else reads it: not another administration, not a network coordinator, not a platform
 * administrator, not the Commission, and not the administration's NCP unless the NCP also holds
 * the role (an NCP may grant it to themselves; that grant is audited). Background jobs act for
 * the user who started them and are checked again with that user's current roles.
 *
 * Rules, reference tables and party lists are registry records (shared by the access model of
 * the registry); they are not covered here.
 */

export interface RiskAbilities {
  /** May open the risk analysis area at all (read own organisation's data). */
  use: boolean;
  /** May upload, train, activate, score and record outcomes. */
  change: boolean;
}

function isAnalystOf(a: Actor, orgId: string | null): boolean {
  return (
    isUser(a) &&
    orgId !== null &&
    a.orgId === orgId &&
    a.orgType === 'national_administration' &&
    !isReadOnlyOrg(a) &&
    a.orgRoles.has('risk_analyst')
  );
}

/** The caller's abilities in their own organisation (what /risk/abilities answers). */
export function riskAbilities(a: Actor): RiskAbilities {
  const use = isAnalystOf(a, a.orgId);
  return { use, change: use && canWrite(a) };
}

/** May the actor read risk data owned by this organisation? */
export function canReadRisk(a: Actor, organisationId: string): boolean {
  return isAnalystOf(a, organisationId);
}

/** May the actor change risk data owned by this organisation? */
export function canChangeRisk(a: Actor, organisationId: string): boolean {
  return canReadRisk(a, organisationId) && canWrite(a);
}

/** SQL filter every risk list, count and export starts from (`alias.organisation_id`). */
export function readableRisk(a: Actor, alias: string): RawBuilder<boolean> {
  if (!isUser(a) || !riskAbilities(a).use) return sql<boolean>`false`;
  return sql<boolean>`${sql.ref(`${alias}.organisation_id`)} = ${a.orgId}::uuid`;
}
