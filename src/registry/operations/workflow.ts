import { change } from '../../core/change.ts';
import type { KindDefinition } from '../definition.ts';
import { transitionRecord } from '../record-service.ts';
import type { ChangeDeps, UserActor } from './types.ts';

export type WorkflowAction = 'submit' | 'publish' | 'retract';

export interface TransitionInput {
  id: string;
  note?: string | undefined;
  /** Submit, kinds with a named-reviewers approval step: the users who review this submission. */
  reviewerIds?: readonly string[] | undefined;
}

/** Moves a record through its workflow (the abilities say who may: 404 unreadable, 403 not allowed). */
export function moveRecord(
  deps: ChangeDeps,
  a: UserActor,
  kind: KindDefinition,
  action: WorkflowAction,
  input: TransitionInput,
) {
  return change(deps, (trx) =>
    transitionRecord(trx, a, kind, input.id, action, input.note, input.reviewerIds),
  );
}

/** Submits a draft of a kind with approval steps (naming reviewers where a step asks for them). */
export const submitRecord = (deps: ChangeDeps, a: UserActor, kind: KindDefinition, input: TransitionInput) =>
  moveRecord(deps, a, kind, 'submit', input);

/** Publishes a draft (or, with approval steps, approves the last step of a record another person submitted). */
export const publishRecord = (deps: ChangeDeps, a: UserActor, kind: KindDefinition, input: TransitionInput) =>
  moveRecord(deps, a, kind, 'publish', input);

/** Retracts a record, saying why (`note` is required). */
export const retractRecord = (deps: ChangeDeps, a: UserActor, kind: KindDefinition, input: TransitionInput) =>
  moveRecord(deps, a, kind, 'retract', input);
