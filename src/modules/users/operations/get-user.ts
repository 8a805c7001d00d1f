import type { Actor } from '../../../access/actor.ts';
import { canErasePersonalData, grantableRolesFor, userPolicy } from '../../../access/admin-policy.ts';
import type { Database } from '../../../db/connection.ts';
import { notFound } from '../../../http/errors.ts';

/** One user with their roles and open memberships (404 unless the caller may see the details). */
export async function getUser(db: Database, a: Actor, id: string) {
  const u = await db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      'u.id',
      'u.email',
      'u.display_name',
      'u.status',
      'u.totp_enabled',
      'u.locale',
      'u.organisation_id',
      'o.code as organisation_code',
      'o.type as organisation_type',
      'u.created_at',
    ])
    .where('u.id', '=', id)
    .executeTakeFirst();
  if (!u) throw notFound();
  const [roles, memberships] = await Promise.all([
    db.selectFrom('role_grants').select(['role', 'granted_at']).where('user_id', '=', u.id).execute(),
    db
      .selectFrom('network_memberships as m')
      .innerJoin('networks as n', 'n.id', 'm.network_id')
      .select(['m.id', 'n.id as network_id', 'n.name as network_name', 'm.role', 'm.status'])
      .where('m.user_id', '=', u.id)
      .where('m.status', 'in', ['requested', 'endorsed', 'active'])
      .execute(),
  ]);
  const can = userPolicy.abilities(a, { ...u, roles: roles.map((g) => g.role) });
  if (!can.read) throw notFound();
  const manage = can.update;
  return {
    ...u,
    roles,
    memberships,
    abilities: {
      update: manage,
      erase: canErasePersonalData(a, { ...u, roles: roles.map((g) => g.role) }),
      grantableRoles: manage ? grantableRolesFor(a, { ...u, type: u.organisation_type }) : [],
    },
  };
}
