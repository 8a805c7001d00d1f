import type { Actor } from '../../../access/actor.ts';
import { notificationPolicy } from '../../../access/notification-policy.ts';
import { recordAudit } from '../../../audit/audit-log.ts';
import { change } from '../../../core/change.ts';
import type { Database } from '../../../db/connection.ts';
import { notFound } from '../../../http/errors.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';

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

/**
 * Marks one of the caller's notifications as read (404 for anyone else's). A change of the user's
 * own state, audited (`notifications.read`) when it changes something: marking a read one again
 * writes nothing.
 */
export async function markNotificationRead(deps: AppDeps, a: UserActor, id: string): Promise<void> {
  await change(deps, async (trx) => {
    const found = await trx
      .selectFrom('notifications')
      .select('read_at')
      .where('id', '=', id)
      .where('user_id', '=', a.userId)
      .executeTakeFirst();
    if (!found) throw notFound();
    if (found.read_at) return;
    await trx.updateTable('notifications').set({ read_at: new Date() }).where('id', '=', id).execute();
    await recordAudit(trx, a, {
      action: 'notifications.read',
      recordKind: 'user',
      recordId: a.userId,
      changes: { notification: { before: null, after: id } },
    });
  });
}

/** Marks all of the caller's notifications as read; audited with how many (`notifications.all_read`). */
export async function markAllNotificationsRead(deps: AppDeps, a: UserActor): Promise<void> {
  await change(deps, async (trx) => {
    const marked = await trx
      .updateTable('notifications')
      .set({ read_at: new Date() })
      .where('user_id', '=', a.userId)
      .where('read_at', 'is', null)
      .returning('id')
      .execute();
    if (marked.length === 0) return;
    await recordAudit(trx, a, {
      action: 'notifications.all_read',
      recordKind: 'user',
      recordId: a.userId,
      changes: { unread: { before: marked.length, after: 0 } },
    });
  });
}
