import { sql } from 'kysely';
import type { Actor } from '../../../access/actor.ts';
import { canRsvp } from '../../../access/meeting-policy.ts';
import { recordAbilities } from '../../../access/registry-policy.ts';
import { recordAudit } from '../../../audit/audit-log.ts';
import { change } from '../../../core/change.ts';
import type { Database } from '../../../db/connection.ts';
import type { RsvpAnswer } from '../../../db/meetings-schema.ts';
import { forbidden, notFound } from '../../../http/errors.ts';
import { loadRegistryEnvelope } from '../../../registry/record-service.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';
import { meetingKind } from '../meeting-kinds.ts';

export const RSVP_ANSWERS = ['yes', 'no', 'maybe'] as const;

export interface RsvpCounts {
  yes: number;
  no: number;
  maybe: number;
}

/** A meeting's answers as one reader sees them: the counts, their own answer, and who answered what. */
export interface MeetingRsvps {
  counts: RsvpCounts;
  mine: RsvpAnswer | null;
  people: { userId: string; name: string; organisation: string; answer: RsvpAnswer }[];
  abilities: { rsvp: boolean };
}

/** The meeting's abilities for the actor; 404 when they may not read it (as the record itself). */
async function readableMeeting(db: Database, actor: Actor, id: string) {
  const env = await loadRegistryEnvelope(db, meetingKind, id);
  if (!env) throw notFound('No meeting with this id that you may read.');
  const can = recordAbilities(actor, env, meetingKind);
  if (!can.read) throw notFound('No meeting with this id that you may read.');
  return can;
}

/** Counts and the actor's answers for several meetings at once (the calendar's). */
export async function rsvpSummaries(
  db: Database,
  userId: string | null,
  meetingIds: readonly string[],
): Promise<Map<string, RsvpCounts & { mine: RsvpAnswer | null }>> {
  const out = new Map<string, RsvpCounts & { mine: RsvpAnswer | null }>();
  if (meetingIds.length === 0) return out;
  const rows = await db
    .selectFrom('meeting_rsvps')
    .select([
      'meeting_id',
      (eb) => eb.fn.count<string>(sql`CASE WHEN answer = 'yes' THEN 1 END`).as('yes'),
      (eb) => eb.fn.count<string>(sql`CASE WHEN answer = 'no' THEN 1 END`).as('no'),
      (eb) => eb.fn.count<string>(sql`CASE WHEN answer = 'maybe' THEN 1 END`).as('maybe'),
      sql<RsvpAnswer | null>`max(CASE WHEN user_id = ${userId} THEN answer END)`.as('mine'),
    ])
    .where('meeting_id', 'in', [...meetingIds])
    .groupBy('meeting_id')
    .execute();
  for (const id of meetingIds) out.set(id, { yes: 0, no: 0, maybe: 0, mine: null });
  for (const r of rows)
    out.set(r.meeting_id, { yes: Number(r.yes), no: Number(r.no), maybe: Number(r.maybe), mine: r.mine });
  return out;
}

/** `GET /meetings/:id/rsvp`: the answers to a meeting the caller may read (404 otherwise). */
export async function getRsvps(db: Database, actor: Actor, meetingId: string): Promise<MeetingRsvps> {
  const can = await readableMeeting(db, actor, meetingId);
  const rows = await db
    .selectFrom('meeting_rsvps as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['m.user_id', 'm.answer', 'u.display_name', 'o.code'])
    .where('m.meeting_id', '=', meetingId)
    .orderBy('o.code')
    .orderBy('u.display_name')
    .execute();
  const counts: RsvpCounts = { yes: 0, no: 0, maybe: 0 };
  for (const r of rows) counts[r.answer]++;
  const mine = 'userId' in actor ? (rows.find((r) => r.user_id === actor.userId)?.answer ?? null) : null;
  return {
    counts,
    mine,
    people: rows.map((r) => ({
      userId: r.user_id,
      name: r.display_name,
      organisation: r.code,
      answer: r.answer,
    })),
    abilities: { rsvp: canRsvp(actor, can) },
  };
}

/**
 * `PUT /meetings/:id/rsvp`: the caller answers for themself (yes / no / maybe). Only people who
 * may read the meeting (404 otherwise); audited as `meeting.rsvp` (an answer that changes nothing
 * writes nothing).
 */
export async function setRsvp(
  deps: Pick<AppDeps, 'db' | 'outbox'>,
  actor: Actor,
  meetingId: string,
  answer: RsvpAnswer,
): Promise<MeetingRsvps> {
  const can = await readableMeeting(deps.db, actor, meetingId);
  if (!canRsvp(actor, can) || !('userId' in actor))
    throw forbidden('Only a signed-in person answers an invitation.');
  const userId = actor.userId as string;
  await change(deps, async (trx) => {
    const before = await trx
      .selectFrom('meeting_rsvps')
      .select('answer')
      .where('meeting_id', '=', meetingId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (before?.answer === answer) return;
    await trx
      .insertInto('meeting_rsvps')
      .values({ meeting_id: meetingId, user_id: userId, answer, answered_at: new Date() })
      .onConflict((oc) =>
        oc.columns(['meeting_id', 'user_id']).doUpdateSet({ answer, answered_at: new Date() }),
      )
      .execute();
    await recordAudit(trx, actor, {
      action: 'meeting.rsvp',
      recordKind: 'meeting',
      recordId: meetingId,
      changes: { answer: { before: before?.answer ?? null, after: answer } },
    });
  });
  return getRsvps(deps.db, actor, meetingId);
}
