import type { Actor } from '../../access/actor.ts';
import { holdsStep, stepInWords, whyNotDecide } from '../../access/approval-policy.ts';
import { recordAbilities } from '../../access/registry-policy.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { change } from '../../core/change.ts';
import type { Trx } from '../../core/context.ts';
import type { Database } from '../../db/connection.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { approvalHistory, closeOpenRound, recordDecision } from '../approvals.ts';
import { approvalSteps, type KindDefinition } from '../definition.ts';
import { loadRegistryEnvelope, transitionRecord } from '../record-service.ts';
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
  if (!can[what]) throw forbidden(whyNotDecide(a, env, approvalSteps(kind), env.approval));
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
  await recordDecision(trx, kind.name, env, step, a.userId, 'approve', comment ?? null);
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
      ...(comment ? { comment } : {}),
    },
  });
  return { id, status: env.status };
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
  await recordDecision(trx, kind.name, env, step, a.userId, 'reject', reason);
  await closeOpenRound(trx, kind.name, id, 'rejected');
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
  const done = env.status === 'submitted' ? (env.approval?.approvals.length ?? 0) : 0;
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
        env.status === 'published' || env.status === 'retracted'
          ? ('done' as const)
          : env.status !== 'submitted'
            ? ('pending' as const)
            : i < done
              ? ('approved' as const)
              : i === done
                ? ('waiting' as const)
                : ('pending' as const),
    })),
    abilities: { approve: can.approve, reject: can.reject, submit: can.submit },
    rounds: insider ? await approvalHistory(db, kind.name, id) : [],
  };
}
