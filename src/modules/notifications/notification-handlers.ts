import { isOrgManager } from '../../access/actor.ts';
import { loadActor } from '../../auth/actor-loader.ts';
import type { Trx } from '../../core/context.ts';
import type { OutboxHandler } from '../../outbox/outbox-worker.ts';

/**
 * After-commit work that tells people about changes of memberships. Runs as the system actor.
 * Shared records (registry kinds, network announcements included) notify through
 * src/registry/registry-notifications.ts, where a candidate gets a notification only if, as
 * themself, they may read the record — and its title is quoted only where the marking allows.
 */
export const NOTIFICATION_HANDLERS: Readonly<Record<string, OutboxHandler>> = {
  'membership.changed': async (trx: Trx, payload) => {
    const m = await trx
      .selectFrom('network_memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .innerJoin('networks as n', 'n.id', 'm.network_id')
      .select([
        'm.id',
        'm.status',
        'm.role',
        'm.network_id',
        'm.user_id',
        'u.organisation_id',
        'u.display_name',
        'n.name as network_name',
      ])
      .where('m.id', '=', String(payload.membershipId))
      .executeTakeFirst();
    if (!m) return;
    const to = new Set<string>([m.user_id]);
    if (m.status === 'requested') {
      // The user's NCP and deputies decide on the endorsement.
      const managers = await trx
        .selectFrom('role_grants')
        .select('user_id')
        .where('organisation_id', '=', m.organisation_id)
        .where('role', 'in', ['ncp', 'ncp_deputy'])
        .execute();
      for (const g of managers) {
        const actor = await loadActor(trx, g.user_id, null);
        if (actor && isOrgManager(actor, m.organisation_id)) to.add(g.user_id);
      }
    }
    if (m.status === 'endorsed') {
      const coordinators = await trx
        .selectFrom('network_memberships')
        .select('user_id')
        .where('network_id', '=', m.network_id)
        .where('role', '=', 'coordinator')
        .where('status', '=', 'active')
        .execute();
      for (const c of coordinators) to.add(c.user_id);
    }
    const summary = `${m.display_name} — ${m.network_name} (${m.role})`;
    await trx
      .insertInto('notifications')
      .values(
        [...to].map((u) => ({
          user_id: u,
          kind: `membership.${m.status}`,
          record_kind: 'membership',
          record_id: m.id,
          summary,
        })),
      )
      .execute();
  },
};
