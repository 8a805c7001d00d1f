import { type Actor, isUser } from '../../../access/actor.ts';
import { canManageOrganisations } from '../../../access/admin-policy.ts';
import { recordAudit } from '../../../audit/audit-log.ts';
import { change } from '../../../core/change.ts';
import type { Database } from '../../../db/connection.ts';
import { forbidden } from '../../../http/errors.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';

/** The named sharing groups with their organisations, and whether the caller's is one of them. */
export async function listSharingGroups(db: Database, a: Actor) {
  const groups = await db.selectFrom('sharing_groups').selectAll().orderBy('name').execute();
  const members = await db
    .selectFrom('sharing_group_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['m.sharing_group_id', 'o.id', 'o.code', 'o.name'])
    .execute();
  return {
    items: groups.map((g) => ({
      ...g,
      members: members.filter((m) => m.sharing_group_id === g.id).map(({ sharing_group_id: _, ...m }) => m),
      includesMe: isUser(a) && a.sharingGroupIds.has(g.id),
    })),
    abilities: { create: canManageOrganisations(a) },
  };
}

/** Creates a sharing group of two or more organisations (platform administrators). */
export async function createSharingGroup(
  deps: AppDeps,
  a: Actor & { userId: string },
  b: { name: string; description: string; organisationIds: string[] },
) {
  if (!canManageOrganisations(a)) throw forbidden('Only platform administrators create sharing groups.');
  const ids = [...new Set(b.organisationIds)];
  return change(deps, async (trx) => {
    const g = await trx
      .insertInto('sharing_groups')
      .values({ name: b.name, description: b.description, created_by: a.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('sharing_group_members')
      .values(ids.map((id) => ({ sharing_group_id: g.id, organisation_id: id })))
      .execute();
    await recordAudit(trx, a, {
      action: 'sharing_group.created',
      recordKind: 'sharing_group',
      recordId: g.id,
      changes: { name: g.name, organisations: ids },
    });
    return g;
  });
}
