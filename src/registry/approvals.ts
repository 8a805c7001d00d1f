import { type Kysely, type RawBuilder, sql } from 'kysely';
import { type Actor, anonymousActor, isReadOnlyOrg } from '../access/actor.ts';
import type { ApprovalRound } from '../access/approval-policy.ts';
import { TLP_RULES } from '../access/tlp.ts';
import type { Trx } from '../core/context.ts';
import type { DB, Tlp } from '../db/schema.ts';
import { badRequest } from '../http/errors.ts';
import { approvalSteps, type KindDefinition } from './definition.ts';

/**
 * Storage of approval rounds (src/access/approval-policy.ts decides who may act): each submit
 * opens a round (record_submissions, with the reviewers the submitter names), each decision on
 * a step is a row of record_approvals; the round closes as approved (published), rejected (back
 * to draft) or withdrawn (submitted again, or retracted). A correction of a published record is a
 * round with the proposed data (`proposed_data`, `proposed_note`): approved, it is applied as a new
 * version; rejected or withdrawn, it is discarded and the published version stays.
 */

/**
 * SQL column `approval`: the open round of a submitted record, or the open correction round of a
 * published one (`correction: true`), as JSON; else null.
 */
export function approvalRoundColumn(alias: string, kind: string | RawBuilder<string>) {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  return sql<ApprovalRound | null>`CASE WHEN ${col('status')} IN ('submitted', 'published') THEN (
    SELECT jsonb_build_object(
      'submitted_by', s.submitted_by,
      'correction', s.proposed_data IS NOT NULL,
      'reviewer_ids', to_jsonb(s.reviewer_ids),
      'approvals', coalesce((
        SELECT jsonb_agg(jsonb_build_object('step', d.step, 'approver_id', d.approver_id) ORDER BY d.step)
        FROM record_approvals d WHERE d.submission_id = s.id AND d.decision = 'approve'), '[]'::jsonb))
    FROM record_submissions s
    WHERE s.record_kind = ${kind} AND s.record_id = ${col('id')} AND s.state = 'open'
      AND (${col('status')} = 'submitted' OR s.proposed_data IS NOT NULL)) END`.as('approval');
}

/** The open round of a record (id, round number, decisions so far). */
export async function openRoundOf(trx: Kysely<DB>, kind: string, recordId: string) {
  return trx
    .selectFrom('record_submissions')
    .select(['id', 'round', 'submitted_by', 'reviewer_ids'])
    .where('record_kind', '=', kind)
    .where('record_id', '=', recordId)
    .where('state', '=', 'open')
    .executeTakeFirst();
}

/**
 * Checks the reviewers a submitter names: only for kinds with a named-reviewers step (and then at
 * least one), active writers other than the submitter, and named recipients under TLP:RED (the
 * only readers of a RED record).
 */
export async function checkReviewers(
  trx: Trx,
  a: Actor & { userId: string },
  kind: KindDefinition,
  record: { tlp: Tlp; recipients: readonly string[] },
  reviewerIds: readonly string[],
): Promise<string[]> {
  const ids = [...new Set(reviewerIds)];
  const wanted = approvalSteps(kind).some((s) => s.by === 'named_reviewers');
  const field = 'body.reviewerIds';
  if (!wanted) {
    if (ids.length)
      throw badRequest(`A ${kind.label.en.toLowerCase()} has no step for named reviewers: name nobody.`, [
        { field, message: 'no named-reviewers step' },
      ]);
    return [];
  }
  if (!ids.length)
    throw badRequest('Name at least one reviewer: a step of this approval is done by reviewers you name.', [
      { field, message: 'name at least one reviewer' },
    ]);
  if (ids.includes(a.userId))
    throw badRequest('You cannot review what you submit: name someone else.', [
      { field, message: 'the submitter cannot review' },
    ]);
  const users = await trx
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.display_name', 'o.type'])
    .where('u.id', 'in', ids)
    .where('u.status', '=', 'active')
    .execute();
  const unknown = ids.filter((id) => !users.some((u) => u.id === id));
  if (unknown.length)
    throw badRequest(`Unknown or disabled reviewer: ${unknown.join(', ')}.`, [
      { field, message: `unknown user ${unknown.join(', ')}` },
    ]);
  const readOnly = users.filter((u) => isReadOnlyOrg({ ...anonymousActor, orgType: u.type }));
  if (readOnly.length)
    throw badRequest(`${readOnly.map((u) => u.display_name).join(', ')}: read-only, cannot approve.`, [
      { field, message: 'read-only users cannot approve' },
    ]);
  if (TLP_RULES[record.tlp].namedRecipientsOnly) {
    const outside = users.filter((u) => !record.recipients.includes(u.id));
    if (outside.length)
      throw badRequest(
        `${outside.map((u) => u.display_name).join(', ')}: not a named recipient of this record, so cannot read it. Name them as recipients first.`,
        [{ field, message: 'reviewers of a TLP:RED record must be named recipients' }],
      );
  }
  return ids;
}

/** Opens a new round (an earlier open one is withdrawn). */
export async function openRound(
  trx: Trx,
  kind: string,
  recordId: string,
  submittedBy: string,
  reviewerIds: string[],
  correction?: { data: Record<string, unknown>; note: string | null },
) {
  await closeOpenRound(trx, kind, recordId, 'withdrawn');
  const last = await trx
    .selectFrom('record_submissions')
    .select((eb) => eb.fn.max('round').as('round'))
    .where('record_kind', '=', kind)
    .where('record_id', '=', recordId)
    .executeTakeFirst();
  return trx
    .insertInto('record_submissions')
    .values({
      record_kind: kind,
      record_id: recordId,
      round: Number(last?.round ?? 0) + 1,
      submitted_by: submittedBy,
      submitted_at: new Date(),
      reviewer_ids: reviewerIds,
      ...(correction
        ? { proposed_data: JSON.stringify(correction.data), proposed_note: correction.note }
        : {}),
    })
    .returning(['id', 'round'])
    .executeTakeFirstOrThrow();
}

/** Closes the open round of a record, if any. */
export async function closeOpenRound(
  trx: Trx,
  kind: string,
  recordId: string,
  state: 'approved' | 'rejected' | 'withdrawn',
) {
  await trx
    .updateTable('record_submissions')
    .set({ state, closed_at: new Date() })
    .where('record_kind', '=', kind)
    .where('record_id', '=', recordId)
    .where('state', '=', 'open')
    .execute();
}

/**
 * Records a decision on a step of the open round (a round opened for a record submitted before
 * approval rounds existed is created on the way). Returns the round.
 */
export async function recordDecision(
  trx: Trx,
  kind: string,
  record: { id: string; submitted_by: string | null; author_id: string },
  step: number,
  approverId: string,
  decision: 'approve' | 'reject',
  comment: string | null,
) {
  const round =
    (await openRoundOf(trx, kind, record.id)) ??
    (await openRound(trx, kind, record.id, record.submitted_by ?? record.author_id, []));
  await trx
    .insertInto('record_approvals')
    .values({
      submission_id: round.id,
      step,
      approver_id: approverId,
      decision,
      comment,
      decided_at: new Date(),
    })
    .execute();
  return round;
}

/** The correction a published record's open round proposes (with its proposer), else null. */
export async function openCorrectionOf(db: Kysely<DB>, kind: string, recordId: string) {
  const row = await db
    .selectFrom('record_submissions as s')
    .innerJoin('users as u', 'u.id', 's.submitted_by')
    .select([
      's.id',
      's.proposed_data',
      's.proposed_note',
      's.submitted_by',
      's.submitted_at',
      'u.display_name as proposed_by',
    ])
    .where('s.record_kind', '=', kind)
    .where('s.record_id', '=', recordId)
    .where('s.state', '=', 'open')
    .where('s.proposed_data', 'is not', null)
    .executeTakeFirst();
  return row?.proposed_data ? { ...row, proposed_data: row.proposed_data } : null;
}

/** The approvers of every step of the open round, in step order (for the audit trail). */
export async function approversOf(trx: Trx, submissionId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('record_approvals')
    .select('approver_id')
    .where('submission_id', '=', submissionId)
    .where('decision', '=', 'approve')
    .orderBy('step')
    .execute();
  return rows.map((r) => r.approver_id);
}

/** Every round of a record with its decisions (names and organisations), newest round first. */
export async function approvalHistory(db: Kysely<DB>, kind: string, recordId: string) {
  const rounds = await db
    .selectFrom('record_submissions as s')
    .innerJoin('users as u', 'u.id', 's.submitted_by')
    .select([
      's.id',
      's.round',
      's.state',
      's.submitted_at',
      's.closed_at',
      's.reviewer_ids',
      'u.display_name as submitted_by',
      sql<boolean>`s.proposed_data IS NOT NULL`.as('correction'),
    ])
    .where('s.record_kind', '=', kind)
    .where('s.record_id', '=', recordId)
    .orderBy('s.round', 'desc')
    .execute();
  const ids = rounds.map((r) => r.id);
  const decisions = ids.length
    ? await db
        .selectFrom('record_approvals as d')
        .innerJoin('users as u', 'u.id', 'd.approver_id')
        .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
        .select([
          'd.submission_id',
          'd.step',
          'd.decision',
          'd.comment',
          'd.decided_at',
          'u.display_name as approver',
          'o.code as organisation',
        ])
        .where('d.submission_id', 'in', ids)
        .orderBy('d.step')
        .execute()
    : [];
  const reviewerIds = [...new Set(rounds.flatMap((r) => r.reviewer_ids))];
  const reviewers = reviewerIds.length
    ? await db
        .selectFrom('users as u')
        .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
        .select(['u.id', 'u.display_name', 'o.code as organisation_code'])
        .where('u.id', 'in', reviewerIds)
        .execute()
    : [];
  return rounds.map(({ id, reviewer_ids, ...r }) => ({
    ...r,
    reviewers: reviewers.filter((u) => reviewer_ids.includes(u.id)),
    decisions: decisions.filter((d) => d.submission_id === id).map(({ submission_id: _, ...d }) => d),
  }));
}
