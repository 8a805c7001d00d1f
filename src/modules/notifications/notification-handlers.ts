import { isOrgManager } from '../../access/actor.ts';
import { sharedAbilities } from '../../access/shared-record-policy.ts';
import { loadActor } from '../../auth/actor-loader.ts';
import type { Trx } from '../../core/context.ts';
import type { OutboxHandler } from '../../outbox/outbox-worker.ts';
import { loadEnvelope } from '../announcements/announcement-queries.ts';

/**
 * After-commit work that tells people about changes. Runs as the system actor; who receives a
 * notification is decided by the same policy as reading: a candidate gets one only if, as
 * themself, they may read the record — and its title is quoted only where the marking allows.
 */
export const NOTIFICATION_HANDLERS: Readonly<Record<string, OutboxHandler>> = {
  'announcement.published': async (trx, payload) => {
    const id = String(payload.id);
    const event = String(payload.event);
    const env = await loadEnvelope(trx, id);
    if (!env) return; // retracted meanwhile
    const rec = await trx
      .selectFrom('announcements')
      .select(['title', 'network_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    // Subscribers: the active members of the announcement's network (and of the network it is
    // distributed to), the named recipients, the co-editors, and the users of the owning
    // organisation (and of the named organisations) for records distributed to organisations.
    const networks = [rec.network_id, ...(env.distribution_network_id ? [env.distribution_network_id] : [])];
    const members = await trx
      .selectFrom('network_memberships')
      .select('user_id')
      .where('network_id', 'in', networks)
      .where('status', '=', 'active')
      .execute();
    const orgs =
      env.distribution === 'organisation'
        ? [env.owner_org_id]
        : env.distribution === 'organisations'
          ? [env.owner_org_id, ...env.named_org_ids]
          : [];
    const own = orgs.length
      ? await trx
          .selectFrom('users')
          .select('id as user_id')
          .where('organisation_id', 'in', orgs)
          .where('status', '=', 'active')
          .execute()
      : [];
    const candidates = new Set([
      ...members.map((m) => m.user_id),
      ...env.recipients,
      ...env.editor_ids,
      ...own.map((u) => u.user_id),
    ]);
    candidates.delete(env.author_id);
    const rows: { user_id: string; kind: string; record_kind: string; record_id: string; summary: string }[] =
      [];
    for (const userId of candidates) {
      const actor = await loadActor(trx, userId, null);
      if (!actor) continue;
      const can = sharedAbilities(actor, env);
      if (!can.read) continue;
      rows.push({
        user_id: userId,
        kind: `announcement.${event}`,
        record_kind: 'announcement',
        record_id: id,
        summary: can.quote ? rec.title : '',
      });
    }
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('notifications')
        .values(rows.slice(i, i + 500))
        .execute();
  },

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
