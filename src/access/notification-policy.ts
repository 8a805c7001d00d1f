import { type RawBuilder, sql } from 'kysely';
import { type Actor, isUser } from './actor.ts';
import { definePolicy } from './policy.ts';
import { isSharedKind, SHARED_KINDS } from './shared-kinds.ts';

/**
 * Notifications belong to the user they were written for. One about a shared record (an
 * announcement, a registry record) is shown only while that record is still readable to them
 * through its kind's policy: a record narrowed, retracted or removed after the notification was
 * written disappears from the list, the unread count and the e-mail digest alike.
 */
export interface NotificationRow {
  user_id: string;
  record_kind: string | null;
  /**
   * The record it is about is readable to the actor (by its kind's policy); null when the
   * notification is not about a shared record (false when the record no longer exists).
   */
  subjectReadable: boolean | null;
}

export interface NotificationAbilities {
  read: boolean;
  /** Mark it as read. */
  markRead: boolean;
}

function notificationAbilities(a: Actor, n: NotificationRow): NotificationAbilities {
  const mine = isUser(a) && a.userId === n.user_id;
  const subject = n.record_kind === null || !isSharedKind(n.record_kind) || n.subjectReadable === true;
  return { read: mine && subject, markRead: mine };
}

/** SQL over `alias` of `notifications`: the condition that the subject record is still readable. */
export function subjectStillReadable(a: Actor, alias: string): RawBuilder<boolean> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  const stillReadable = Object.entries(SHARED_KINDS).map(
    ([kind, { table, readable }]) =>
      sql<boolean>`(${col('record_kind')} = ${kind} AND EXISTS (SELECT 1 FROM ${sql.table(table)} AS rec WHERE rec.id = ${col('record_id')} AND ${readable(a, kind, 'rec')}))`,
  );
  return sql<boolean>`(${col('record_kind')} IS NULL OR ${col('record_kind')} NOT IN (${sql.join(Object.keys(SHARED_KINDS))}) OR ${sql.join(stillReadable, sql` OR `)})`;
}

/** SQL over `alias` of `notifications`: the same rule as `abilities(...).read`. */
function readableNotifications(a: Actor, alias: string): RawBuilder<boolean> {
  if (!isUser(a)) return sql<boolean>`false`;
  return sql<boolean>`(${sql.ref(`${alias}.user_id`)} = ${a.userId}::uuid AND ${subjectStillReadable(a, alias)})`;
}

/** A user's notifications: the list, the unread count and the digest all start from `readable`. */
export const notificationPolicy = definePolicy<NotificationRow, NotificationAbilities>({
  resource: 'notification',
  tables: ['notifications'],
  abilities: notificationAbilities,
  readable: readableNotifications,
});
