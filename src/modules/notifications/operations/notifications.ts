import type { Actor } from '../../../access/actor.ts';
import { notificationPolicy } from '../../../access/notification-policy.ts';
import type { Database } from '../../../db/connection.ts';
import { notFound } from '../../../http/errors.ts';

type UserActor = Actor & { userId: string };

/**
 * The caller's notifications (newest first) and their unread count. A notification about a
 * shared record is shown only while the record is readable (`notificationPolicy`); the list and
 * the count use the one condition, so nothing is counted that the list would hide.
 */
export async function listNotifications(
  db: Database,
  a: UserActor,
  query: { unread?: 'true' | 'false'; limit: number },
) {
  const visible = notificationPolicy.readable(a, 'nt');
  let q = db
    .selectFrom('notifications as nt')
    .select([
      'nt.id',
      'nt.kind',
      'nt.record_kind',
      'nt.record_id',
      'nt.summary',
      'nt.created_at',
      'nt.read_at',
    ])
    .where(visible);
  if (query.unread === 'true') q = q.where('nt.read_at', 'is', null);
  const items = await q.orderBy('nt.created_at', 'desc').limit(query.limit).execute();
  const unread = await db
    .selectFrom('notifications as nt')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('nt.read_at', 'is', null)
    .where(visible)
    .executeTakeFirstOrThrow();
  return { items, unread: unread.n };
}

/** Marks one of the caller's notifications as read (404 for anyone else's). */
export async function markNotificationRead(db: Database, a: UserActor, id: string): Promise<void> {
  const done = await db
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('id', '=', id)
    .where('user_id', '=', a.userId)
    .returning('id')
    .executeTakeFirst();
  if (!done) throw notFound();
}

/** Marks all of the caller's notifications as read. */
export async function markAllNotificationsRead(db: Database, a: UserActor): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('user_id', '=', a.userId)
    .where('read_at', 'is', null)
    .execute();
}
