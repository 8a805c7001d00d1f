import { change } from '../../core/change.ts';
import type { KindDefinition } from '../definition.ts';
import { type CreateInput, createRecord } from '../record-service.ts';
import type { ChangeDeps, UserActor } from './types.ts';

/**
 * Adds a record of the kind: a draft, or published at once where no second person must approve.
 * 403 unless the caller may add records of the kind (`canCreateRecords`); the audit event
 * `<kind>.created` is written in the same transaction.
 */
export function addRecord(
  deps: ChangeDeps,
  a: UserActor,
  kind: KindDefinition,
  input: Omit<CreateInput, 'isDemo'>,
) {
  return change(deps, (trx) =>
    createRecord(trx, a, kind, {
      data: input.data,
      marking: input.marking,
      language: input.language,
      publish: input.publish,
      onBehalfOf: input.onBehalfOf,
    }),
  );
}
