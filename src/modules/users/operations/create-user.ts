import type { Actor } from '../../../access/actor.ts';
import { canManageUsersOf } from '../../../access/admin-policy.ts';
import { diffFields, recordAudit } from '../../../audit/audit-log.ts';
import { change } from '../../../core/change.ts';
import { emailIs } from '../../../db/email.ts';
import { conflict, forbidden } from '../../../http/errors.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';

export interface NewUser {
  email: string;
  displayName: string;
  organisationId: string;
  locale: 'en' | 'fr' | 'de';
}

/** Creates a user without a password (platform administrators anywhere; NCPs in their organisation). */
export async function createUser(deps: AppDeps, a: Actor, b: NewUser) {
  if (!canManageUsersOf(a, b.organisationId))
    throw forbidden('You may create users only in the organisation you manage.');
  const exists = await deps.db.selectFrom('users').select('id').where(emailIs(b.email)).executeTakeFirst();
  if (exists) throw conflict('A user with this e-mail address already exists.');
  const u = await change(deps, async (trx) => {
    const u = await trx
      .insertInto('users')
      .values({
        email: b.email,
        display_name: b.displayName,
        organisation_id: b.organisationId,
        locale: b.locale,
      })
      .returning(['id', 'email', 'display_name', 'organisation_id', 'locale', 'status'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, a, {
      action: 'user.created',
      recordKind: 'user',
      recordId: u.id,
      organisationId: u.organisation_id,
      changes: diffFields(null, u, ['email', 'display_name', 'locale']),
    });
    return u;
  });
  return {
    ...u,
    note: 'The user sets a password with "Forgot password" (an e-mailed link) or signs in through the organisation\'s identity provider.',
  };
}
