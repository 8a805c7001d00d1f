import type { Kysely } from 'kysely';
import type { Actor, ApiScope } from '../access/actor.ts';
import type { Database } from '../db/connection.ts';
import type { DB, NetworkRole, OrgRole } from '../db/schema.ts';

/** A user's organisation roles (user management compares them with the manager's rank). */
export async function userOrgRoles(db: Kysely<DB>, userId: string): Promise<OrgRole[]> {
  const rows = await db.selectFrom('role_grants').select('role').where('user_id', '=', userId).execute();
  return rows.map((r) => r.role);
}

/** Builds the actor of a user from the database (roles, active memberships, sharing groups). */
export async function loadActor(
  db: Database,
  userId: string,
  scopes: ReadonlySet<ApiScope> | null,
): Promise<Actor | null> {
  const user = await db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select([
      'users.id',
      'users.email',
      'users.status',
      'users.organisation_id',
      'organisations.type',
      'organisations.code',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (user?.status !== 'active') return null;
  const [roles, memberships, groups] = await Promise.all([
    db
      .selectFrom('role_grants')
      .select('role')
      .where('user_id', '=', userId)
      .where('organisation_id', '=', user.organisation_id)
      .execute(),
    db
      .selectFrom('network_memberships as m')
      .innerJoin('networks as n', 'n.id', 'm.network_id')
      .select(['m.network_id', 'm.role', 'n.code'])
      .where('m.user_id', '=', userId)
      .where('m.status', '=', 'active')
      .execute(),
    db
      .selectFrom('sharing_group_members')
      .select('sharing_group_id')
      .where('organisation_id', '=', user.organisation_id)
      .execute(),
  ]);
  return {
    kind: 'user',
    userId: user.id,
    label: user.email,
    orgId: user.organisation_id,
    orgType: user.type,
    orgCode: user.code,
    orgRoles: new Set<OrgRole>(roles.map((r) => r.role)),
    networkRoles: new Map<string, NetworkRole>(memberships.map((m) => [m.network_id, m.role])),
    networkCodes: new Map<string, NetworkRole>(memberships.map((m) => [m.code, m.role])),
    sharingGroupIds: new Set(groups.map((g) => g.sharing_group_id)),
    scopes,
    readOnlyCredential: scopes !== null && !scopes.has('write'),
  };
}
