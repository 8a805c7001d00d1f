import type { Actor } from '../../../access/actor.ts';
import { canAppoint, canPostInNetwork, canRequestMembership } from '../../../access/admin-policy.ts';
import type { Database } from '../../../db/connection.ts';
import { notFound } from '../../../http/errors.ts';

/** The networks with their active member count, the caller's role and what they may do. */
export async function listNetworks(db: Database, a: Actor) {
  const rows = await db
    .selectFrom('networks as n')
    .select((eb) => [
      'n.id',
      'n.code',
      'n.name',
      'n.description',
      eb
        .selectFrom('network_memberships as m')
        .select(eb.fn.countAll<number>().as('c'))
        .whereRef('m.network_id', '=', 'n.id')
        .where('m.status', '=', 'active')
        .as('member_count'),
    ])
    .orderBy('n.name')
    .execute();
  return {
    items: rows.map((n) => ({
      ...n,
      myRole: a.networkRoles.get(n.id) ?? null,
      abilities: {
        post: canPostInNetwork(a, n.id),
        request: canRequestMembership(a, 'expert') && !a.networkRoles.has(n.id),
      },
    })),
  };
}

/** A network and its active members. */
export async function getNetwork(db: Database, a: Actor, id: string) {
  const n = await db.selectFrom('networks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!n) throw notFound();
  const members = await db
    .selectFrom('network_memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      'm.id',
      'm.role',
      'u.id as user_id',
      'u.display_name',
      'o.code as organisation_code',
      'o.name as organisation_name',
    ])
    .where('m.network_id', '=', n.id)
    .where('m.status', '=', 'active')
    .orderBy('m.role')
    .orderBy('o.code')
    .orderBy('u.display_name')
    .execute();
  return {
    ...n,
    members,
    myRole: a.networkRoles.get(n.id) ?? null,
    abilities: {
      post: canPostInNetwork(a, n.id),
      request: canRequestMembership(a, 'expert') && !a.networkRoles.has(n.id),
      appoint: canAppoint(a),
      nominate: a.orgRoles.has('ncp') || a.orgRoles.has('ncp_deputy'),
    },
  };
}
