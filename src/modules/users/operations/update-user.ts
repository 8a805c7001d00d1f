import type { Actor } from '../../../access/actor.ts';
import { canManageUsersOf, userPolicy } from '../../../access/admin-policy.ts';
import { diffFields, recordAudit } from '../../../audit/audit-log.ts';
import { userOrgRoles } from '../../../auth/actor-loader.ts';
import { forgetAddressFailures } from '../../../auth/login-throttle.ts';
import { destroyUserSessions } from '../../../auth/sessions.ts';
import { change } from '../../../core/change.ts';
import { badRequest, forbidden, notFound } from '../../../http/errors.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';

export interface UserChange {
  displayName?: string;
  locale?: 'en' | 'fr' | 'de';
  status?: 'active' | 'disabled';
  unlock?: true;
}

/**
 * Changes a user: name, language, disable or enable, unlock (the rank rule applies). Disabling
 * ends the user's sessions; unlocking also forgets the failed passwords counted for the address.
 */
export async function updateUser(deps: AppDeps, a: Actor & { userId: string }, id: string, body: UserChange) {
  const out = await change(deps, async (trx) => {
    const before = await trx
      .selectFrom('users')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    const can = before
      ? userPolicy.abilities(a, { ...before, roles: await userOrgRoles(trx, before.id) })
      : null;
    if (!before || !can?.read) throw notFound();
    if (!canManageUsersOf(a, before.organisation_id))
      throw forbidden('You may change users only in the organisation you manage.');
    if (!can.update)
      throw forbidden(
        'This user holds rights equal to or higher than yours (NCP, NCP deputy or platform administrator): ask the NCP or a platform administrator.',
      );
    if (body.status === 'disabled' && before.id === a.userId)
      throw badRequest('You cannot disable your own account.');
    const next = {
      display_name: body.displayName ?? before.display_name,
      locale: body.locale ?? before.locale,
      status: body.status ?? before.status,
      locked_until: body.unlock ? null : before.locked_until,
      failed_logins: body.unlock ? 0 : before.failed_logins,
    };
    const u = await trx
      .updateTable('users')
      .set({ ...next, updated_at: new Date() })
      .where('id', '=', before.id)
      .returning(['id', 'email', 'display_name', 'locale', 'status', 'organisation_id'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, a, {
      action: 'user.updated',
      recordKind: 'user',
      recordId: u.id,
      organisationId: u.organisation_id,
      changes: diffFields(before, next, ['display_name', 'locale', 'status', 'locked_until']),
    });
    return u;
  });
  if (out.status === 'disabled') await destroyUserSessions(deps.db, out.id);
  // An unlock also forgets the failed passwords counted for the address (no wait left).
  if (body.unlock) await forgetAddressFailures(deps.db, out.email);
  return out;
}
