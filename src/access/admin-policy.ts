import { type RawBuilder, sql } from 'kysely';
import type { MembershipStatus, NetworkRole, OrgRole, OrgType } from '../db/schema.ts';
import { type Actor, canWrite, isOrgManager, isPlatformAdmin, isReadOnlyOrg, isUser } from './actor.ts';
import { definePolicy } from './policy.ts';

/**
 * Policy for the platform's own objects: organisations, users, roles, networks and memberships.
 * Shared records use shared-record-policy.ts. Deny unless a rule here allows.
 */

export const ORG_ROLES_BY_NCP: readonly OrgRole[] = ['ncp_deputy', 'risk_analyst', 'screening_reviewer'];
export const ORG_ROLES_BY_DEPUTY: readonly OrgRole[] = ['risk_analyst', 'screening_reviewer'];

export function canManageOrganisations(a: Actor): boolean {
  return canWrite(a) && isPlatformAdmin(a);
}

/**
 * An administration's IATI organisation identifier (the reporting organisation of its IATI
 * exports): set by its NCP, or by a platform administrator.
 */
export function canSetIatiIdentifier(a: Actor, orgId: string): boolean {
  return canWrite(a) && (isPlatformAdmin(a) || (isUser(a) && a.orgId === orgId && a.orgRoles.has('ncp')));
}

/** Create users, disable them, import them: platform administrators, or the organisation's NCP / deputy. */
export function canManageUsersOf(a: Actor, orgId: string): boolean {
  return canWrite(a) && (isPlatformAdmin(a) || isOrgManager(a, orgId));
}

/**
 * Rank of the rights an organisation role carries in user management. A manager acts only on
 * users of lower rank: an NCP deputy never on the NCP, another deputy or a platform
 * administrator; an NCP never on another NCP or a platform administrator. Platform
 * administrators act on everyone (an administrator account must stay disable-able by another).
 */
const RANK: Record<OrgRole, number> = {
  platform_admin: 3,
  ncp: 2,
  ncp_deputy: 1,
  risk_analyst: 0,
  screening_reviewer: 0,
};

function managerRank(a: Actor, orgId: string): number {
  if (isPlatformAdmin(a)) return Number.POSITIVE_INFINITY;
  if (!isOrgManager(a, orgId)) return -1;
  return a.orgRoles.has('ncp') ? RANK.ncp : RANK.ncp_deputy;
}

/** Roles whose holders this actor may not manage in the organisation (for SQL checks of imports). */
export function outrankingRoles(a: Actor, orgId: string): OrgRole[] {
  const mine = managerRank(a, orgId);
  return (Object.keys(RANK) as OrgRole[]).filter((r) => RANK[r] >= mine);
}

export interface ManagedUser {
  id: string;
  organisation_id: string;
  /** The user's organisation roles. */
  roles: readonly OrgRole[];
}

/**
 * Change this user (name, language, status, unlock, roles): a user manager of the user's
 * organisation who outranks them — or the user themself for what `canManageUsersOf` allows.
 * Every user-management write (PATCH, role grant/revoke, import updates) asks this.
 */
export function canManageUser(a: Actor, u: ManagedUser): boolean {
  if (!canManageUsersOf(a, u.organisation_id)) return false;
  if (isUser(a) && a.userId === u.id) return true;
  const theirs = Math.max(-1, ...u.roles.map((r) => RANK[r]));
  return managerRank(a, u.organisation_id) > theirs;
}

/** Roles this actor may grant or revoke in the given organisation. */
export function grantableRoles(a: Actor, org: { id: string; type: OrgType }): OrgRole[] {
  if (!canWrite(a)) return [];
  const roles = new Set<OrgRole>();
  if (isPlatformAdmin(a)) {
    for (const r of ['ncp', 'ncp_deputy', 'risk_analyst', 'screening_reviewer'] as const) roles.add(r);
    if (org.type === 'eucab_body') roles.add('platform_admin');
  }
  if (a.orgId === org.id && a.orgRoles.has('ncp')) for (const r of ORG_ROLES_BY_NCP) roles.add(r);
  if (a.orgId === org.id && a.orgRoles.has('ncp_deputy')) for (const r of ORG_ROLES_BY_DEPUTY) roles.add(r);
  return [...roles];
}

/**
 * Roles this actor may grant to or revoke from this user: what `grantableRoles` allows in the
 * user's organisation — and none on one's own account. Nobody raises their own rights (four
 * eyes: a deputy would otherwise make themself a risk analyst or screening reviewer) nor removes
 * their own (an NCP or administrator account must stay manageable); another manager or a
 * platform administrator does it.
 */
export function grantableRolesFor(
  a: Actor,
  u: { id: string; organisation_id: string; type: OrgType },
): OrgRole[] {
  if (isUser(a) && a.userId === u.id) return [];
  return grantableRoles(a, { id: u.organisation_id, type: u.type });
}

export function canViewUserDetails(a: Actor, user: { id: string; organisation_id: string }): boolean {
  if (!isUser(a)) return false;
  return a.userId === user.id || isPlatformAdmin(a) || isOrgManager(a, user.organisation_id);
}

export interface MembershipFacts {
  userId: string;
  userOrgId: string;
  /** The member's organisation roles: a manager acts only on members of lower rank. */
  userRoles: readonly OrgRole[];
  networkId: string;
  status: MembershipStatus;
}

/** The NCP / deputy of the member's organisation, outranking the member (`canManageUser`). */
function managesMember(a: Actor, m: MembershipFacts): boolean {
  return (
    isOrgManager(a, m.userOrgId) &&
    canManageUser(a, { id: m.userId, organisation_id: m.userOrgId, roles: m.userRoles })
  );
}

export interface MembershipAbilities {
  /** See it (the memberships page): the member, the NCP / deputy of the member's organisation, the network's coordinators, platform administrators. */
  read: boolean;
  endorse: boolean;
  approve: boolean;
  reject: boolean;
  withdraw: boolean;
}

function coordinates(a: Actor, networkId: string): boolean {
  return a.networkRoles.get(networkId) === 'coordinator';
}

export function membershipAbilities(a: Actor, m: MembershipFacts): MembershipAbilities {
  const w = canWrite(a);
  const decider = w && (isPlatformAdmin(a) || coordinates(a, m.networkId));
  const open = m.status === 'requested' || m.status === 'endorsed' || m.status === 'active';
  return {
    read:
      isUser(a) &&
      (isPlatformAdmin(a) ||
        a.userId === m.userId ||
        isOrgManager(a, m.userOrgId) ||
        coordinates(a, m.networkId)),
    endorse: w && m.status === 'requested' && managesMember(a, m),
    approve: decider && m.status === 'endorsed',
    reject:
      (decider && (m.status === 'requested' || m.status === 'endorsed')) ||
      (w && m.status === 'requested' && managesMember(a, m)),
    withdraw: open && ((isUser(a) && a.userId === m.userId) || decider || (w && managesMember(a, m))),
  };
}

/** A user asks to join a network (then their NCP endorses and the coordinator approves). */
export function canRequestMembership(a: Actor, role: NetworkRole): boolean {
  return canWrite(a) && role !== 'coordinator';
}

/** The NCP / deputy nominates a user of their own organisation (counts as endorsed). */
export function canNominate(a: Actor, user: ManagedUser, role: NetworkRole): boolean {
  return (
    canWrite(a) && isOrgManager(a, user.organisation_id) && canManageUser(a, user) && role !== 'coordinator'
  );
}

/** Platform administrators appoint coordinators (and may add anyone, e.g. Commission observers). */
export function canAppoint(a: Actor): boolean {
  return canWrite(a) && isPlatformAdmin(a);
}

/** Roles a user of this organisation may hold in a network: Commission users only observe. */
export function allowedNetworkRoles(orgType: OrgType): NetworkRole[] {
  return orgType === 'commission' ? ['observer'] : ['coordinator', 'expert', 'observer'];
}

/** Post in a network: its coordinators and experts (observers and the Commission only read). */
export function canPostInNetwork(a: Actor, networkId: string): boolean {
  const role = a.networkRoles.get(networkId);
  return canWrite(a) && !isReadOnlyOrg(a) && (role === 'coordinator' || role === 'expert');
}

/**
 * Erase a user's personal data (name, e-mail, credentials, personal settings) while their records
 * and the audit trail stay: platform administrators, for a disabled account other than their own
 * that they could manage (an account in use is disabled first, so nobody is erased by mistake).
 */
export function canErasePersonalData(a: Actor, u: ManagedUser & { status: string }): boolean {
  return (
    isPlatformAdmin(a) && canManageUser(a, u) && u.status === 'disabled' && isUser(a) && a.userId !== u.id
  );
}

/** SQL over `alias` of `users`: the users whose details the actor sees (same rule as `canViewUserDetails`). */
function readableUsers(a: Actor, alias: string): RawBuilder<boolean> {
  if (!isUser(a)) return sql<boolean>`false`;
  if (isPlatformAdmin(a)) return sql<boolean>`true`;
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  const manager = isOrgManager(a, a.orgId);
  return sql<boolean>`(${col('id')} = ${a.userId}::uuid OR (${sql.lit(manager)} AND ${col('organisation_id')} = ${a.orgId}::uuid))`;
}

export interface UserAbilities {
  read: boolean;
  /** Change name, language, status, roles (the rank rule). */
  update: boolean;
}

/** Users (people of an organisation) and their organisation roles. */
export const userPolicy = definePolicy<ManagedUser, UserAbilities>({
  resource: 'user',
  tables: ['users', 'role_grants'],
  abilities: (a, u) => ({ read: canViewUserDetails(a, u), update: canManageUser(a, u) }),
  readable: readableUsers,
});

/** SQL over `alias` of `network_memberships`: the same rule as `membershipAbilities(...).read`. */
function readableMemberships(a: Actor, alias: string): RawBuilder<boolean> {
  if (!isUser(a)) return sql<boolean>`false`;
  if (isPlatformAdmin(a)) return sql<boolean>`true`;
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  const coordinated = [...a.networkRoles].filter(([, r]) => r === 'coordinator').map(([id]) => id);
  const inCoordinated = coordinated.length
    ? sql<boolean>`${col('network_id')} IN (${sql.join(coordinated.map((id) => sql`${id}::uuid`))})`
    : sql<boolean>`false`;
  const ownOrg = isOrgManager(a, a.orgId)
    ? sql<boolean>`EXISTS (SELECT 1 FROM users mu WHERE mu.id = ${col('user_id')} AND mu.organisation_id = ${a.orgId}::uuid)`
    : sql<boolean>`false`;
  return sql<boolean>`(${col('user_id')} = ${a.userId}::uuid OR ${ownOrg} OR ${inCoordinated})`;
}

/** Network memberships and their workflow (request, endorse, approve, reject, withdraw). */
export const membershipPolicy = definePolicy<MembershipFacts, MembershipAbilities>({
  resource: 'membership',
  tables: ['network_memberships'],
  abilities: membershipAbilities,
  readable: readableMemberships,
});
