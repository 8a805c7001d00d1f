import { z } from 'zod';

/**
 * Discussions on registry records (the record's comments are its thread): the bodies of the
 * thread endpoints and the shape of a post as the API sends it. The server and the web app both
 * read these.
 */

/** A post: a comment, feedback or registered interest; optionally a reply and the people it mentions. */
export const postBody = z.strictObject({
  kind: z.enum(['comment', 'feedback', 'interest']).default('comment'),
  body: z.string().trim().min(1).max(5000),
  /** The post answered; a reply to a reply joins the thread of the post it answers (one level). */
  parentId: z.uuid().optional(),
  /** People picked with `@` (the picker offers those who may read the record); at most 20. */
  mentions: z.array(z.uuid()).max(20).optional(),
});

export const postEditBody = z.strictObject({
  body: z.string().trim().min(1).max(5000),
  mentions: z.array(z.uuid()).max(20).optional(),
});

export const postHideBody = z.strictObject({
  reason: z.string().trim().min(3).max(500),
});

export const threadSubscriptionBody = z.strictObject({ subscribed: z.boolean() });

/** What the caller may do with one post (sent with every post). */
export interface PostAbilities {
  reply: boolean;
  edit: boolean;
  withdraw: boolean;
  hide: boolean;
}

/** One post of a thread, as the caller may see it. */
export interface ThreadPost {
  id: string;
  kind: 'comment' | 'feedback' | 'interest';
  parent_id: string | null;
  /** null when withdrawn, or hidden and the caller is neither its author nor a moderator. */
  body: string | null;
  created_at: string;
  edited_at: string | null;
  withdrawn_at: string | null;
  /** Hidden by a coordinator; the reason only for the author and moderators. */
  hidden: { at: string; reason: string | null } | null;
  author: string;
  author_id: string;
  organisation: string;
  mentions: { id: string; name: string }[];
  abilities: PostAbilities;
}

/** The caller's relation to a thread. */
export interface ThreadState {
  subscribed: boolean;
  /** May follow or leave the thread (a signed-in writer who may read the record). */
  subscribe: boolean;
}

/** A person who may read the record (the mention picker). */
export interface MentionablePerson {
  id: string;
  name: string;
  organisation: string;
}
