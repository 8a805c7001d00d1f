import { systemActor } from '../../../access/actor.ts';
import { sha256 } from '../../../auth/crypto.ts';
import { clearFailedSignIns, countFailedSignIn } from '../../../auth/login.ts';
import {
  type ActiveSession,
  destroySession,
  promoteSession,
  takeSecondFactorAttempt,
} from '../../../auth/sessions.ts';
import { normaliseRecoveryCode, verifyTotpStep } from '../../../auth/totp.ts';
import { change } from '../../../core/change.ts';
import { HttpError } from '../../../http/errors.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';
import { auditAboutUser, auditSignedIn } from './sign-in-audit.ts';

export type SecondFactorAnswer = { code: string } | { recoveryCode: string };

/** Signed in (the full session's new token), or the sign-in ended (its session deleted) and why. */
export type SecondFactorOutcome = { token: string } | { ended: string };

const TOO_MANY_CODES = 'Too many wrong codes: this sign-in has ended. Sign in again with your password.';

/**
 * Checks the second factor of a session in stage 'mfa': a TOTP code (each time step signs in
 * once) or an unused recovery code. One attempt is taken atomically before the code is checked,
 * so never more than MFA_MAX_ATTEMPTS codes are tried on one half-signed-in session, even
 * concurrently. A wrong code counts toward the account's lock; with tries left it throws a 401
 * naming them, otherwise the sign-in ends. A right one promotes the session to 'full'.
 */
export async function checkSecondFactor(
  deps: AppDeps,
  session: ActiveSession,
  answer: SecondFactorAnswer,
): Promise<SecondFactorOutcome> {
  const { db, config } = deps;
  const attempt = await takeSecondFactorAttempt(db, config, session.id);
  const end = async (reason: string) => {
    await destroySession(db, session.id);
    return { ended: reason };
  };
  if (attempt === null) return end(TOO_MANY_CODES);
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', session.userId)
    .executeTakeFirstOrThrow();
  if (user.locked_until && new Date(user.locked_until).getTime() > Date.now()) {
    return end(
      `Too many failed sign-ins: this account is locked until ${new Date(user.locked_until).toISOString().slice(11, 16)} UTC. Try again then, or reset your password.`,
    );
  }
  let ok = false;
  let method = 'totp';
  if ('code' in answer) {
    const step = user.totp_secret ? await verifyTotpStep(user.totp_secret, answer.code) : null;
    if (step !== null) {
      // Each code signs in once: a step at or before the last used one is a replay.
      const fresh = await db
        .updateTable('users')
        .set({ totp_last_step: step })
        .where('id', '=', user.id)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .returning('id')
        .executeTakeFirst();
      ok = !!fresh;
    }
  } else {
    method = 'recovery_code';
    const used = await db
      .updateTable('recovery_codes')
      .set({ used_at: new Date() })
      .where('user_id', '=', user.id)
      .where('code_hash', '=', sha256(normaliseRecoveryCode(answer.recoveryCode)))
      .where('used_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    ok = !!used;
  }
  if (!ok) {
    const counted = await change(deps, async (trx) => {
      const c = await countFailedSignIn(trx, config, user.id);
      await auditAboutUser(trx, systemActor('sign-in'), user, 'auth.second_factor_failed', {
        method,
        attempt,
        failures: c.failures,
      });
      if (c.locked) {
        await auditAboutUser(trx, systemActor('sign-in'), user, 'auth.locked', {
          failures: c.failures,
          step: 'second_factor',
        });
      }
      return c;
    });
    if (counted.locked) {
      return end(
        'Too many failed sign-ins: this sign-in has ended and the account is locked for a while. Try again later, or reset your password.',
      );
    }
    if (attempt >= config.MFA_MAX_ATTEMPTS) return end(TOO_MANY_CODES);
    const left = config.MFA_MAX_ATTEMPTS - attempt;
    throw new HttpError(
      401,
      'Unauthorized',
      `The code is wrong or has expired. Codes change every 30 seconds. ${left} more ${left === 1 ? 'try' : 'tries'} before this sign-in ends.`,
    );
  }
  await clearFailedSignIns(db, user.id);
  const token = await promoteSession(db, config, session, 'full');
  await auditSignedIn(deps, user, `${session.authMethod}+${method}`);
  return { token };
}
