import { sql } from 'kysely';
import type { Actor } from '../../../access/actor.ts';
import { membershipPolicy } from '../../../access/admin-policy.ts';
import type { Database } from '../../../db/connection.ts';
import type { MembershipStatus, OrgRole } from '../../../db/schema.ts';

type UserActor = Actor & { userId: string; orgId: string };

/**
 * The memberships the caller can see (at most 500, latest change first): their own, those of
 * their organisation (NCP, deputy), those of networks they coordinate; all for administrators.
 */
export async function listMemberships(
  db: Database,
  a: UserActor,
  query: { status?: MembershipStatus; networkId?: string },
) {
  let q = db
    .selectFrom('network_memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .innerJoin('networks as n', 'n.id', 'm.network_id')
    .select([
      'm.id',
      'm.role',
      'm.status',
      'm.note',
      'm.created_at',
      'm.updated_at',
      'm.network_id',
      'n.name as network_name',
      'u.id as user_id',
      'u.display_name',
      'u.organisation_id',
      'o.code as organisation_code',
      sql<
        OrgRole[]
      >`coalesce((SELECT array_agg(g.role::text) FROM role_grants g WHERE g.user_id = u.id), '{}')`.as(
        'user_roles',
      ),
    ])
    .where(membershipPolicy.readable(a, 'm'));
  if (query.status) q = q.where('m.status', '=', query.status);
  if (query.networkId) q = q.where('m.network_id', '=', query.networkId);
  const rows = await q.orderBy('m.updated_at', 'desc').limit(500).execute();
  return {
    items: rows.map((m) => ({
      ...m,
      abilities: membershipPolicy.abilities(a, {
        userId: m.user_id,
        userOrgId: m.organisation_id,
        userRoles: m.user_roles,
        networkId: m.network_id,
        status: m.status,
      }),
    })),
  };
}
