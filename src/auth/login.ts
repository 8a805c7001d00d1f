import { sql } from 'kysely';
import { systemActor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Config } from '../config/config.ts';
import type { Trx } from '../core/context.ts';
import type { Database } from '../db/connection.ts';
import { emailIs } from '../db/email.ts';
import type { User } from '../db/schema.ts';
import { HttpError } from '../server/errors.ts';
import { verifyPassword } from './crypto.ts';
import type { SessionStage } from './sessions.ts';

const authActor = systemActor('sign-in');

/** Platform administrators and NCPs must use a second factor. */
export async function totpRequired(db: Database, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('role_grants')
    .select('role')
    .where('user_id', '=', userId)
    .where('role', 'in', ['platform_admin', 'ncp'])
    .executeTakeFirst();
  return !!row;
}

export async function stageAfterFirstFactor(
  db: Database,
  user: Pick<User, 'id' | 'totp_enabled'>,
): Promise<SessionStage> {
  if (user.totp_enabled) return 'mfa';
  return (await totpRequired(db, user.id)) ? 'enrol' : 'full';
}

/**
 * Checks e-mail and password with temporary lockout after repeated failures. Every outcome is
 * audited (never the password). The error never says whether the e-mail exists.
 */
export async function checkPasswordLogin(
  db: Database,
  config: Config,
  email: string,
  password: string,
): Promise<User> {
  const user = await db.selectFrom('users').selectAll().where(emailIs(email)).executeTakeFirst();
  const wrong = new HttpError(401, 'Unauthorized', 'The e-mail address or the password is wrong.');
  if (!user) {
    await verifyPassword(null, password);
    throw wrong;
  }
  if (user.locked_until && new Date(user.locked_until).getTime() > Date.now()) {
    throw new HttpError(
      423,
      'Locked',
      `Too many failed sign-ins: this account is locked until ${new Date(user.locked_until).toISOString().slice(11, 16)} UTC. Try again then, or reset your password.`,
    );
  }
  const ok = user.status === 'active' && (await verifyPassword(user.password_hash, password));
  if (!ok) {
    const failures = user.failed_logins + 1;
    const lock = failures >= config.LOGIN_MAX_FAILURES;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({
          failed_logins: lock ? 0 : failures,
          locked_until: lock ? new Date(Date.now() + config.LOGIN_LOCK_MINUTES * 60_000) : user.locked_until,
        })
        .where('id', '=', user.id)
        .execute();
      await recordAudit(trx, authActor, {
        action: lock ? 'auth.locked' : 'auth.failed',
        recordKind: 'user',
        recordId: user.id,
        organisationId: user.organisation_id,
        changes: { failures },
      });
    });
    if (user.status !== 'active')
      throw new HttpError(401, 'Unauthorized', 'This account is disabled. Ask your national contact point.');
    throw wrong;
  }
  // With a second factor to come, the failures are cleared only once it is passed (it counts its
  // wrong codes toward the same lockout); see `countFailedSignIn`.
  if (!user.totp_enabled && (user.failed_logins > 0 || user.locked_until)) {
    await db
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', user.id)
      .execute();
  }
  return user;
}

/**
 * Counts one failed sign-in step (a wrong second-factor code) toward the account's lockout, in one
 * atomic UPDATE (concurrent failures are all counted): at LOGIN_MAX_FAILURES the account is locked
 * for LOGIN_LOCK_MINUTES, as after wrong passwords.
 */
export async function countFailedSignIn(
  trx: Trx,
  config: Config,
  userId: string,
): Promise<{ failures: number; locked: boolean }> {
  const max = config.LOGIN_MAX_FAILURES;
  const until = new Date(Date.now() + config.LOGIN_LOCK_MINUTES * 60_000);
  const row = await trx
    .updateTable('users')
    .set({
      failed_logins: sql<number>`CASE WHEN failed_logins + 1 >= ${max} THEN 0 ELSE failed_logins + 1 END`,
      locked_until: sql<Date>`CASE WHEN failed_logins + 1 >= ${max} THEN ${until}::timestamptz ELSE locked_until END`,
    })
    .where('id', '=', userId)
    .returning('failed_logins')
    .executeTakeFirstOrThrow();
  const locked = row.failed_logins === 0;
  return { failures: locked ? max : row.failed_logins, locked };
}

/** A completed sign-in (every factor passed) clears the failures counted so far. */
export async function clearFailedSignIns(db: Database, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('failed_logins', '>', 0), eb('locked_until', 'is not', null)]))
    .execute();
}
