import { sql } from 'kysely';
import { recordAbilities } from '../../access/registry-policy.ts';
import { loadActor } from '../../auth/actor-loader.ts';
import { loadRegistryEnvelope } from '../../registry/record-service.ts';
import { defineScheduledTask } from '../../scheduler/scheduled-task.ts';
import { actionPointKind } from './meeting-kinds.ts';

/** At most this many reminders per run (the next run sends the rest). */
const BATCH = 500;

/**
 * Reminds the owners of open action points: once on the due day (`action_point.due`) and once when
 * it has passed (`action_point.overdue`; the only one for a point first seen after its due day).
 * Each notice is written to `action_point_notices` in the same transaction as the notification, so
 * it is sent once across restarts and crashes; a moved due date is reminded again. The owner is
 * notified only if, as themself, they may read the action point (title quoted where the marking allows).
 */
export const actionPointReminders = defineScheduledTask({
  name: 'meetings.action-point-reminders',
  description: 'Notifies the owners of open action points on their due day and once when they are overdue.',
  everyMinutes: 60,
  async run({ db, now }) {
    const today = now.toISOString().slice(0, 10);
    const due = sql<string>`r.data->>'due_date'`;
    const notice = sql<
      'due' | 'overdue'
    >`CASE WHEN r.data->>'due_date' = ${today} THEN 'due' ELSE 'overdue' END`;
    const rows = await db
      .selectFrom('registry_records as r')
      .select([
        'r.id',
        sql<string>`r.data->>'responsible'`.as('owner'),
        due.as('due_date'),
        notice.as('notice'),
      ])
      .where('r.kind', '=', actionPointKind.name)
      .where('r.status', '=', 'published')
      .where(sql<string>`r.data->>'state'`, '=', 'open')
      .where(due, '<=', today)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('action_point_notices as n')
              .select('n.record_id')
              .whereRef('n.record_id', '=', 'r.id')
              .where(sql`n.due_date::text`, '=', due)
              .where(sql`n.notice`, '=', notice),
          ),
        ),
      )
      .orderBy(due)
      .limit(BATCH)
      .execute();
    let sent = 0;
    let withheld = 0;
    for (const r of rows) {
      const outcome = await db.transaction().execute(async (trx) => {
        const claimed = await trx
          .insertInto('action_point_notices')
          .values({ record_id: r.id, notice: r.notice, due_date: r.due_date, user_id: r.owner, sent_at: now })
          .onConflict((oc) => oc.doNothing())
          .returning('record_id')
          .executeTakeFirst();
        if (!claimed) return 'none';
        const env = await loadRegistryEnvelope(trx, actionPointKind, r.id);
        const owner = await loadActor(trx, r.owner, null);
        const can = env && owner ? recordAbilities(owner, env, actionPointKind) : null;
        if (!env || !can?.read) return 'withheld';
        await trx
          .insertInto('notifications')
          .values({
            user_id: r.owner,
            kind: `action_point.${r.notice}`,
            record_kind: actionPointKind.name,
            record_id: r.id,
            summary: can.quote ? env.title : '',
          })
          .execute();
        return 'sent';
      });
      if (outcome === 'sent') sent++;
      if (outcome === 'withheld') withheld++;
    }
    return `${sent} action-point reminders sent${withheld ? `, ${withheld} withheld (the owner may not read the action point)` : ''}`;
  },
});
