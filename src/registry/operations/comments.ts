import type { Actor } from '../../access/actor.ts';
import { type RecordAbilities, recordNetwork } from '../../access/registry-policy.ts';
import { postAbilities, readsPostText, subscribesThread } from '../../access/thread-policy.ts';
import type { ThreadPost, ThreadState } from '../../contract/thread-posts.ts';
import { change } from '../../core/change.ts';
import type { Database } from '../../db/connection.ts';
import type { KindDefinition } from '../definition.ts';
import { addComment } from '../record-service.ts';
import type { ChangeDeps, UserActor } from './types.ts';

/**
 * The posts of a record's thread (comments, feedback, registered interest), oldest first, each
 * with what the caller may do with it; the caller may read the record (`abilities`). A withdrawn
 * post keeps its place without its text; a hidden one shows its text and reason only to its
 * author and the moderators (src/access/thread-policy.ts).
 */
export async function recordComments(
  db: Database,
  a: Actor,
  kind: KindDefinition,
  record: { id: string; data: Record<string, unknown> },
  abilities: Pick<RecordAbilities, 'read' | 'comment'>,
): Promise<ThreadPost[]> {
  const rows = await db
    .selectFrom('registry_comments as c')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select([
      'c.id',
      'c.kind',
      'c.body',
      'c.created_at',
      'c.parent_id',
      'c.edited_at',
      'c.withdrawn_at',
      'c.hidden_at',
      'c.hidden_reason',
      'c.mention_ids',
      'c.author_id',
      'u.display_name as author',
      'o.code as organisation',
    ])
    .where('c.record_id', '=', record.id)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
  const mentioned = [...new Set(rows.flatMap((r) => r.mention_ids ?? []))];
  const names = new Map(
    mentioned.length
      ? (
          await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', mentioned).execute()
        ).map((u) => [u.id, u.display_name])
      : [],
  );
  const network = recordNetwork(kind, record.data);
  return rows.map((r) => {
    const text = readsPostText(a, network, r);
    return {
      id: r.id,
      kind: r.kind,
      parent_id: r.parent_id,
      body: text ? r.body : null,
      created_at: iso(r.created_at)!,
      edited_at: iso(r.edited_at),
      withdrawn_at: iso(r.withdrawn_at),
      hidden: r.hidden_at ? { at: iso(r.hidden_at)!, reason: text ? r.hidden_reason : null } : null,
      author: r.author,
      author_id: r.author_id,
      organisation: r.organisation,
      mentions: text ? (r.mention_ids ?? []).map((id) => ({ id, name: names.get(id) ?? '' })) : [],
      abilities: postAbilities(a, abilities, network, r),
    };
  });
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The caller's relation to the thread: following it (explicitly, or as its author or a poster). */
export async function threadState(
  db: Database,
  a: Actor,
  record: { id: string; author_id: string },
  abilities: Pick<RecordAbilities, 'read'>,
): Promise<ThreadState> {
  const may = subscribesThread(a, abilities);
  if (!a.userId) return { subscribed: false, subscribe: may };
  return { subscribed: await followsThread(db, record, a.userId), subscribe: may };
}

/** Does the user follow the thread: their explicit choice, else whether they wrote the record or a post of it. */
export async function followsThread(
  db: Database,
  record: { id: string; author_id: string },
  userId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('thread_subscriptions')
    .select('subscribed')
    .where('record_id', '=', record.id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (row) return row.subscribed;
  if (record.author_id === userId) return true;
  const posted = await db
    .selectFrom('registry_comments')
    .select('id')
    .where('record_id', '=', record.id)
    .where('author_id', '=', userId)
    .limit(1)
    .executeTakeFirst();
  return Boolean(posted);
}

export interface CommentInput {
  id: string;
  kind: 'comment' | 'feedback' | 'interest';
  body: string;
  parentId?: string | undefined;
  mentions?: string[] | undefined;
}

/** A reader comments, gives feedback, registers interest or replies (404 unreadable, 403 not published or read-only). */
export function commentOnRecord(deps: ChangeDeps, a: UserActor, kind: KindDefinition, input: CommentInput) {
  return change(deps, (trx) =>
    addComment(trx, a, kind, input.id, {
      kind: input.kind,
      body: input.body,
      parentId: input.parentId,
      mentions: input.mentions,
    }),
  );
}
