import type { Actor } from '../../../access/actor.ts';
import {
  allowedNetworkRoles,
  canAppoint,
  canNominate,
  canRequestMembership,
} from '../../../access/admin-policy.ts';
import { recordAudit } from '../../../audit/audit-log.ts';
import { userOrgRoles } from '../../../auth/actor-loader.ts';
import { change } from '../../../core/change.ts';
import type { MembershipStatus, NetworkRole } from '../../../db/schema.ts';
import { badRequest, conflict, forbidden, notFound } from '../../../http/errors.ts';
import { enqueue } from '../../../outbox/outbox-worker.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';

/** The roles of a network membership. */
export const NETWORK_ROLES = ['coordinator', 'expert', 'observer'] as const;

/**
 * A new membership of a network: a platform administrator appoints (active), a user asks for
 * themselves (requested), an NCP or deputy nominates a user of their organisation (endorsed).
 * One open (requested, endorsed or active) membership per user and network.
 */
export async function openMembership(
  deps: AppDeps,
  a: Actor & { userId: string },
  networkId: string,
  input: { userId?: string; role: NetworkRole; note: string },
) {
  const { db } = deps;
  const network = await db
    .selectFrom('networks')
    .select(['id', 'name'])
    .where('id', '=', networkId)
    .executeTakeFirst();
  if (!network) throw notFound('No such network.');
  const targetId = input.userId ?? a.userId;
  const target = await db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.organisation_id', 'u.status', 'o.type'])
    .where('u.id', '=', targetId)
    .executeTakeFirst();
  if (target?.status !== 'active')
    throw badRequest('No such active user.', [{ field: 'body.userId', message: 'unknown user' }]);
  const role = input.role;
  if (!allowedNetworkRoles(target.type).includes(role))
    throw badRequest('Users of the Commission take part in networks as observers only.');
  let status: MembershipStatus;
  let action: string;
  if (canAppoint(a)) {
    status = 'active';
    action = 'membership.appointed';
  } else if (targetId === a.userId) {
    if (!canRequestMembership(a, role))
      throw forbidden(
        'You may ask to join as an expert or observer; coordinators are appointed by the Support unit.',
      );
    status = 'requested';
    action = 'membership.requested';
  } else {
    if (!canNominate(a, { ...target, roles: await userOrgRoles(db, target.id) }, role))
      throw forbidden(
        "Only the NCP of the user's organisation (or a deputy, for users of lower rank) nominates them (as expert or observer).",
      );
    status = 'endorsed';
    action = 'membership.nominated';
  }
  const open = await db
    .selectFrom('network_memberships')
    .select(['status'])
    .where('network_id', '=', network.id)
    .where('user_id', '=', targetId)
    .where('status', 'in', ['requested', 'endorsed', 'active'])
    .executeTakeFirst();
  if (open) throw conflict(`This user already has a ${open.status} membership of this network.`);
  return change(deps, async (trx) => {
    const m = await trx
      .insertInto('network_memberships')
      .values({
        network_id: network.id,
        user_id: targetId,
        role,
        status,
        requested_by: a.userId,
        endorsed_by: status === 'endorsed' ? a.userId : null,
        decided_by: status === 'active' ? a.userId : null,
        note: input.note,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, a, {
      action,
      recordKind: 'membership',
      recordId: m.id,
      organisationId: target.organisation_id,
      changes: { network: network.name, user_id: targetId, role, status: { after: status } },
    });
    await enqueue(trx, 'membership.changed', { membershipId: m.id });
    return m;
  });
}
