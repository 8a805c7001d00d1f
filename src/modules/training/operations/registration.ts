import type { Actor } from '../../../access/actor.ts';
import {
  authoriseNomination,
  eventAbilities,
  type NominationAbilities,
  nominationAbilities,
  trainingNominationPolicy,
} from '../../../access/training-policy.ts';
import { recordAudit } from '../../../audit/audit-log.ts';
import { type ChangeDeps, change } from '../../../core/change.ts';
import type { Database, Trx } from '../../../db/connection.ts';
import type { NominationState, SeatSource } from '../../../db/training-schema.ts';
import { conflict, forbidden, notFound } from '../../../http/errors.ts';
import { loadRegistryEnvelope } from '../../../registry/record-service.ts';
import { trainingEventKind } from '../training-kinds.ts';

const EVENT_NOT_FOUND = 'No training event with this id that you may read.';
const NOMINATION_NOT_FOUND = 'No nomination with this id that you may read.';

type EventEnvelope = NonNullable<Awaited<ReturnType<typeof loadRegistryEnvelope>>>;

/** The seats of an event as its data holds them: the total and each administration's quota (by organisation id). */
export function seatPlan(data: Record<string, unknown>) {
  const quotas = new Map<string, number>();
  for (const q of (data.quotas as { organisation: string; seats: number }[] | undefined) ?? [])
    quotas.set(q.organisation, (quotas.get(q.organisation) ?? 0) + q.seats);
  return {
    seatsTotal: Number(data.seats_total ?? 0),
    quotas,
    startsOn: String(data.starts_on ?? ''),
    releaseDate: String(data.release_date ?? ''),
  };
}

/** The users the event's trainer records name (`person_user`): they read the nominees' names. */
async function trainerUsers(db: Database | Trx, data: Record<string, unknown>): Promise<string[]> {
  const ids = ((data.trainers as string[] | undefined) ?? []).filter(Boolean);
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('registry_records')
    .select((eb) =>
      eb
        .ref('data', '->>')
        .key('person_user' as never)
        .as('person_user'),
    )
    .where('kind', '=', 'trainer')
    .where('id', 'in', ids)
    .execute();
  return rows.map((r) => r.person_user as string | null).filter((u): u is string => !!u);
}

async function readableEvent(db: Database | Trx, actor: Actor, eventId: string): Promise<EventEnvelope> {
  const env = await loadRegistryEnvelope(db, trainingEventKind, eventId);
  if (!env || !eventAbilities(actor, env).read) throw notFound(EVENT_NOT_FOUND);
  return env;
}

export interface NominationView {
  id: string;
  organisation: string;
  nomineeName: string;
  state: NominationState;
  seatSource: SeatSource | null;
  nominatedAt: string;
  attended: boolean | null;
  abilities: NominationAbilities;
}

export interface RegistrationView {
  eventId: string;
  seatsTotal: number;
  /** Seats no administration's quota holds (they go to the waiting list at the release). */
  unassignedSeats: number;
  freeSeats: number;
  releaseDate: string;
  released: { at: string; awarded: number; left: number } | null;
  /** Per administration with a quota or nominees: counts only (every reader of the event sees them). */
  administrations: { id: string; code: string; quota: number; seated: number; waiting: number }[];
  /** The nominations whose names the caller may read (their NCP, the organiser, the trainers). */
  nominations: NominationView[];
  abilities: { nominate: boolean };
}

/** `GET /training/events/:id/registration`: seats, counts per administration and the names the caller may read. */
export async function eventRegistration(
  db: Database,
  actor: Actor,
  eventId: string,
): Promise<RegistrationView> {
  const env = await readableEvent(db, actor, eventId);
  const plan = seatPlan(env.data);
  // Counts per administration: aggregates over every nomination of an event the caller reads (no names).
  const counts = await db
    .selectFrom('training_nominations')
    .select(['organisation_id', 'state'])
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('event_id', '=', eventId)
    .where('state', '<>', 'withdrawn')
    .groupBy(['organisation_id', 'state'])
    .execute();
  const orgIds = [...new Set([...plan.quotas.keys(), ...counts.map((c) => c.organisation_id)])];
  const orgs = orgIds.length
    ? await db.selectFrom('organisations').select(['id', 'code']).where('id', 'in', orgIds).execute()
    : [];
  const count = (org: string, state: NominationState) =>
    Number(counts.find((c) => c.organisation_id === org && c.state === state)?.n ?? 0);
  const administrations = orgs
    .map((o) => ({
      id: o.id,
      code: o.code,
      quota: plan.quotas.get(o.id) ?? 0,
      seated: count(o.id, 'seated'),
      waiting: count(o.id, 'waiting'),
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const rows = await db
    .selectFrom('training_nominations as n')
    .innerJoin('organisations as o', 'o.id', 'n.organisation_id')
    .select([
      'n.id',
      'n.organisation_id',
      'o.code',
      'n.nominee_name',
      'n.state',
      'n.seat_source',
      'n.nominated_at',
      'n.attended',
    ])
    .where('n.event_id', '=', eventId)
    .where(trainingNominationPolicy.readable(actor, 'n'))
    .orderBy('n.nominated_at')
    .orderBy('n.id')
    .execute();
  const trainers = await trainerUsers(db, env.data);
  const release = await db
    .selectFrom('training_seat_releases')
    .selectAll()
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  const seated = administrations.reduce((n, a) => n + a.seated, 0);
  const quotaSum = [...plan.quotas.values()].reduce((n, q) => n + q, 0);
  return {
    eventId,
    seatsTotal: plan.seatsTotal,
    unassignedSeats: Math.max(0, plan.seatsTotal - quotaSum),
    freeSeats: Math.max(0, plan.seatsTotal - seated),
    releaseDate: plan.releaseDate,
    released: release
      ? { at: release.released_at.toISOString(), awarded: release.seats_awarded, left: release.seats_left }
      : null,
    administrations,
    nominations: rows.map((r) => ({
      id: r.id,
      organisation: r.code,
      nomineeName: r.nominee_name,
      state: r.state,
      seatSource: r.seat_source,
      nominatedAt: r.nominated_at.toISOString(),
      attended: r.attended,
      abilities: nominationAbilities(actor, {
        event: env,
        organisation_id: r.organisation_id,
        state: r.state,
        trainer_user_ids: trainers,
      }),
    })),
    abilities: { nominate: mayNominate(actor, env) },
  };
}

function mayNominate(actor: Actor, env: EventEnvelope): boolean {
  try {
    authoriseNomination(actor, env);
    return registrationOpen(env);
  } catch {
    return false;
  }
}

const today = () => new Date().toISOString().slice(0, 10);
const registrationOpen = (env: EventEnvelope) => today() < seatPlan(env.data).startsOn;

/**
 * `POST /training/events/:id/nominations`: the NCP (or deputy) nominates an officer of their
 * administration. Before the release date the nominee is seated while the administration's quota
 * has room, else waits; after the release, seated while any seat is free, else waits.
 */
export function nominate(deps: ChangeDeps, actor: Actor, eventId: string, input: { nomineeName: string }) {
  return change(deps, async (trx) => {
    const env = await readableEvent(trx, actor, eventId);
    authoriseNomination(actor, env);
    if (!registrationOpen(env))
      throw conflict('Registration has closed: the event has started. Ask the organiser about late places.');
    // One nomination at a time per event: the seat counts below stay true until the commit.
    await trx.selectFrom('registry_records').select('id').where('id', '=', eventId).forUpdate().execute();
    const plan = seatPlan(env.data);
    const nominations = await trx
      .selectFrom('training_nominations')
      .select(['organisation_id', 'state'])
      .where('event_id', '=', eventId)
      .where('state', '=', 'seated')
      .execute();
    const released = await trx
      .selectFrom('training_seat_releases')
      .select('event_id')
      .where('event_id', '=', eventId)
      .executeTakeFirst();
    const mine = nominations.filter((n) => n.organisation_id === actor.orgId).length;
    const seat = released
      ? nominations.length < plan.seatsTotal
      : mine < (plan.quotas.get(actor.orgId) ?? 0) && nominations.length < plan.seatsTotal;
    const now = new Date();
    const row = await trx
      .insertInto('training_nominations')
      .values({
        event_id: eventId,
        organisation_id: actor.orgId,
        nominee_name: input.nomineeName,
        nominated_by: actor.userId,
        nominated_at: now,
        state: seat ? 'seated' : 'waiting',
        seat_source: seat ? (released ? 'released' : 'quota') : null,
        seated_at: seat ? now : null,
      })
      .returning(['id', 'state'])
      .executeTakeFirstOrThrow();
    // The audit trail names the nomination, never the person (its readers may not read names).
    await recordAudit(trx, actor, {
      action: 'training_event.nominated',
      recordKind: 'training_event',
      recordId: eventId,
      organisationId: actor.orgId,
      changes: { nomination: row.id, state: row.state },
    });
    return { id: row.id, state: row.state };
  });
}

async function lockedNomination(trx: Trx, actor: Actor, id: string) {
  const n = await trx
    .selectFrom('training_nominations')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!n) throw notFound(NOMINATION_NOT_FOUND);
  const env = await loadRegistryEnvelope(trx, trainingEventKind, n.event_id);
  if (!env) throw notFound(NOMINATION_NOT_FOUND);
  const can = nominationAbilities(actor, {
    event: env,
    organisation_id: n.organisation_id,
    state: n.state,
    trainer_user_ids: await trainerUsers(trx, env.data),
  });
  if (!can.read) throw notFound(NOMINATION_NOT_FOUND);
  return { n, env, can };
}

/**
 * `POST /training/nominations/:id/withdraw`: the NCP withdraws a nominee. A seat held within the
 * quota goes to the administration's earliest waiting nominee, if any (before the release).
 */
export function withdrawNomination(deps: ChangeDeps, actor: Actor, id: string) {
  return change(deps, async (trx) => {
    const { n, can } = await lockedNomination(trx, actor, id);
    if (!can.withdraw)
      throw forbidden(
        n.state === 'withdrawn'
          ? 'This nomination is already withdrawn.'
          : 'Nominees are withdrawn by the NCP (or deputy) of their administration.',
      );
    await trx
      .updateTable('training_nominations')
      .set({ state: 'withdrawn', seat_source: null, seated_at: null })
      .where('id', '=', id)
      .execute();
    let promoted: string | null = null;
    if (n.state === 'seated' && n.seat_source === 'quota') {
      const next = await trx
        .selectFrom('training_nominations')
        .select('id')
        .where('event_id', '=', n.event_id)
        .where('organisation_id', '=', n.organisation_id)
        .where('state', '=', 'waiting')
        .orderBy('nominated_at')
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      if (next) {
        await trx
          .updateTable('training_nominations')
          .set({ state: 'seated', seat_source: 'quota', seated_at: new Date() })
          .where('id', '=', next.id)
          .execute();
        promoted = next.id;
      }
    }
    await recordAudit(trx, actor, {
      action: 'training_event.nomination_withdrawn',
      recordKind: 'training_event',
      recordId: n.event_id,
      organisationId: n.organisation_id,
      changes: {
        nomination: id,
        state: { before: n.state, after: 'withdrawn' },
        ...(promoted ? { seated: promoted } : {}),
      },
    });
    return { id, state: 'withdrawn' as const, promoted };
  });
}

/** `PUT /training/nominations/:id/attendance`: the organiser records whether a seated nominee attended. */
export function recordAttendance(deps: ChangeDeps, actor: Actor, id: string, input: { attended: boolean }) {
  return change(deps, async (trx) => {
    const { n, env, can } = await lockedNomination(trx, actor, id);
    if (!can.attendance)
      throw forbidden(
        n.state !== 'seated'
          ? 'Attendance is recorded for seated nominees only.'
          : 'Attendance is recorded by the organiser of the event (who may change it).',
      );
    await trx
      .updateTable('training_nominations')
      .set({ attended: input.attended })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'training_event.attendance',
      recordKind: 'training_event',
      recordId: n.event_id,
      organisationId: env.owner_org_id,
      changes: { nomination: id, attended: { before: n.attended, after: input.attended } },
    });
    return { id, attended: input.attended };
  });
}
