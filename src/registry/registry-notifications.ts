import { recordAbilities, recordNetwork } from '../access/registry-policy.ts';
import { loadActor } from '../auth/actor-loader.ts';
import type { Trx } from '../core/context.ts';
import type { OutboxHandler } from '../outbox/outbox-worker.ts';
import { kindByName } from './kinds/index.ts';
import { loadRegistryEnvelope } from './record-service.ts';

/**
 * Notifications of publication, correction, retraction and sharing go to the members of the
 * record's network (the kind's, or the one the record names), the named recipients, the co-editors
 * and subscribers — each only if, as themself, they may read the record; the title is quoted
 * only where the marking allows. Posts (comments, feedback, registered interest, replies) notify
 * the people they mention and the thread's followers (below).
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

  // A new post (or mentions added by an edit: `mentionsOnly`): the people it mentions get
  // `<kind>.mention`, the thread's followers (the record's author and posters unless they left,
  // and who chose to follow) `<kind>.<comment|feedback|interest>` — each only if, as themself,
  // they may read the record; never the post's author. A mention of someone who may not read
  // stays text: nobody is notified and nothing tells the author.
  'registry.commented': async (trx, payload) => {
    const kind = kindByName(String(payload.kind));
    if (!kind) return;
    const env = await loadRegistryEnvelope(trx, kind, String(payload.id));
    const comment = await trx
      .selectFrom('registry_comments as c')
      .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
      .select(['c.kind', 'c.author_id', 'c.mention_ids', 'c.withdrawn_at', 'c.hidden_at', 'o.code'])
      .where('c.id', '=', String(payload.commentId))
      .executeTakeFirst();
    if (!env || !comment || comment.withdrawn_at || comment.hidden_at) return;
    const mentionsOnly = Array.isArray(payload.mentionsOnly) ? payload.mentionsOnly.map(String) : null;
    const mentioned = new Set(mentionsOnly ?? comment.mention_ids);
    const followers = mentionsOnly ? [] : await threadFollowers(trx, env);
    const candidates = new Set([...mentioned, ...followers]);
    candidates.delete(comment.author_id);
    const rows: { user_id: string; kind: string; record_kind: string; record_id: string; summary: string }[] =
      [];
    for (const userId of candidates) {
      const actor = await loadActor(trx, userId, null);
      if (!actor) continue;
      const can = recordAbilities(actor, env, kind);
      if (!can.read) continue;
      rows.push({
        user_id: userId,
        kind: `${kind.name}.${mentioned.has(userId) ? 'mention' : comment.kind}`,
        record_kind: kind.name,
        record_id: env.id,
        summary: `${comment.code}: ${can.quote ? env.title : ''}`,
      });
    }
    if (rows.length) await trx.insertInto('notifications').values(rows).execute();
  },
};

/**
 * Who follows a record's thread: its author and everyone who posted in it, unless they left it,
 * and everyone who chose to follow it (thread_subscriptions).
 */
async function threadFollowers(trx: Trx, env: { id: string; author_id: string }): Promise<string[]> {
  const [posters, choices] = await Promise.all([
    trx
      .selectFrom('registry_comments')
      .select('author_id')
      .distinct()
      .where('record_id', '=', env.id)
      .execute(),
    trx
      .selectFrom('thread_subscriptions')
      .select(['user_id', 'subscribed'])
      .where('record_id', '=', env.id)
      .execute(),
  ]);
  const out = new Set([env.author_id, ...posters.map((p) => p.author_id)]);
  for (const c of choices) {
    if (c.subscribed) out.add(c.user_id);
    else out.delete(c.user_id);
  }
  return [...out];
}
