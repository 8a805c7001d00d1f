import type { Actor } from '../../access/actor.ts';
import { checkEditors, editorsOf, replaceEditors } from '../../access/co-editors.ts';
import { recordAbilities } from '../../access/registry-policy.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { change } from '../../core/change.ts';
import type { Database } from '../../db/connection.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import type { KindDefinition } from '../definition.ts';
import { loadRegistryEnvelope } from '../record-service.ts';
import type { ChangeDeps, UserActor } from './types.ts';

/** The co-editors of a record (readers see who edits it) and whether the caller may change them. */
export async function recordEditorsView(db: Database, a: Actor, kind: KindDefinition, id: string) {
  const env = await loadRegistryEnvelope(db, kind, id);
  if (!env) throw notFound();
  const can = recordAbilities(a, env, kind);
  if (!can.read) throw notFound();
  return { items: await editorsOf(db, kind.name, id), abilities: { editors: can.editors } };
}

/** Replaces the co-editors of a record (its owner: author, NCP or deputy); audited with both lists. */
export function changeRecordEditors(
  deps: ChangeDeps,
  a: UserActor,
  kind: KindDefinition,
  input: { id: string; userIds: readonly string[] },
) {
  const { id, userIds } = input;
  return change(deps, async (trx) => {
    const env = await loadRegistryEnvelope(trx, kind, id);
    if (!env) throw notFound();
    const can = recordAbilities(a, env, kind);
    if (!can.read) throw notFound();
    if (!can.editors)
      throw forbidden(
        `You may read this ${kind.label.en.toLowerCase()} but not name its co-editors: its author or the owning administration's NCP does${env.status === 'retracted' ? ' (and a retracted record has none)' : ''}.`,
      );
    const people = await checkEditors(trx, env, userIds);
    const { before, after } = await replaceEditors(
      trx,
      kind.name,
      id,
      a.userId,
      people.map((p) => p.id),
    );
    if (before.join() !== after.join())
      await recordAudit(trx, a, {
        action: `${kind.name}.editors_changed`,
        recordKind: kind.name,
        recordId: id,
        organisationId: env.owner_org_id,
        changes: { editors: { before, after } },
      });
    return { items: await editorsOf(trx, kind.name, id), abilities: { editors: can.editors } };
  });
}
