import type { Actor } from '../../../access/actor.ts';
import { isReadOnlyOrg } from '../../../access/actor.ts';
import { checkEditors, editorsOf, replaceEditors } from '../../../access/co-editors.ts';
import { joinRequestPolicy } from '../../../access/join-request-policy.ts';
import { recordAbilities } from '../../../access/registry-policy.ts';
import { recordAudit } from '../../../audit/audit-log.ts';
import { change } from '../../../core/change.ts';
import type { Database, Trx } from '../../../db/connection.ts';
import { conflict, forbidden, notFound } from '../../../http/errors.ts';
import { participantRole } from '../../../registry/kinds/innovation/common-initiative.codes.ts';
import type { ChangeDeps, UserActor } from '../../../registry/operations/types.ts';
import { loadRegistryEnvelope, writeRecordData } from '../../../registry/record-service.ts';
import { commonKind } from '../innovation-kinds.ts';

export const JOIN_ROLES = participantRole.codes.map((c) => c.code) as [string, ...string[]];

type Env = NonNullable<Awaited<ReturnType<typeof loadRegistryEnvelope>>>;

/** The common initiative, readable by the caller (404 otherwise). */
async function readableInitiative(db: Database | Trx, a: Actor, id: string) {
  const env = await loadRegistryEnvelope(db, commonKind, id);
  if (!env) throw notFound();
  const can = recordAbilities(a, env, commonKind);
  if (!can.read) throw notFound();
  return { env, can };
}

/** Why the caller may not ask to join (null: they may). */
function whyNotRequest(a: Actor, env: Env): string | null {
  if (!('userId' in a) || !a.userId || !a.orgId || isReadOnlyOrg(a))
    return 'Only people of an administration that takes part in the work may ask to join.';
  if (env.status !== 'published') return 'Only a published common initiative takes new participants.';
  if (env.owner_org_id === a.orgId)
    return 'Your administration leads this initiative: name co-editors on the record instead.';
  if (env.editor_ids.includes(a.userId))
    return 'You already take part in this initiative (you are one of its co-editors).';
  return null;
}

/**
 * The requests to join a common initiative the caller may read (joinRequestPolicy: their own and,
 * for the lead administration's people, all of them), newest first, each with whether the caller
 * may decide it; and whether the caller may ask to join.
 */
export async function listJoinRequests(db: Database, a: Actor, recordId: string) {
  const { env, can } = await readableInitiative(db, a, recordId);
  const rows = await db
    .selectFrom('common_initiative_join_requests as j')
    .innerJoin('users as u', 'u.id', 'j.requested_by')
    .innerJoin('organisations as o', 'o.id', 'j.organisation_id')
    .select([
      'j.id',
      'j.role',
      'j.message',
      'j.status',
      'j.created_at',
      'j.decided_at',
      'j.decision_note',
      'j.requested_by',
      'u.display_name',
      'o.code as organisation',
    ])
    .where('j.record_id', '=', recordId)
    .where(joinRequestPolicy.readable(a, 'j'))
    .orderBy('j.created_at', 'desc')
    .execute();
  const pending = rows.some((r) => r.status === 'pending' && 'userId' in a && r.requested_by === a.userId);
  const why = pending
    ? 'You have asked to join already; the lead administration decides.'
    : whyNotRequest(a, env);
  return {
    items: rows.map(({ requested_by, display_name, ...r }) => ({
      ...r,
      requestedBy: { id: requested_by, name: display_name },
      abilities: { read: true, decide: r.status === 'pending' && can.editors },
    })),
    abilities: { request: why === null, requestRefusal: why },
  };
}

/** Asks to join a common initiative with the role the caller's administration would take (audited). */
export function requestToJoin(
  deps: ChangeDeps,
  a: UserActor,
  recordId: string,
  input: { role: string; message?: string | undefined },
) {
  return change(deps, async (trx) => {
    const { env } = await readableInitiative(trx, a, recordId);
    const why = whyNotRequest(a, env);
    if (why)
      throw env.owner_org_id === a.orgId || isReadOnlyOrg(a) || env.status !== 'published'
        ? forbidden(why)
        : conflict(why);
    const open = await trx
      .selectFrom('common_initiative_join_requests')
      .select('id')
      .where('record_id', '=', recordId)
      .where('requested_by', '=', a.userId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (open) throw conflict('You have asked to join already; the lead administration decides.');
    const org = await trx
      .selectFrom('organisations')
      .select('code')
      .where('id', '=', a.orgId)
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto('common_initiative_join_requests')
      .values({
        record_id: recordId,
        requested_by: a.userId,
        organisation_id: a.orgId,
        role: input.role,
        message: input.message?.trim() ?? '',
      })
      .returning(['id', 'status'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, a, {
      action: 'common_initiative.join_requested',
      recordKind: 'common_initiative',
      recordId,
      organisationId: env.owner_org_id,
      changes: { request: row.id, organisation: org.code, role: input.role },
    });
    return row;
  });
}

/**
 * The lead decides a request (the record's `editors` ability: its author, NCP or deputy). Approved:
 * the person becomes a co-editor of the record and their administration a participant with the
 * role asked for (a new version of the record); declined: with the reason given. Audited.
 */
export function decideJoinRequest(
  deps: ChangeDeps,
  a: UserActor,
  requestId: string,
  input: { decision: 'approve' | 'decline'; note?: string | undefined },
) {
  return change(deps, async (trx) => {
    const req = await trx
      .selectFrom('common_initiative_join_requests as j')
      .innerJoin('organisations as o', 'o.id', 'j.organisation_id')
      .select(['j.id', 'j.record_id', 'j.requested_by', 'j.role', 'j.status', 'o.code as organisation'])
      .where('j.id', '=', requestId)
      .where(joinRequestPolicy.readable(a, 'j'))
      .forUpdate()
      .executeTakeFirst();
    if (!req) throw notFound();
    const { env, can } = await readableInitiative(trx, a, req.record_id);
    if (!can.editors)
      throw forbidden(
        'The lead administration decides who joins: the initiative’s author, or the lead’s NCP or deputy.',
      );
    if (req.status !== 'pending') throw conflict(`This request was ${req.status} already.`);
    const note = input.note?.trim() || null;
    await trx
      .updateTable('common_initiative_join_requests')
      .set({
        status: input.decision === 'approve' ? 'approved' : 'declined',
        decided_by: a.userId,
        decided_at: new Date(),
        decision_note: note,
      })
      .where('id', '=', req.id)
      .execute();
    let version = env.version;
    if (input.decision === 'approve') {
      const current = (await editorsOf(trx, commonKind.name, env.id)).map((p) => p.id);
      const people = await checkEditors(trx, env, [...current, req.requested_by]);
      await replaceEditors(
        trx,
        commonKind.name,
        env.id,
        a.userId,
        people.map((p) => p.id),
      );
      const participants = Array.isArray(env.data.participants)
        ? (env.data.participants as { country: string; role: string }[])
        : [];
      if (!participants.some((p) => p.country === req.organisation))
        version = await writeRecordData(
          trx,
          a,
          commonKind,
          env,
          { ...env.data, participants: [...participants, { country: req.organisation, role: req.role }] },
          `joined: ${req.organisation}`,
        );
    }
    const event = {
      recordKind: 'common_initiative',
      recordId: env.id,
      organisationId: env.owner_org_id,
      changes: {
        request: req.id,
        organisation: req.organisation,
        role: req.role,
        ...(note ? { note } : {}),
        ...(version !== env.version ? { version: { before: env.version, after: version } } : {}),
      },
    };
    if (input.decision === 'approve')
      await recordAudit(trx, a, { action: 'common_initiative.join_approved', ...event });
    else await recordAudit(trx, a, { action: 'common_initiative.join_declined', ...event });
    return { id: req.id, status: input.decision === 'approve' ? 'approved' : 'declined' };
  });
}
