import { sql } from 'kysely';
import { systemActor } from '../../access/actor.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { enqueue } from '../../outbox/outbox-worker.ts';
import { defineScheduledTask } from '../../scheduler/scheduled-task.ts';
import { messageKind } from './message-kind.ts';

/** At most this many messages per run (the next run releases the rest). */
const BATCH = 100;

/**
 * Releases coordinated messages at their embargo: for each published message whose moment has
 * come and that has no release yet, the release row is claimed (`message_releases`, primary key:
 * the message) in the same transaction that publishes every approved version at once and writes
 * `message.released` (the delay, when the run came late, and the languages); readers are told
 * through the registry's notifier (`message.released`). Safe to run again after a crash: a claimed
 * message is never released twice. Reading is decided by the policy from the embargo time alone.
 */
export const releaseMessages = defineScheduledTask({
  name: 'messages.release',
  description:
    'Publishes every approved language version of a coordinated message at once when its embargo ends.',
  everyMinutes: 1,
  async run({ db, now }) {
    const due = await db
      .selectFrom('registry_records as r')
      .select(['r.id', 'r.owner_org_id', 'r.language', sql<string>`r.data->>'embargo_at'`.as('embargo_at')])
      .where('r.kind', '=', messageKind.name)
      .where('r.status', '=', 'published')
      .where(sql<boolean>`(r.data->>'embargo_at')::timestamptz <= ${now}`)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('message_releases as m').select('m.message_id').whereRef('m.message_id', '=', 'r.id'),
          ),
        ),
      )
      .orderBy(sql`(r.data->>'embargo_at')::timestamptz`)
      .limit(BATCH)
      .execute();
    let released = 0;
    let late = 0;
    const actor = systemActor('messages.release');
    for (const m of due) {
      const embargo = new Date(m.embargo_at);
      const delaySeconds = Math.max(0, Math.floor((now.getTime() - embargo.getTime()) / 1000));
      const done = await db.transaction().execute(async (trx) => {
        const claimed = await trx
          .insertInto('message_releases')
          .values({ message_id: m.id, embargo_at: embargo, released_at: now, delay_seconds: delaySeconds })
          .onConflict((oc) => oc.doNothing())
          .returning('message_id')
          .executeTakeFirst();
        if (!claimed) return false;
        const versions = await trx
          .updateTable('message_versions')
          .set({ published_at: now })
          .where('message_id', '=', m.id)
          .where('state', '=', 'approved')
          .where('published_at', 'is', null)
          .returning('language')
          .execute();
        await recordAudit(trx, actor, {
          action: 'message.released',
          recordKind: 'message',
          recordId: m.id,
          organisationId: m.owner_org_id,
          changes: {
            embargoAt: embargo.toISOString(),
            releasedAt: now.toISOString(),
            delaySeconds,
            languages: [m.language, ...versions.map((v) => v.language).sort()],
          },
        });
        await enqueue(trx, 'registry.changed', { kind: messageKind.name, id: m.id, event: 'released' });
        return true;
      });
      if (done) {
        released++;
        if (delaySeconds >= 60) late++;
      }
    }
    return `${released} messages released${late ? `, ${late} of them a minute or more after their embargo` : ''}`;
  },
});
