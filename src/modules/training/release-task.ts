import { sql } from 'kysely';
import { systemActor } from '../../access/actor.ts';
import { recordAbilities } from '../../access/registry-policy.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { loadActor } from '../../auth/actor-loader.ts';
import { loadRegistryEnvelope } from '../../registry/record-service.ts';
import { defineScheduledTask } from '../../scheduler/scheduled-task.ts';
import { seatPlan } from './operations/registration.ts';
import { reallocateSeats } from './seat-reallocation.ts';
import { trainingEventKind } from './training-kinds.ts';

/** At most this many events per run (the next run releases the rest). */
const BATCH = 50;

/**
 * Releases the unused seats of training events on their release date (issue 14): for each
 * published event whose release date has come and that has no release yet, the release row is
 * claimed (`training_seat_releases`, primary key: the event) in the transaction that seats the
 * waiting nominees the round-robin picks (seat-reallocation.ts: fewest seats first, then
 * nomination time), writes `training_event.seats_released` with the seats given per
 * administration, and notifies each nominating NCP whose nominee got a seat (the event's title
 * only where they may quote it). Safe to run again: a claimed event is never released twice.
 */
export const releaseTrainingSeats = defineScheduledTask({
  name: 'training.release-seats',
  description:
    'On an event’s release date, gives the seats administrations left unused to the waiting list, round-robin.',
  everyMinutes: 60,
  async run({ db, now }) {
    const day = now.toISOString().slice(0, 10);
    const due = await db
      .selectFrom('registry_records as r')
      .select(['r.id', 'r.owner_org_id', 'r.data'])
      .where('r.kind', '=', trainingEventKind.name)
      .where('r.status', '=', 'published')
      .where(sql<string>`r.data->>'release_date'`, '<=', day)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('training_seat_releases as s')
              .select('s.event_id')
              .whereRef('s.event_id', '=', 'r.id'),
          ),
        ),
      )
      .orderBy(sql`r.data->>'release_date'`)
      .limit(BATCH)
      .execute();
    const actor = systemActor('training.release-seats');
    let events = 0;
    let seats = 0;
    for (const e of due) {
      const awarded = await db.transaction().execute(async (trx) => {
        const claimed = await trx
          .insertInto('training_seat_releases')
          .values({ event_id: e.id, released_at: now, seats_awarded: 0, seats_left: 0 })
          .onConflict((oc) => oc.doNothing())
          .returning('event_id')
          .executeTakeFirst();
        if (!claimed) return null;
        const nominations = await trx
          .selectFrom('training_nominations as n')
          .innerJoin('organisations as o', 'o.id', 'n.organisation_id')
          .select(['n.id', 'n.organisation_id', 'n.nominated_at', 'n.state', 'n.nominated_by', 'o.code'])
          .where('n.event_id', '=', e.id)
          .where('n.state', '<>', 'withdrawn')
          .forUpdate()
          .execute();
        const result = reallocateSeats(
          seatPlan(e.data as Record<string, unknown>).seatsTotal,
          nominations.map((n) => ({
            id: n.id,
            organisationId: n.organisation_id,
            nominatedAt: n.nominated_at.toISOString(),
            state: n.state === 'seated' ? 'seated' : 'waiting',
          })),
        );
        const ids = result.awards.map((a) => a.nominationId);
        if (ids.length)
          await trx
            .updateTable('training_nominations')
            .set({ state: 'seated', seat_source: 'released', seated_at: now })
            .where('id', 'in', ids)
            .execute();
        await trx
          .updateTable('training_seat_releases')
          .set({ seats_awarded: ids.length, seats_left: result.freeSeats })
          .where('event_id', '=', e.id)
          .execute();
        const byOrg: Record<string, number> = {};
        for (const a of result.awards) {
          const code = nominations.find((n) => n.id === a.nominationId)!.code;
          byOrg[code] = (byOrg[code] ?? 0) + 1;
        }
        await recordAudit(trx, actor, {
          action: 'training_event.seats_released',
          recordKind: 'training_event',
          recordId: e.id,
          organisationId: e.owner_org_id,
          changes: {
            seatsAwarded: ids.length,
            seatsLeft: result.freeSeats,
            byAdministration: byOrg,
            nominations: ids,
          },
        });
        // Each nominating NCP hears of their nominees' seats, if they still read the event.
        const env = await loadRegistryEnvelope(trx, trainingEventKind, e.id);
        const nominators = new Set(nominations.filter((n) => ids.includes(n.id)).map((n) => n.nominated_by));
        for (const userId of nominators) {
          const reader = await loadActor(trx, userId, null);
          const can = env && reader ? recordAbilities(reader, env, trainingEventKind) : null;
          if (!env || !can?.read) continue;
          await trx
            .insertInto('notifications')
            .values({
              user_id: userId,
              kind: 'training_event.seat_released',
              record_kind: trainingEventKind.name,
              record_id: e.id,
              summary: can.quote ? env.title : '',
            })
            .execute();
        }
        return ids.length;
      });
      if (awarded !== null) {
        events++;
        seats += awarded;
      }
    }
    return `${events} training events released, ${seats} seats given to waiting nominees`;
  },
});
