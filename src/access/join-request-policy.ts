import { type RawBuilder, sql } from 'kysely';
import { type Actor, isUser } from './actor.ts';
import { definePolicy } from './policy.ts';

/**
 * Requests to join a common initiative (src/modules/innovation): read by the person who asked
 * and by the people of the lead administration (the record's owner), who see who wants to join.
 * Deciding is the record's: its `editors` ability (the lead's author, NCP or deputy — those who
 * name co-editors) approves or declines (registry-policy.ts, through the operation).
 */
export interface JoinRequestRow {
  requestedBy: string;
  /** The owning (lead) administration of the common initiative. */
  leadOrgId: string;
}

function abilities(a: Actor, row: JoinRequestRow): { read: boolean } {
  return { read: isUser(a) && (a.userId === row.requestedBy || a.orgId === row.leadOrgId) };
}

/** SQL over `alias` of `common_initiative_join_requests`: the caller's own requests and those to their administration's initiatives. */
function readable(a: Actor, alias: string): RawBuilder<boolean> {
  if (!isUser(a)) return sql<boolean>`false`;
  return sql<boolean>`(${sql.ref(`${alias}.requested_by`)} = ${a.userId} OR EXISTS (SELECT 1 FROM registry_records jr WHERE jr.id = ${sql.ref(`${alias}.record_id`)} AND jr.owner_org_id = ${a.orgId}))`;
}

export const joinRequestPolicy = definePolicy<JoinRequestRow, { read: boolean }>({
  resource: 'common_initiative_join_request',
  tables: ['common_initiative_join_requests'],
  abilities,
  readable,
});
