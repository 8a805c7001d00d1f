import { type RawBuilder, sql } from 'kysely';
import { type Actor, canWrite, isReadOnlyOrg, isUser } from './actor.ts';
import { definePolicy } from './policy.ts';

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

/** What the actor may do with one risk row (dataset, model or batch). */
export interface RiskRowAbilities {
  read: boolean;
  /** Change it (activate, score, record outcomes, delete). */
  change: boolean;
}

/** A risk row: it belongs to one administration. */
export interface RiskRow {
  organisation_id: string;
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

function riskRowAbilities(a: Actor, row: RiskRow): RiskRowAbilities {
  const read = isAnalystOf(a, row.organisation_id);
  return { read, change: read && canWrite(a) };
}

/** SQL over `alias.organisation_id`: the same rule as `riskRowAbilities(...).read`. */
function readableRisk(a: Actor, alias: string): RawBuilder<boolean> {
  if (!isUser(a) || !isAnalystOf(a, a.orgId)) return sql<boolean>`false`;
  return sql<boolean>`${sql.ref(`${alias}.organisation_id`)} = ${a.orgId}::uuid`;
}

/** Declaration datasets (history and batch files) and their stored chunks. */
export const riskDatasetPolicy = definePolicy<RiskRow, RiskRowAbilities>({
  resource: 'risk_dataset',
  tables: ['risk_datasets', 'risk_dataset_chunks'],
  abilities: riskRowAbilities,
  readable: readableRisk,
});

/** Trained models. */
export const riskModelPolicy = definePolicy<RiskRow, RiskRowAbilities>({
  resource: 'risk_model',
  tables: ['risk_models'],
  abilities: riskRowAbilities,
  readable: readableRisk,
});

/** Scored batches, their selections and the recorded control outcomes. */
export const riskBatchPolicy = definePolicy<RiskRow, RiskRowAbilities>({
  resource: 'risk_batch',
  tables: ['risk_batches', 'risk_selections', 'risk_outcomes'],
  abilities: riskRowAbilities,
  readable: readableRisk,
});

/**
 * The caller's abilities in their own organisation's risk area (what /risk/abilities answers,
 * and what a new upload or training asks): the row abilities on a row of their organisation.
 */
export function riskAbilities(a: Actor): RiskAbilities {
  if (!isUser(a)) return { use: false, change: false };
  const own = riskRowAbilities(a, { organisation_id: a.orgId });
  return { use: own.read, change: own.change };
}
