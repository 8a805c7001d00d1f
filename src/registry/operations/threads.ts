import type { Actor } from '../../access/actor.ts';
import { recordAbilities, recordNetwork } from '../../access/registry-policy.ts';
import { postAbilities, subscribesThread } from '../../access/thread-policy.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { loadActor } from '../../auth/actor-loader.ts';
import type { MentionablePerson, PostAbilities } from '../../contract/thread-posts.ts';
import { change } from '../../core/change.ts';
import type { Trx } from '../../core/context.ts';
import type { Database } from '../../db/connection.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { enqueue } from '../../outbox/outbox-worker.ts';
import type { KindDefinition } from '../definition.ts';
import { authoriseRecord, checkMentions, refreshCommentSearch } from '../record-service.ts';
import { followsThread } from './comments.ts';
import type { ChangeDeps, UserActor } from './types.ts';

/**
 * Changes to one post of a record's thread (edit, withdraw, hide) and to the caller's following
 * of the thread; the people the `@` picker offers. Access: the record's abilities (404 when the
 * caller may not read it) and the post's (src/access/thread-policy.ts: 403 when they may read but
 * not act). Each change is audited; an edit keeps the earlier text in its audit event.
 */
async function loadPost(
  trx: Trx,
  a: UserActor,
  kind: KindDefinition,
  input: { id: string; postId: string },
  action: keyof Omit<PostAbilities, 'reply'>,
) {
  const env = await authoriseRecord(trx, a, kind, input.id, 'read');
  const post = await trx
    .selectFrom('registry_comments')
    .selectAll()
    .where('id', '=', input.postId)
    .where('record_id', '=', input.id)
    .forUpdate()
    .executeTakeFirst();
  if (!post) throw notFound();
  const can = postAbilities(a, recordAbilities(a, env, kind), recordNetwork(kind, env.data), post);
  if (!can[action]) {
    if (post.withdrawn_at || post.hidden_at)
      throw forbidden('This post was withdrawn or hidden: it can no longer be changed.');
    throw forbidden(
      action === 'hide'
        ? `Posts are hidden by the coordinators of the ${recordNetwork(kind, env.data)} network and platform administrators.`
        : `Only the author of a post ${action === 'edit' ? 'edits' : 'withdraws'} it, while the record takes comments and with write access.`,
    );
  }
  return { env, post };
}

/** The author changes the text (and mentions) of their post; the audit keeps the earlier text. */
export function editPost(
  deps: ChangeDeps,
  a: UserActor,
  kind: KindDefinition,
  input: { id: string; postId: string; body: string; mentions?: string[] | undefined },
) {
  return change(deps, async (trx) => {
    const { env, post } = await loadPost(trx, a, kind, input, 'edit');
    const mentions = input.mentions ? await checkMentions(trx, input.mentions) : post.mention_ids;
    const editedAt = new Date();
    await trx
      .updateTable('registry_comments')
      .set({ body: input.body, mention_ids: mentions, edited_at: editedAt })
      .where('id', '=', post.id)
      .execute();
    await refreshCommentSearch(trx, input.id);
    await recordAudit(trx, a, {
      action: `${kind.name}.post_edited`,
      recordKind: kind.name,
      recordId: input.id,
      organisationId: env.owner_org_id,
      changes: { post: post.id, body: { before: post.body, after: input.body } },
    });
    const added = mentions.filter((m) => !post.mention_ids.includes(m));
    if (added.length)
      await enqueue(trx, 'registry.commented', {
        kind: kind.name,
        id: input.id,
        commentId: post.id,
        mentionsOnly: added,
      });
    return { id: post.id, body: input.body, edited_at: editedAt.toISOString() };
  });
}

/** The author withdraws their post: it keeps its place in the thread, marked withdrawn, without its text. */
export function withdrawPost(
  deps: ChangeDeps,
  a: UserActor,
  kind: KindDefinition,
  input: { id: string; postId: string },
) {
  return change(deps, async (trx) => {
    const { env, post } = await loadPost(trx, a, kind, input, 'withdraw');
    const at = new Date();
    await trx.updateTable('registry_comments').set({ withdrawn_at: at }).where('id', '=', post.id).execute();
    await refreshCommentSearch(trx, input.id);
    await recordAudit(trx, a, {
      action: `${kind.name}.post_withdrawn`,
      recordKind: kind.name,
      recordId: input.id,
      organisationId: env.owner_org_id,
      changes: { post: post.id },
    });
    return { id: post.id, withdrawn_at: at.toISOString() };
  });
}

/** A coordinator of the record's network (or a platform administrator) hides a post, with a reason. */
export function hidePost(
  deps: ChangeDeps,
  a: UserActor,
  kind: KindDefinition,
  input: { id: string; postId: string; reason: string },
) {
  return change(deps, async (trx) => {
    const { env, post } = await loadPost(trx, a, kind, input, 'hide');
    const at = new Date();
    await trx
      .updateTable('registry_comments')
      .set({ hidden_at: at, hidden_by: a.userId, hidden_reason: input.reason })
      .where('id', '=', post.id)
      .execute();
    await refreshCommentSearch(trx, input.id);
    await recordAudit(trx, a, {
      action: `${kind.name}.post_hidden`,
      recordKind: kind.name,
      recordId: input.id,
      organisationId: env.owner_org_id,
      changes: { post: post.id, reason: input.reason },
    });
    return { id: post.id, hidden: { at: at.toISOString(), reason: input.reason } };
  });
}

/** The caller follows or leaves a record's thread (personal state, audited; needs writing). */
export function setThreadSubscription(
  deps: ChangeDeps,
  a: UserActor,
  kind: KindDefinition,
  input: { id: string; subscribed: boolean },
) {
  return change(deps, async (trx) => {
    const env = await authoriseRecord(trx, a, kind, input.id, 'read');
    if (!subscribesThread(a, recordAbilities(a, env, kind)))
      throw forbidden('Following a thread needs write access (your access is read-only).');
    const before = await followsThread(trx, env, a.userId);
    await trx
      .insertInto('thread_subscriptions')
      .values({
        record_id: input.id,
        user_id: a.userId,
        subscribed: input.subscribed,
        updated_at: new Date(),
      })
      .onConflict((oc) =>
        oc
          .columns(['record_id', 'user_id'])
          .doUpdateSet({ subscribed: input.subscribed, updated_at: new Date() }),
      )
      .execute();
    const event = {
      recordKind: kind.name,
      recordId: input.id,
      organisationId: a.orgId,
      changes: { subscribed: { before, after: input.subscribed } },
    };
    if (before !== input.subscribed && input.subscribed)
      await recordAudit(trx, a, { action: `${kind.name}.thread_followed`, ...event });
    else if (before !== input.subscribed)
      await recordAudit(trx, a, { action: `${kind.name}.thread_left`, ...event });
    return { subscribed: input.subscribed, subscribe: true };
  });
}

/**
 * The people who may read the record whose name contains `q` (the `@` picker): active users,
 * each checked with the record's policy as themself; at most `limit`, by name. Nobody else is
 * offered, so the picker says nothing about who may not read it.
 */
export async function mentionablePeople(
  db: Database,
  a: Actor,
  kind: KindDefinition,
  input: { id: string; q: string; limit: number },
): Promise<{ items: MentionablePerson[] }> {
  const env = await authoriseRecord(db, a, kind, input.id, 'comment');
  const items: MentionablePerson[] = [];
  const pattern = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const batch = 50;
  for (let offset = 0; items.length < input.limit && offset < 1000; offset += batch) {
    const users = await db
      .selectFrom('users as u')
      .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
      .select(['u.id', 'u.display_name', 'o.code'])
      .where('u.status', '=', 'active')
      .where('u.display_name', 'ilike', pattern)
      .orderBy('u.display_name')
      .orderBy('u.id')
      .offset(offset)
      .limit(batch)
      .execute();
    for (const u of users) {
      if (items.length >= input.limit) break;
      const actor = await loadActor(db, u.id, null);
      if (actor && recordAbilities(actor, env, kind).read)
        items.push({ id: u.id, name: u.display_name, organisation: u.code });
    }
    if (users.length < batch) break;
  }
  return { items };
}
