import type { PostAbilities } from '../contract/thread-posts.ts';
import { type Actor, canWrite, isPlatformAdmin, isUser } from './actor.ts';
import type { RecordAbilities } from './registry-policy.ts';

/**
 * Discussions on registry records: what a reader may do with one post of a record's thread. The
 * record's abilities decide reading and commenting (registry-policy.ts); here only the post:
 * its author edits and withdraws it while it stands; the coordinators of the record's network
 * and platform administrators (moderators) hide it with a reason; a hidden post's text is shown
 * to its author and moderators only, a withdrawn post's to nobody.
 */
export interface PostRow {
  author_id: string;
  parent_id: string | null;
  withdrawn_at: Date | null;
  hidden_at: Date | null;
}

/** Coordinators of the record's network (`network`: its code) and platform administrators. */
function isModerator(a: Actor, network: string): boolean {
  return isPlatformAdmin(a) || (isUser(a) && a.networkCodes.get(network) === 'coordinator');
}

/** May the caller hide posts of a thread in this network (a moderator who may write)? */
export function moderatesThread(a: Actor, network: string): boolean {
  return canWrite(a) && isModerator(a, network);
}

export function postAbilities(
  a: Actor,
  record: Pick<RecordAbilities, 'read' | 'comment'>,
  network: string,
  post: PostRow,
): PostAbilities {
  const standing = !post.withdrawn_at && !post.hidden_at;
  const own = isUser(a) && a.userId === post.author_id;
  return {
    reply: record.comment && standing,
    edit: record.comment && own && standing,
    withdraw: record.comment && own && standing,
    hide: record.read && standing && moderatesThread(a, network),
  };
}

/** May the caller read the text of a hidden post (its author, a moderator)? Withdrawn posts: nobody. */
export function readsPostText(a: Actor, network: string, post: PostRow): boolean {
  if (post.withdrawn_at) return false;
  if (!post.hidden_at) return true;
  return (isUser(a) && a.userId === post.author_id) || isModerator(a, network);
}

/** May the caller follow or leave a record's thread (personal state, needs writing)? */
export function subscribesThread(a: Actor, record: Pick<RecordAbilities, 'read'>): boolean {
  return record.read && canWrite(a);
}
