import { z } from 'zod';
import type { NetworkCode } from '../reference/networks.ts';
import { type OrgRole, orgRoleSchema } from './roles.ts';
import { distributionSchema, tlpSchema } from './shared-records.ts';

/**
 * The access shapes beyond distribution × TLP: approval steps as data (a kind declares them in
 * `workflow.approval`; src/access/approval-policy.ts decides from them), co-editors of a record,
 * and the marking rules the API sends so that marking editors decide nothing themselves.
 */

/**
 * One approval step: who approves a submitted record before it is published.
 *  - owner_org_writer: another person of the owning organisation;
 *  - network_coordinator: a coordinator of the network (the kind's network unless named);
 *  - named_reviewers: one of the users the submitter named at submit time;
 *  - org_role: a holder of the role in the owning organisation ('owner') or in the organisation
 *    with the given code.
 */
export type ApprovalStep =
  | { by: 'owner_org_writer' }
  | { by: 'network_coordinator'; network?: NetworkCode }
  | { by: 'named_reviewers' }
  | { by: 'org_role'; role: OrgRole; organisation: 'owner' | (string & {}) };

/** A step with its network resolved (the kind's network when the step names none). */
export type ResolvedStep =
  | Exclude<ApprovalStep, { by: 'network_coordinator' }>
  | { by: 'network_coordinator'; network: NetworkCode };

/** What a kind's definition says about approval (`workflow` of a KindDefinition). */
export interface ApprovalWorkflow {
  /** Shorthand for one step: another writer of the owning organisation. */
  fourEyes?: boolean;
  /** The steps, in order (wins over `fourEyes`). */
  approval?: readonly ApprovalStep[];
}

/** The kind's approval steps, networks resolved (none: the draft is published by its owner). */
export function approvalSteps(kind: { workflow: ApprovalWorkflow; network: NetworkCode }): ResolvedStep[] {
  const steps =
    kind.workflow.approval ?? (kind.workflow.fourEyes ? [{ by: 'owner_org_writer' as const }] : []);
  return steps.map((s) =>
    s.by === 'network_coordinator' ? { ...s, network: s.network ?? kind.network } : s,
  );
}

/** A person as the access shapes list them (co-editors, reviewers). */
export const personSchema = z.strictObject({
  id: z.string(),
  display_name: z.string(),
  organisation_code: z.string(),
});
export type Person = z.infer<typeof personSchema>;

/** GET/PUT …/editors: the co-editors of a record and whether the caller may change them. */
export const editorsViewSchema = z.strictObject({
  items: z.array(personSchema),
  abilities: z.strictObject({ editors: z.boolean() }),
});
export type EditorsView = z.infer<typeof editorsViewSchema>;

export const STEP_STATES = ['done', 'approved', 'waiting', 'pending'] as const;
export const ROUND_STATES = ['open', 'approved', 'rejected', 'withdrawn'] as const;

/** GET /registry/:kind/:id/approval: the steps, the caller's abilities and the rounds of decisions. */
export const approvalViewSchema = z.strictObject({
  status: z.string(),
  steps: z.array(
    z.strictObject({
      by: z.enum(['owner_org_writer', 'network_coordinator', 'named_reviewers', 'org_role']),
      network: z.string().optional(),
      role: orgRoleSchema.optional(),
      organisation: z.string().optional(),
      words: z.string(),
      state: z.enum(STEP_STATES),
    }),
  ),
  /** A proposed correction of the published record waits for the steps. */
  correction: z.boolean(),
  abilities: z.strictObject({
    approve: z.boolean(),
    reject: z.boolean(),
    submit: z.boolean(),
    /** The proposer withdraws the correction awaiting approval. */
    withdrawCorrection: z.boolean(),
  }),
  rounds: z.array(
    z.strictObject({
      round: z.number(),
      state: z.enum(ROUND_STATES),
      /** The round is a correction of the published record (not a submission of a draft). */
      correction: z.boolean(),
      submitted_at: z.string(),
      closed_at: z.string().nullable(),
      submitted_by: z.string(),
      reviewers: z.array(personSchema),
      decisions: z.array(
        z.strictObject({
          step: z.number(),
          decision: z.enum(['approve', 'reject']),
          comment: z.string().nullable(),
          decided_at: z.string(),
          approver: z.string(),
          organisation: z.string(),
        }),
      ),
    }),
  ),
});
export type ApprovalView = z.infer<typeof approvalViewSchema>;

/** GET /markings: the markings and distributions with the machine rules the platform enforces. */
export const markingRulesSchema = z.strictObject({
  markings: z.array(
    z.strictObject({
      tlp: tlpSchema,
      label: z.string(),
      rule: z.string(),
      exportable: z.boolean(),
      quoteInNotifications: z.boolean(),
      quoteInEmail: z.boolean(),
      namedRecipientsOnly: z.boolean(),
      publicAllowed: z.boolean(),
    }),
  ),
  distributions: z.array(
    z.strictObject({
      distribution: distributionSchema,
      rule: z.string(),
      needs: z.enum(['network', 'sharing_group', 'organisations']).nullable(),
    }),
  ),
});
export type MarkingRules = z.infer<typeof markingRulesSchema>;
export type MarkingRule = MarkingRules['markings'][number];
