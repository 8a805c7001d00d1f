import { sql } from 'kysely';
import { systemActor } from '../../../access/actor.ts';
import { hashPassword, passwordProblem, randomToken, sha256 } from '../../../auth/crypto.ts';
import { forgetAddressFailures } from '../../../auth/login-throttle.ts';
import { change } from '../../../core/change.ts';
import { emailIs } from '../../../db/email.ts';
import { badRequest } from '../../../http/errors.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';
import { auditAboutUser } from './sign-in-audit.ts';

const RESET_TTL_MINUTES = 30;

/**
 * E-mails a one-time reset link to an active account with this address (earlier unused links
 * stop working). Nothing tells the caller whether the address exists.
 */
export async function requestPasswordReset(deps: AppDeps, email: string): Promise<void> {
  const { db, config } = deps;
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'status', 'organisation_id'])
    .where(emailIs(email))
    .executeTakeFirst();
  if (user?.status !== 'active') return;
  const token = randomToken(32);
  await change(deps, async (trx) => {
    await trx
      .updateTable('password_resets')
      .set({ used_at: new Date() })
      .where('user_id', '=', user.id)
      .where('used_at', 'is', null)
      .execute();
    await trx
      .insertInto('password_resets')
      .values({
        token_hash: sha256(token),
        user_id: user.id,
        expires_at: new Date(Date.now() + RESET_TTL_MINUTES * 60_000),
      })
      .execute();
    await auditAboutUser(trx, systemActor('password-reset'), user, 'auth.password_reset_requested');
  });
  await deps.mailer.send({
    to: user.email,
    subject: 'EUCAB Platform: reset your password',
    text: `Someone (hopefully you) asked to reset the password of your EUCAB Platform account.\n\nOpen this link within ${RESET_TTL_MINUTES} minutes to choose a new password (it works once):\n${config.publicUrl}/reset-password?token=${token}\n\nSetting a new password signs you out everywhere and revokes all your API keys: create new keys under My account afterwards.\n\nIf you did not ask for this, ignore this e-mail.`,
  });
}

/**
 * Sets a new password with a reset link's token: spends the link atomically, ends every session
 * of the account and revokes all its API keys, in one transaction.
 */
export async function confirmPasswordReset(
  deps: AppDeps,
  input: { token: string; password: string },
): Promise<void> {
  const { db } = deps;
  const tokenHash = sha256(input.token);
  const invalid = () => badRequest('This reset link is invalid, used or expired. Ask for a new one.');
  // A first look only to check the new password before the link is spent (a weak password
  // leaves the link usable); the link itself is consumed below, atomically.
  const row = await db
    .selectFrom('password_resets')
    .select('user_id')
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
  if (!row) throw invalid();
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'organisation_id'])
    .where('id', '=', row.user_id)
    .executeTakeFirstOrThrow();
  const problem = passwordProblem(input.password, user.email);
  if (problem) throw badRequest(problem, [{ field: 'body.password', message: problem }]);
  const hash = await hashPassword(input.password);
  const done = await change(deps, async (trx) => {
    // Exactly one confirm spends the link: the UPDATE only matches an unused, unexpired link,
    // and concurrent confirms of the same link wait for this row and then match nothing
    // (PostgreSQL re-checks the WHERE after the lock). Everything below commits with it.
    const spent = await trx
      .updateTable('password_resets')
      .set({ used_at: sql<Date>`now()` })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .returning('user_id')
      .executeTakeFirst();
    if (!spent || spent.user_id !== user.id) return false;
    await trx
      .updateTable('users')
      .set({ password_hash: hash, failed_logins: 0, locked_until: null, updated_at: new Date() })
      .where('id', '=', user.id)
      .execute();
    // Whoever knew the old password may have signed in or made API keys with it: a reset
    // ends every session of the account and revokes all its API keys (one event says how
    // many), in the same transaction.
    const ended = await trx.deleteFrom('sessions').where('user_id', '=', user.id).executeTakeFirst();
    const revoked = await trx
      .updateTable('api_keys')
      .set({ revoked_at: sql<Date>`now()` })
      .where('user_id', '=', user.id)
      .where('revoked_at', 'is', null)
      .returning('id')
      .execute();
    const actor = systemActor('password-reset');
    await auditAboutUser(trx, actor, user, 'auth.password_reset', {
      sessionsEnded: Number(ended.numDeletedRows),
    });
    if (revoked.length > 0) {
      await auditAboutUser(trx, actor, user, 'auth.api_keys_revoked', {
        count: revoked.length,
        reason: 'password_reset',
      });
    }
    return true;
  });
  if (!done) throw invalid();
  // The owner proved they read the mailbox: failures counted for the address are forgotten.
  await forgetAddressFailures(db, user.email);
}
