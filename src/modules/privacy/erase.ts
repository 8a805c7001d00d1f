import type { Actor } from '../../access/actor.ts';
import { canErasePersonalData, canViewUserDetails } from '../../access/admin-policy.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { change } from '../../core/change.ts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import type { AppDeps } from '../../route-kit/deps.ts';

/** What an erased account is called from then on (its records keep pointing at it). */
export const ERASED_NAME = 'Erased user';
export const erasedEmail = (userId: string) => `erased-${userId}@erased.invalid`;

/**
 * Erases the personal data of a disabled account (right to erasure, Regulation (EU) 2018/1725,
 * art. 19): name and e-mail are replaced, credentials (password, second factor, recovery codes,
 * API keys, sessions, linked sign-in accounts, reset links), roles and personal settings (saved
 * filters, alert subscriptions, notifications, digest) are deleted. What the person wrote stays
 * with their administration, now shown as written by "Erased user"; the audit trail stays as it
 * is (its hash chain is the proof of what happened: the e-mail in the labels of past events is
 * kept there, readable only by those entitled to those events). One audit event records the
 * erasure, with counts and no personal data.
 */
export async function erasePersonalData(deps: AppDeps, a: Actor, userId: string) {
  const u = await deps.db
    .selectFrom('users')
    .select(['id', 'organisation_id', 'status', 'email'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!u || !canViewUserDetails(a, u)) throw notFound();
  const roles = (
    await deps.db.selectFrom('role_grants').select('role').where('user_id', '=', userId).execute()
  ).map((g) => g.role);
  if (u.email === erasedEmail(userId)) throw conflict('The personal data of this account is already erased.');
  if (u.status !== 'disabled' && canErasePersonalData(a, { ...u, roles, status: 'disabled' })) {
    throw conflict('Disable the account first: only the personal data of a disabled account can be erased.');
  }
  if (!canErasePersonalData(a, { ...u, roles })) {
    throw forbidden('Only a platform administrator can erase the personal data of another account.');
  }
  return change(deps, async (trx) => {
    const count = async (p: Promise<{ numDeletedRows: bigint }>) => Number((await p).numDeletedRows);
    const deleted = {
      sessions: await count(trx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst()),
      apiKeys: await count(trx.deleteFrom('api_keys').where('user_id', '=', userId).executeTakeFirst()),
      recoveryCodes: await count(
        trx.deleteFrom('recovery_codes').where('user_id', '=', userId).executeTakeFirst(),
      ),
      resetLinks: await count(
        trx.deleteFrom('password_resets').where('user_id', '=', userId).executeTakeFirst(),
      ),
      linkedSignIns: await count(
        trx.deleteFrom('user_identities').where('user_id', '=', userId).executeTakeFirst(),
      ),
      roles: await count(trx.deleteFrom('role_grants').where('user_id', '=', userId).executeTakeFirst()),
      savedFilters: await count(
        trx.deleteFrom('registry_saved_filters').where('user_id', '=', userId).executeTakeFirst(),
      ),
      alertSubscriptions: await count(
        trx.deleteFrom('registry_subscriptions').where('user_id', '=', userId).executeTakeFirst(),
      ),
      notifications: await count(
        trx.deleteFrom('notifications').where('user_id', '=', userId).executeTakeFirst(),
      ),
      calendarLinks: await count(
        trx.deleteFrom('calendar_feeds').where('user_id', '=', userId).executeTakeFirst(),
      ),
      meetingAnswers: await count(
        trx.deleteFrom('meeting_rsvps').where('user_id', '=', userId).executeTakeFirst(),
      ),
    };
    await trx
      .updateTable('users')
      .set({
        email: erasedEmail(userId),
        display_name: ERASED_NAME,
        password_hash: null,
        totp_secret: null,
        totp_enabled: false,
        totp_last_step: null,
        locale: 'en',
        digest_frequency: 'off',
        digest_sent_at: null,
        failed_logins: 0,
        locked_until: null,
        updated_at: new Date(),
      })
      .where('id', '=', userId)
      .execute();
    await recordAudit(trx, a, {
      action: 'user.personal_data_erased',
      recordKind: 'user',
      recordId: userId,
      organisationId: u.organisation_id,
      changes: { deleted, replaced: ['email', 'display_name'] },
    });
    return { id: userId, displayName: ERASED_NAME, deleted };
  });
}
