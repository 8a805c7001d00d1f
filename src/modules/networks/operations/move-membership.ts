import type { Actor } from '../../../access/actor.ts';
import { membershipPolicy } from '../../../access/admin-policy.ts';
import { recordAudit } from '../../../audit/audit-log.ts';
import { userOrgRoles } from '../../../auth/actor-loader.ts';
import { change } from '../../../core/change.ts';
import { forbidden, notFound } from '../../../http/errors.ts';
import { enqueue } from '../../../outbox/outbox-worker.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';

/** What each verb does to a membership, and the ability (admin-policy) it needs. */
export const MEMBERSHIP_TRANSITIONS = {
  endorse: { to: 'endorsed', ability: 'endorse' },
  approve: { to: 'active', ability: 'approve' },
  reject: { to: 'rejected', ability: 'reject' },
  withdraw: { to: 'withdrawn', ability: 'withdraw' },
} as const;

export type MembershipVerb = keyof typeof MEMBERSHIP_TRANSITIONS;

/** Endorses, approves, rejects or withdraws a membership, if the caller's abilities allow it. */
export async function moveMembership(
  deps: AppDeps,
  a: Actor & { userId: string },
  input: { id: string; verb: MembershipVerb; note?: string | null | undefined },
) {
  const t = MEMBERSHIP_TRANSITIONS[input.verb];
  return change(deps, async (trx) => {
    const m = await trx
      .selectFrom('network_memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.id', 'm.status', 'm.network_id', 'm.user_id', 'm.role', 'u.organisation_id'])
      .where('m.id', '=', input.id)
      .forUpdate()
      .executeTakeFirst();
    if (!m) throw notFound();
    const abilities = membershipPolicy.abilities(a, {
      userId: m.user_id,
      userOrgId: m.organisation_id,
      userRoles: await userOrgRoles(trx, m.user_id),
      networkId: m.network_id,
      status: m.status,
    });
    if (!abilities[t.ability]) {
      throw forbidden(`You cannot ${input.verb} this membership (it is ${m.status}).`);
    }
    const updated = await trx
      .updateTable('network_memberships')
      .set({
        status: t.to,
        updated_at: new Date(),
        ...(t.to === 'endorsed' ? { endorsed_by: a.userId } : {}),
        ...(t.to === 'active' || t.to === 'rejected' ? { decided_by: a.userId } : {}),
        ...(input.note ? { note: input.note } : {}),
      })
      .where('id', '=', m.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, a, {
      action: `membership.${t.to}`,
      recordKind: 'membership',
      recordId: m.id,
      organisationId: m.organisation_id,
      changes: {
        status: { before: m.status, after: t.to },
        role: m.role,
        network_id: m.network_id,
        user_id: m.user_id,
      },
    });
    await enqueue(trx, 'membership.changed', { membershipId: m.id });
    return updated;
  });
}
