import { change } from '../../core/change.ts';
import type { KindDefinition } from '../definition.ts';
import { updateRecord } from '../record-service.ts';
import type { ChangeDeps, UserActor } from './types.ts';

export interface UpdateInput {
  id: string;
  data: unknown;
  note?: string | undefined;
  /** A correction awaiting approval, kinds with a named-reviewers step: who reviews it. */
  reviewerIds?: readonly string[] | undefined;
}

/**
 * Replaces a record's data: a draft is edited in place, a published record gets a corrected
 * version (for kinds with approval steps, a proposed correction that waits for them).
 */
export function editRecord(deps: ChangeDeps, a: UserActor, kind: KindDefinition, input: UpdateInput) {
  const { id, ...body } = input;
  return change(deps, (trx) => updateRecord(trx, a, kind, id, body));
}
