import type { Actor } from '../../access/actor.ts';
import { holdsStep, stepInWords, whyNotDecide } from '../../access/approval-policy.ts';
import { type RecordAbilities, recordAbilities, visibleData } from '../../access/registry-policy.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { change } from '../../core/change.ts';
import type { Trx } from '../../core/context.ts';
import type { Database } from '../../db/connection.ts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import { enqueue } from '../../outbox/outbox-worker.ts';
import {
  approvalHistory,
  approversOf,
  closeOpenRound,
  openCorrectionOf,
  recordDecision,
} from '../approvals.ts';
import { approvalSteps, type KindDefinition } from '../definition.ts';
import { dataDiff } from '../record-data.ts';
import { loadRegistryEnvelope, transitionRecord, writeRecordData } from '../record-service.ts';
import type { ChangeDeps, UserActor } from './types.ts';

/** Loads a submitted record for a decision: 404 when unreadable, 403 (with why) when not the caller's to decide. */
async function forDecision(
  trx: Trx,
  a: UserActor,
  kind: KindDefinition,
  id: string,
  what: 'approve' | 'reject',
) {
  // Two approvers at once: the second decides on the state the first left (one decision per step).
  await trx.selectFrom('registry_records').select('id').where('id', '=', id).forUpdate().execute();
  const env = await loadRegistryEnvelope(trx, kind, id);
  if (!env) throw notFound();
  const can = recordAbilities(a, env, kind);
  if (!can.read) throw notFound();
  if (!can[what]) {
    // A correction's round is worded like a submission's (the proposer submitted it).
    const asRound = env.approval?.correction ? { ...roundOwner(env), status: 'submitted' as const } : env;
    throw forbidden(whyNotDecide(a, asRound, approvalSteps(kind), env.approval));
  }
  return { env, can };
}

/**
 * Approves the step a submitted record waits for. The last step publishes it (as `publish`
 * does); an earlier one moves it on to the next step.
 */
export function approveRecord(
  deps: ChangeDeps,
  a: UserActor,
  kind: KindDefinition,
  input: { id: string; comment?: string | undefined },
) {
  return change(deps, (trx) => approveStep(trx, a, kind, input.id, input.comment));
}

async function approveStep(trx: Trx, a: UserActor, kind: KindDefinition, id: string, comment?: string) {
  const { env, can } = await forDecision(trx, a, kind, id, 'approve');
  if (can.publish) return transitionRecord(trx, a, kind, id, 'publish', comment);
  const steps = approvalSteps(kind);
  const step = env.approval?.approvals.length ?? 0;
  const correction = env.status === 'published';
  if (correction && step >= steps.length - 1) return applyCorrection(trx, a, kind, env, comment);
  await recordDecision(trx, kind.name, roundOwner(env), step, a.userId, 'approve', comment ?? null);
  await trx.updateTable('registry_records').set({ updated_at: new Date() }).where('id', '=', id).execute();
  await recordAudit(trx, a, {
    action: `${kind.name}.approved`,
    recordKind: kind.name,
    recordId: id,
    organisationId: env.owner_org_id,
    changes: {
      step: step + 1,
      steps: steps.length,
      decided_by: stepInWords(steps[step]!),
      next: stepInWords(steps[step + 1]!),
      ...(correction ? { correction: true } : {}),
      ...(comment ? { comment } : {}),
    },
  });
  return { id, status: env.status };
}

type Envelope = NonNullable<Awaited<ReturnType<typeof loadRegistryEnvelope>>>;

/** The record as its open round sees it: a correction's proposer is the round's submitter. */
function roundOwner(env: Envelope) {
  return { ...env, submitted_by: env.approval?.submitted_by ?? env.submitted_by };
}

/**
 * The last step of a proposed correction is approved: its data becomes the record's next version
 * (written by the proposer, "corrected"), the round closes as approved, the audit event names the
 * proposer and every approver, and readers are notified as for any correction.
 */
async function applyCorrection(
  trx: Trx,
  a: UserActor,
  kind: KindDefinition,
  env: Envelope,
  comment: string | undefined,
) {
  const proposal = await openCorrectionOf(trx, kind.name, env.id);
  if (!proposal) throw conflict('No correction of this record awaits approval.');
  const step = env.approval?.approvals.length ?? 0;
  const round = await recordDecision(
    trx,
    kind.name,
    roundOwner(env),
    step,
    a.userId,
    'approve',
    comment ?? null,
  );
  const approvers = await approversOf(trx, round.id);
  await closeOpenRound(trx, kind.name, env.id, 'approved');
  const proposer = { ...a, userId: proposal.submitted_by };
  const version = await writeRecordData(
    trx,
    proposer,
    kind,
    env,
    proposal.proposed_data,
    proposal.proposed_note ?? 'corrected',
  );
  await recordAudit(trx, a, {
    action: `${kind.name}.corrected`,
    recordKind: kind.name,
    recordId: env.id,
    organisationId: env.owner_org_id,
    changes: {
      ...dataDiff(env.data, proposal.proposed_data),
      version: { before: env.version, after: version },
      ...(proposal.proposed_note ? { note: proposal.proposed_note } : {}),
      proposed_by: proposal.submitted_by,
      approved_by: a.userId,
      approvals: approvers,
      ...(comment ? { comment } : {}),
    },
  });
  await enqueue(trx, 'registry.changed', { kind: kind.name, id: env.id, event: 'corrected' });
  return { id: env.id, status: env.status, version };
}

/** Rejects the step a submitted record waits for: back to draft with the reason. */
export function rejectRecord(
  deps: ChangeDeps,
  a: UserActor,
  kind: KindDefinition,
  input: { id: string; reason: string },
) {
  return change(deps, (trx) => rejectStep(trx, a, kind, input.id, input.reason));
}

async function rejectStep(trx: Trx, a: UserActor, kind: KindDefinition, id: string, reason: string) {
  const { env } = await forDecision(trx, a, kind, id, 'reject');
  const steps = approvalSteps(kind);
  const step = env.approval?.approvals.length ?? 0;
  await recordDecision(trx, kind.name, roundOwner(env), step, a.userId, 'reject', reason);
  await closeOpenRound(trx, kind.name, id, 'rejected');
  if (env.status === 'published') {
    // A rejected correction is discarded: the published version stays.
    await trx.updateTable('registry_records').set({ updated_at: new Date() }).where('id', '=', id).execute();
    await recordAudit(trx, a, {
      action: `${kind.name}.correction_rejected`,
      recordKind: kind.name,
      recordId: id,
      organisationId: env.owner_org_id,
      changes: { proposed_by: env.approval?.submitted_by, step: step + 1, steps: steps.length, reason },
    });
    return { id, status: env.status };
  }
  await trx
    .updateTable('registry_records')
    .set({ status: 'draft', status_note: reason, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, a, {
    action: `${kind.name}.rejected`,
    recordKind: kind.name,
    recordId: id,
    organisationId: env.owner_org_id,
    changes: {
      status: { before: env.status, after: 'draft' },
      step: step + 1,
      steps: steps.length,
      reason,
    },
  });
  return { id, status: 'draft' as const };
}

/** The proposer withdraws the correction awaiting approval: it is discarded (audited). */
export function withdrawCorrection(
  deps: ChangeDeps,
  a: UserActor,
  kind: KindDefinition,
  input: { id: string },
) {
  return change(deps, async (trx) => {
    await trx.selectFrom('registry_records').select('id').where('id', '=', input.id).forUpdate().execute();
    const env = await loadRegistryEnvelope(trx, kind, input.id);
    if (!env) throw notFound();
    const can = recordAbilities(a, env, kind);
    if (!can.read) throw notFound();
    if (!(env.status === 'published' && env.approval?.correction))
      throw conflict(`No correction of this ${kind.label.en.toLowerCase()} awaits approval.`);
    if (!can.withdrawCorrection)
      throw forbidden(
        'Only the person who proposed this correction withdraws it; approvers reject it with a reason.',
      );
    await closeOpenRound(trx, kind.name, env.id, 'withdrawn');
    await trx
      .updateTable('registry_records')
      .set({ updated_at: new Date() })
      .where('id', '=', env.id)
      .execute();
    await recordAudit(trx, a, {
      action: `${kind.name}.correction_withdrawn`,
      recordKind: kind.name,
      recordId: env.id,
      organisationId: env.owner_org_id,
      changes: { approvals: env.approval.approvals.length },
    });
    return { id: env.id, status: env.status };
  });
}

/**
 * The correction awaiting approval of a published record, for those who may see it
 * (`abilities.correction`): the proposed data (owner-only fields as the caller may see them),
 * the changes against the published version, the proposer and their note; else null.
 */
export async function pendingCorrection(
  db: Database,
  kind: KindDefinition,
  id: string,
  published: Record<string, unknown>,
  can: RecordAbilities,
) {
  if (!can.correction) return null;
  const p = await openCorrectionOf(db, kind.name, id);
  if (!p) return null;
  const data = visibleData(kind, p.proposed_data, can);
  return {
    data,
    changes: dataDiff(visibleData(kind, published, can), data),
    note: p.proposed_note,
    proposedBy: p.proposed_by,
    proposedAt: p.submitted_at,
  };
}

/**
 * The approval of a record: its kind's steps (which are done, which waits), the caller's
 * abilities, and — for the owning administration, co-editors and the holders of a step — every
 * round with its reviewers and decisions.
 */
export async function approvalView(db: Database, a: Actor, kind: KindDefinition, id: string) {
  const env = await loadRegistryEnvelope(db, kind, id);
  if (!env) throw notFound();
  const can = recordAbilities(a, env, kind);
  if (!can.read) throw notFound();
  const steps = approvalSteps(kind);
  const correcting = env.status === 'published' && env.approval?.correction === true;
  const waiting = env.status === 'submitted' || correcting;
  const done = waiting ? (env.approval?.approvals.length ?? 0) : 0;
  const insider =
    can.restrictedFields ||
    (a.userId !== null && env.editor_ids.includes(a.userId)) ||
    steps.some((s) => holdsStep(a, env, s, env.approval?.reviewer_ids ?? []));
  return {
    status: env.status,
    steps: steps.map((s, i) => ({
      ...s,
      words: stepInWords(s),
      state:
        (env.status === 'published' && !correcting) || env.status === 'retracted'
          ? ('done' as const)
          : !waiting
            ? ('pending' as const)
            : i < done
              ? ('approved' as const)
              : i === done
                ? ('waiting' as const)
                : ('pending' as const),
    })),
    correction: correcting,
    abilities: {
      approve: can.approve,
      reject: can.reject,
      submit: can.submit,
      withdrawCorrection: can.withdrawCorrection,
    },
    rounds: insider ? await approvalHistory(db, kind.name, id) : [],
  };
}
