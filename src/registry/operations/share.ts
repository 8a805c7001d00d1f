import type { Marking } from '../../access/marking.ts';
import { change } from '../../core/change.ts';
import type { KindDefinition } from '../definition.ts';
import { shareRecord } from '../record-service.ts';
import type { ChangeDeps, UserActor } from './types.ts';

/** Changes a record's distribution, TLP marking and named recipients (the owning organisation's writers). */
export function changeSharing(
  deps: ChangeDeps,
  a: UserActor,
  kind: KindDefinition,
  input: Marking & { id: string },
) {
  const { id, ...marking } = input;
  return change(deps, (trx) => shareRecord(trx, a, kind, id, marking));
}
