import { recordAbilities, recordNetwork } from '../access/registry-policy.ts';
import { loadActor } from '../auth/actor-loader.ts';
import type { OutboxHandler } from '../outbox/outbox-worker.ts';
import { kindByName } from './kinds/index.ts';
import { loadRegistryEnvelope } from './record-service.ts';

/**
 * Notifications of publication, correction, retraction and sharing go to the members of the
 * record's network (the kind's, or the one the record names), the named recipients, the co-editors
 * and subscribers — each only if, as themself, they may read the record; the title is quoted
 * only where the marking allows. Comments and registered interest notify the owning
 * organisation's author.
 */
/** A subscription matches when it has no field, or when the field's value (or one of its values) starts with the prefix. */
export function matchesSubscription(
  data: Record<string, unknown>,
  field: string | null,
  prefix: string | null,
): boolean {
  if (!field || !prefix) return true;
  const v = data[field];
  const values = Array.isArray(v) ? v : [v];
  return values.some((x) => typeof x === 'string' && x.toLowerCase().startsWith(prefix.toLowerCase()));
}

export const REGISTRY_NOTIFICATION_HANDLERS: Readonly<Record<string, OutboxHandler>> = {
  'registry.changed': async (trx, payload) => {
    const kind = kindByName(String(payload.kind));
    if (!kind) return;
    const env = await loadRegistryEnvelope(trx, kind, String(payload.id));
    if (!env) return;
    // The members of the record's network: its own (networkField) or the kind's. Records that
    // name their network also tell the members of the network they are distributed to and, when
    // kept in the organisation (or distributed to named organisations), the users of the owning
    // organisation (and of the named organisations).
    const network = await trx
      .selectFrom('networks')
      .select('id')
      .where('code', '=', recordNetwork(kind, env.data))
      .executeTakeFirstOrThrow();
    const networks = [network.id];
    if (kind.networkField && env.distribution_network_id) networks.push(env.distribution_network_id);
    const members = await trx
      .selectFrom('network_memberships')
      .select('user_id')
      .where('network_id', 'in', networks)
      .where('status', '=', 'active')
      .execute();
    const orgs = !kind.networkField
      ? []
      : env.distribution === 'organisation'
        ? [env.owner_org_id]
        : env.distribution === 'organisations'
          ? [env.owner_org_id, ...env.named_org_ids]
          : [];
    const colleagues = orgs.length
      ? await trx
          .selectFrom('users')
          .select('id as user_id')
          .where('organisation_id', 'in', orgs)
          .where('status', '=', 'active')
          .execute()
      : [];
    const subscriptions = await trx
      .selectFrom('registry_subscriptions')
      .select(['user_id', 'field', 'prefix'])
      .where('kind', '=', kind.name)
      .execute();
    const subscribers = subscriptions.filter((s) => matchesSubscription(env.data, s.field, s.prefix));
    const candidates = new Set([
      ...members.map((m) => m.user_id),
      ...colleagues.map((u) => u.user_id),
      ...subscribers.map((s) => s.user_id),
      ...env.recipients,
      ...env.editor_ids,
    ]);
    candidates.delete(env.author_id);
    const rows: { user_id: string; kind: string; record_kind: string; record_id: string; summary: string }[] =
      [];
    for (const userId of candidates) {
      const actor = await loadActor(trx, userId, null);
      if (!actor) continue;
      const can = recordAbilities(actor, env, kind);
      if (!can.read) continue;
      rows.push({
        user_id: userId,
        kind: `${kind.name}.${String(payload.event)}`,
        record_kind: kind.name,
        record_id: env.id,
        summary: can.quote ? env.title : '',
      });
    }
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('notifications')
        .values(rows.slice(i, i + 500))
        .execute();
  },

  'registry.commented': async (trx, payload) => {
    const kind = kindByName(String(payload.kind));
    if (!kind) return;
    const env = await loadRegistryEnvelope(trx, kind, String(payload.id));
    const comment = await trx
      .selectFrom('registry_comments as c')
      .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
      .select(['c.kind', 'c.author_id', 'o.code'])
      .where('c.id', '=', String(payload.commentId))
      .executeTakeFirst();
    if (!env || !comment || comment.author_id === env.author_id) return;
    const actor = await loadActor(trx, env.author_id, null);
    if (!actor || !recordAbilities(actor, env, kind).read) return;
    await trx
      .insertInto('notifications')
      .values({
        user_id: env.author_id,
        kind: `${kind.name}.${comment.kind}`,
        record_kind: kind.name,
        record_id: env.id,
        summary: `${comment.code}: ${recordAbilities(actor, env, kind).quote ? env.title : ''}`,
      })
      .execute();
  },
};
