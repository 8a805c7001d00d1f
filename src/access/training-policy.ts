import { type RawBuilder, sql } from 'kysely';
import type { NominationState } from '../db/training-schema.ts';
import { forbidden } from '../http/errors.ts';
import { type Actor, canWrite, isOrgManager, isUser } from './actor.ts';
import { definePolicy } from './policy.ts';
import {
  type RecordAbilities,
  type RegistryEnvelope,
  readableRecords,
  recordAbilities,
} from './registry-policy.ts';
import { kindByName } from './shared-kinds.ts';

/**
 * Nominations to training events (`training_nominations`, src/modules/training). Whoever reads the
 * event sees how many seats each administration holds and how many wait (counts, no names); a
 * nominee's name is read only by the NCP or deputy of the nominating administration, the
 * organiser (the users of the event's owning administration) and the event's trainers (the users
 * their trainer records name). The NCP or deputy nominates and withdraws their administration's
 * nominees; the organiser's managers (who may change the event) record attendance.
 */
export interface NominationRow {
  /** The event's envelope (as the registry loads it). */
  event: RegistryEnvelope;
  organisation_id: string;
  state: NominationState;
  /** The users the event's trainer records name (`person_user`). */
  trainer_user_ids: readonly string[];
}

export interface NominationAbilities {
  read: boolean;
  withdraw: boolean;
  attendance: boolean;
}

const NONE: NominationAbilities = Object.freeze({ read: false, withdraw: false, attendance: false });

function eventKind() {
  const kind = kindByName('training_event');
  if (!kind) throw new Error('The registry kind "training_event" is not defined.');
  return kind;
}

/** What the actor may do with the event itself (the registry's abilities). */
export function eventAbilities(a: Actor, event: RegistryEnvelope): RecordAbilities {
  return recordAbilities(a, event, eventKind());
}

export function nominationAbilities(a: Actor, row: NominationRow): NominationAbilities {
  const event = eventAbilities(a, row.event);
  if (!event.read || !isUser(a)) return NONE;
  const ncp = isOrgManager(a, row.organisation_id);
  const organiser = a.orgId === row.event.owner_org_id;
  const trainer = row.trainer_user_ids.includes(a.userId);
  if (!ncp && !organiser && !trainer) return NONE;
  const live = row.event.status === 'published';
  return {
    read: true,
    withdraw: ncp && canWrite(a) && live && row.state !== 'withdrawn',
    attendance: event.update && live && row.state === 'seated',
  };
}

/**
 * May the actor nominate officers of their administration to the event? The NCP or deputy of a
 * national administration, for a published event they read. Throws 403 with the reason otherwise.
 */
export function authoriseNomination(
  a: Actor,
  event: RegistryEnvelope,
): asserts a is Actor & { orgId: string; userId: string } {
  if (!isUser(a) || !canWrite(a) || a.orgType !== 'national_administration' || !isOrgManager(a, a.orgId))
    throw forbidden(
      'Officers are nominated by the NCP (or deputy) of their administration: ask your NCP to nominate them.',
    );
  if (event.status !== 'published') throw forbidden('Registration opens once the event is published.');
}

/** SQL over `alias` of training_nominations: the same rule as `nominationAbilities(...).read`. */
function readable(a: Actor, alias: string): RawBuilder<boolean> {
  if (!isUser(a)) return sql<boolean>`false`;
  const kind = eventKind();
  const n = (c: string) => sql.ref(`${alias}.${c}`);
  const ncp =
    a.orgRoles.has('ncp') || a.orgRoles.has('ncp_deputy')
      ? sql<boolean>`${n('organisation_id')} = ${a.orgId}::uuid`
      : sql<boolean>`false`;
  return sql<boolean>`EXISTS (SELECT 1 FROM registry_records ev
    WHERE ev.id = ${n('event_id')} AND ev.kind = ${kind.name} AND ${readableRecords(a, kind, 'ev')}
      AND (${ncp} OR ev.owner_org_id = ${a.orgId}::uuid OR EXISTS (
        SELECT 1 FROM registry_records tr
        WHERE tr.kind = 'trainer' AND tr.data->>'person_user' = ${a.userId}
          AND (ev.data->'trainers') @> to_jsonb(tr.id::text))))`;
}

export const trainingNominationPolicy = definePolicy<NominationRow, NominationAbilities>({
  resource: 'training_nomination',
  tables: ['training_nominations', 'training_seat_releases'],
  abilities: nominationAbilities,
  readable,
});
