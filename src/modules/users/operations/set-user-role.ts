import type { Actor } from '../../../access/actor.ts';
import { grantableRolesFor, userPolicy } from '../../../access/admin-policy.ts';
import { recordAudit } from '../../../audit/audit-log.ts';
import { userOrgRoles } from '../../../auth/actor-loader.ts';
import { change } from '../../../core/change.ts';
import type { OrgRole } from '../../../db/schema.ts';
import { forbidden, notFound } from '../../../http/errors.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';

/** The organisation roles a grant or revocation may name. */
export const ORG_ROLES = [
  'platform_admin',
  'ncp',
  'ncp_deputy',
  'risk_analyst',
  'screening_reviewer',
] as const;

/**
 * Grants or revokes an organisation role (what the caller may grant: admin-policy). Nobody
 * changes their own roles (`grantableRolesFor`). Granting a role held, or revoking one not held, changes
 * nothing and writes no event.
 */
export async function setUserRole(
  deps: AppDeps,
  a: Actor & { userId: string },
  input: { userId: string; role: OrgRole; grant: boolean },
): Promise<void> {
  const { userId, role, grant } = input;
  await change(deps, async (trx) => {
    const u = await trx
      .selectFrom('users as u')
      .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
      .select(['u.id', 'u.organisation_id', 'o.type'])
      .where('u.id', '=', userId)
      .executeTakeFirst();
    const can = u ? userPolicy.abilities(a, { ...u, roles: await userOrgRoles(trx, u.id) }) : null;
    if (!u || !can?.read) throw notFound();
    if (can.update && u.id === a.userId) {
      throw forbidden('You cannot change your own roles: ask your NCP or a platform administrator.');
    }
    if (!can.update || !grantableRolesFor(a, u).includes(role)) {
      throw forbidden(`You may not ${grant ? 'grant' : 'revoke'} the role ${role} in this organisation.`);
    }
    if (grant) {
      const added = await trx
        .insertInto('role_grants')
        .values({ user_id: u.id, organisation_id: u.organisation_id, role, granted_by: a.userId })
        .onConflict((oc) => oc.columns(['user_id', 'organisation_id', 'role']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!added) return;
    } else {
      const removed = await trx
        .deleteFrom('role_grants')
        .where('user_id', '=', u.id)
        .where('organisation_id', '=', u.organisation_id)
        .where('role', '=', role)
        .returning('id')
        .executeTakeFirst();
      if (!removed) return;
    }
    await recordAudit(trx, a, {
      action: grant ? 'user.role_granted' : 'user.role_revoked',
      recordKind: 'user',
      recordId: u.id,
      organisationId: u.organisation_id,
      changes: { role },
    });
  });
}
