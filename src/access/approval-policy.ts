import type { ResolvedStep } from '../contract/access-shapes.ts';
import { type Actor, canWrite, isUser } from './actor.ts';

/**
 * Approval steps as data: who approves a submitted record before it is published, step by step.
 * A kind declares its steps (`workflow.approval`, typed in src/contract/access-shapes.ts;
 * `fourEyes: true` is one `owner_org_writer` step); a record moves through them in order (draft →
 * submitted → step 1 approved … → published), a rejection at any step returns it to draft with the
 * reason. This file decides, from the steps handed to it, who may approve or reject the current
 * step and who may read a record while it waits (the approvers must see what they approve);
 * src/registry/approvals.ts stores the rounds and decisions.
 *
 * Everywhere: the approver is a writer (not read-only), never the submitter, and approves at most
 * one step of a round (four eyes stay four eyes). Per step:
 *  - owner_org_writer: another person of the owning organisation;
 *  - network_coordinator: a coordinator of the network (the kind's network unless named);
 *  - named_reviewers: one of the users the submitter named at submit time;
 *  - org_role: a holder of the role in the owning organisation ('owner') or in the organisation
 *    with the given code.
 */
export type { ApprovalStep, ResolvedStep } from '../contract/access-shapes.ts';

/** The open round of a submitted record: who submitted, whom they named, who approved which step. */
export interface ApprovalRound {
  submitted_by: string;
  /** A proposed correction of a published record (not a submitted draft). */
  correction?: boolean;
  reviewer_ids: readonly string[];
  approvals: readonly { step: number; approver_id: string }[];
}

export interface ApprovalRecord {
  owner_org_id: string;
  status: string;
  submitted_by: string | null;
}

export interface ApprovalAbilities {
  /** The index of the step waiting for a decision (null unless submitted). */
  step: number | null;
  /** The waiting step is the last one: approving it publishes the record. */
  last: boolean;
  approve: boolean;
  reject: boolean;
}

/** Could this user decide a step of this kind (read access while the record waits)? Ignores who submitted. */
export function holdsStep(
  a: Actor,
  r: ApprovalRecord,
  s: ResolvedStep,
  reviewers: readonly string[],
): boolean {
  if (!isUser(a)) return false;
  switch (s.by) {
    case 'owner_org_writer':
      return a.orgId === r.owner_org_id;
    case 'network_coordinator':
      return a.networkCodes.get(s.network) === 'coordinator';
    case 'named_reviewers':
      return reviewers.includes(a.userId);
    case 'org_role':
      return (
        a.orgRoles.has(s.role) &&
        (s.organisation === 'owner' ? a.orgId === r.owner_org_id : a.orgCode === s.organisation)
      );
    default:
      return false;
  }
}

/** The pure decision: may the actor approve or reject the waiting step of this record? */
export function approvalAbilities(
  a: Actor,
  r: ApprovalRecord,
  steps: readonly ResolvedStep[],
  round: ApprovalRound | null,
): ApprovalAbilities {
  const none = { step: null, last: false, approve: false, reject: false };
  if (r.status !== 'submitted' || steps.length === 0) return none;
  const approvals = round?.approvals ?? [];
  // A definition that lost steps while a record waited: its last step decides.
  const step = Math.min(approvals.length, steps.length - 1);
  const last = step === steps.length - 1;
  const submitter = round?.submitted_by ?? r.submitted_by;
  const may =
    canWrite(a) &&
    a.userId !== submitter &&
    !approvals.some((x) => x.approver_id === a.userId) &&
    holdsStep(a, r, steps[step]!, round?.reviewer_ids ?? []);
  return { step, last, approve: may, reject: may };
}

/** Who decides a step, in words (English; the web app words steps from its catalogs). */
export function stepInWords(s: ResolvedStep): string {
  switch (s.by) {
    case 'owner_org_writer':
      return 'another person of the owning administration';
    case 'network_coordinator':
      return `a coordinator of the ${s.network} network`;
    case 'named_reviewers':
      return 'a reviewer the submitter named';
    case 'org_role':
      return `a holder of the role ${s.role} in ${s.organisation === 'owner' ? 'the owning administration' : s.organisation}`;
    default:
      return 'nobody';
  }
}

/** Why the actor may not decide the waiting step: a sentence a person can act on. */
export function whyNotDecide(
  a: Actor,
  r: ApprovalRecord,
  steps: readonly ResolvedStep[],
  round: ApprovalRound | null,
): string {
  const { step } = approvalAbilities(a, r, steps, round);
  if (step === null) return `It is not waiting for approval (it is ${r.status}).`;
  const who = `Step ${step + 1} of ${steps.length} is decided by ${stepInWords(steps[step]!)}`;
  if (!canWrite(a)) return `${who}; your access is read-only.`;
  if (a.userId === (round?.submitted_by ?? r.submitted_by))
    return `${who}: never by the person who submitted it.`;
  if (round?.approvals.some((x) => x.approver_id === a.userId))
    return `${who}: you approved an earlier step, so another person decides this one.`;
  return `${who}.`;
}
