import type { NetworkRole, OrgRole, OrgType } from '../db/schema.ts';

export type ApiScope = 'read' | 'write';

/**
 * Who is acting. Built once per request (from the session cookie or an API key) or for a named
 * background job; every policy decision takes it. There is no "superuser" actor.
 */
export interface Actor {
  kind: 'user' | 'anonymous' | 'system';
  userId: string | null;
  /** e-mail of a user, `system:<job>` for background work, `anonymous` otherwise. */
  label: string;
  orgId: string | null;
  orgType: OrgType | null;
  /** The organisation's code (e.g. 'DE'), where known: approval steps may name an organisation by code. */
  orgCode?: string | null;
  /** Roles this user holds in their own organisation (platform_admin included). */
  orgRoles: ReadonlySet<OrgRole>;
  /** Active network memberships: network id → role. */
  networkRoles: ReadonlyMap<string, NetworkRole>;
  /** The same memberships by network code (definitions name their network by code). */
  networkCodes: ReadonlyMap<string, NetworkRole>;
  /** Sharing groups that include the user's organisation. */
  sharingGroupIds: ReadonlySet<string>;
  /** null for a browser session (every scope); the key's scopes for an API key. */
  scopes: ReadonlySet<ApiScope> | null;
  /**
   * The credential may only read (an API key without the `write` scope, or a synthetic reader):
   * `canWrite` is false, so the abilities sent with records say what the caller can really do.
   * (Which operations a key may call is decided once, by the auth hook, from each operation's scope.)
   */
  readOnlyCredential: boolean;
}

export const anonymousActor: Actor = Object.freeze({
  kind: 'anonymous',
  userId: null,
  label: 'anonymous',
  orgId: null,
  orgType: null,
  orgRoles: new Set<OrgRole>(),
  networkRoles: new Map<string, NetworkRole>(),
  networkCodes: new Map<string, NetworkRole>(),
  sharingGroupIds: new Set<string>(),
  scopes: null,
  readOnlyCredential: false,
});

/** Background work acts as a named system actor: it may write its own results, and reads nothing. */
export function systemActor(job: string): Actor {
  return { ...anonymousActor, kind: 'system', label: `system:${job}` };
}

export function isUser(a: Actor): a is Actor & { userId: string; orgId: string } {
  return a.kind === 'user' && a.userId !== null && a.orgId !== null;
}

/** Users of the European Commission are observers: read-only everywhere. */
export function isReadOnlyOrg(a: Actor): boolean {
  return a.orgType === 'commission';
}

/** For the auth hook (and the one operation whose body decides its scope): never in a policy. */
export function hasScope(a: Actor, scope: ApiScope): boolean {
  return a.scopes === null || a.scopes.has(scope);
}

/**
 * May this actor change anything at all (its own account aside)? Not the Commission, not a
 * read-only credential. (The auth hook refuses a key whose scopes lack the operation's scope
 * before any route runs; this keeps the abilities in responses true for such a key.)
 */
export function canWrite(a: Actor): boolean {
  return isUser(a) && !isReadOnlyOrg(a) && !a.readOnlyCredential;
}

export function isPlatformAdmin(a: Actor): boolean {
  return isUser(a) && a.orgRoles.has('platform_admin') && a.orgType === 'eucab_body';
}

/** NCP or NCP deputy of the given organisation. */
export function isOrgManager(a: Actor, orgId: string): boolean {
  return isUser(a) && a.orgId === orgId && (a.orgRoles.has('ncp') || a.orgRoles.has('ncp_deputy'));
}
