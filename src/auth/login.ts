import { sql } from 'kysely';
import { systemActor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Config } from '../config/config.ts';
import type { Database, Trx } from '../db/connection.ts';
import { emailIs } from '../db/email.ts';
import type { User } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';
import { hashPassword, randomToken, verifyPassword } from './crypto.ts';
import {
  accountKey,
  clientKey,
  releaseSignInAttempt,
  takeSignInAttempt,
  throttleRules,
} from './login-throttle.ts';
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

/** A 429 answer to a sign-in inside its delay; the route sends `Retry-After`. */
export class SignInThrottled extends HttpError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      'Too many requests',
      `Too many failed sign-ins for this address or from this network. Wait ${retryAfterSeconds} ${retryAfterSeconds === 1 ? 'second' : 'seconds'}, then try again (or reset your password).`,
    );
  }
}

/** The one answer to a wrong address, a wrong password, and a disabled account with a wrong password. */
export const WRONG_SIGN_IN = 'The e-mail address or password is wrong, or the account is temporarily locked.';

let dummyHash: Promise<string> | undefined;
/** A hash to check a password against when there is no account (the same work, the same time). */
function hashForNobody(): Promise<string> {
  dummyHash ??= hashPassword(randomToken(16));
  return dummyHash;
}

/**
 * Checks e-mail and password. Every outcome for an account is audited (never the password).
 *
 * The answer never says whether the address has an account: unknown address, wrong password and
 * a disabled account with a wrong password all give the same 401 after the same password check,
 * and repeated failures slow down attempts the same way for all (`login-throttle.ts`: per address
 * and per client; 429 with Retry-After while waiting). No number of wrong passwords locks an
 * account: after the wait, the right password signs in. Only someone who gives the right password
 * learns more: that the account is disabled, or locked for a while by wrong second-factor codes
 * (`countFailedSignIn`, 423).
 */
export async function checkPasswordLogin(
  db: Database,
  config: Config,
  email: string,
  password: string,
  ip: string,
): Promise<User> {
  const rules = throttleRules(config);
  const attempt = await takeSignInAttempt(db, [
    { key: accountKey(email), rule: rules.account },
    { key: clientKey(ip), rule: rules.client },
  ]);
  if (!attempt.ok) throw new SignInThrottled(Math.max(1, Math.ceil(attempt.retryAfterMs / 1000)));
  const user = await db.selectFrom('users').selectAll().where(emailIs(email)).executeTakeFirst();
  const passwordOk = await verifyPassword(user?.password_hash ?? (await hashForNobody()), password);
  if (!user || !passwordOk) {
    if (user) {
      const row = await db
        .selectFrom('login_throttle')
        .select(['failures', 'next_allowed_at'])
        .where('key', '=', accountKey(email))
        .executeTakeFirst();
      const wait = row ? new Date(row.next_allowed_at).getTime() - Date.now() : 0;
      await auditFailed(db, user, {
        failures: row?.failures ?? 1,
        waitSeconds: Math.max(0, Math.ceil(wait / 1000)),
      });
    }
    throw new HttpError(401, 'Unauthorized', WRONG_SIGN_IN);
  }
  await releaseSignInAttempt(db, attempt.taken);
  if (user.status !== 'active') {
    await auditFailed(db, user, { reason: 'disabled' });
    throw new HttpError(401, 'Unauthorized', 'This account is disabled. Ask your national contact point.');
  }
  // Wrong second-factor codes (made by someone who had the password) lock the account for a while.
  if (user.locked_until && new Date(user.locked_until).getTime() > Date.now()) {
    throw new HttpError(
      423,
      'Locked',
      `Too many wrong second-factor codes: this account is locked until ${new Date(user.locked_until).toISOString().slice(11, 16)} UTC. Try again then, or reset your password.`,
    );
  }
  if (!user.totp_enabled && (user.failed_logins > 0 || user.locked_until))
    await clearFailedSignIns(db, user.id);
  return user;
}

async function auditFailed(db: Database, user: User, changes: Record<string, unknown>): Promise<void> {
  await db.transaction().execute((trx) =>
    recordAudit(trx, authActor, {
      action: 'auth.failed',
      recordKind: 'user',
      recordId: user.id,
      organisationId: user.organisation_id,
      changes,
    }),
  );
}

/**
 * Counts one failed sign-in step (a wrong second-factor code) toward the account's lockout, in one
 * atomic UPDATE (concurrent failures are all counted): at LOGIN_MAX_FAILURES the account is locked
 * for LOGIN_LOCK_MINUTES. Only someone who gave the right password gets here, so this lock is not
 * in the hands of an anonymous attacker (wrong passwords slow attempts down instead, see
 * `checkPasswordLogin`). `users.failed_logins` counts these wrong codes only.
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
