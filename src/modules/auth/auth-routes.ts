import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { type Actor, systemActor } from '../../access/actor.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { hashPassword, passwordProblem, randomToken, sha256 } from '../../auth/crypto.ts';
import {
  checkPasswordLogin,
  clearFailedSignIns,
  countFailedSignIn,
  SignInThrottled,
} from '../../auth/login.ts';
import { forgetAddressFailures } from '../../auth/login-throttle.ts';
import { destroySession, promoteSession, takeSecondFactorAttempt } from '../../auth/sessions.ts';
import { normaliseRecoveryCode, verifyTotpStep } from '../../auth/totp.ts';
import { change } from '../../core/change.ts';
import type { Trx } from '../../core/context.ts';
import { emailIs } from '../../db/email.ts';
import { clearSessionCookie, setSessionCookie } from '../../http/cookies.ts';
import { badRequest, HttpError, unauthorized } from '../../http/errors.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { describeMe } from './me.ts';
import { auditSignedIn, openSession } from './sign-in.ts';

const RESET_TTL_MINUTES = 30;

/** An event of the sign-in flows about one user (its organisation is the user's). */
function auditAboutUser(
  trx: Trx,
  actor: Actor,
  user: { id: string; organisation_id: string },
  action: string,
  changes?: Record<string, unknown>,
) {
  return recordAudit(trx, actor, {
    action,
    recordKind: 'user',
    recordId: user.id,
    organisationId: user.organisation_id,
    ...(changes ? { changes } : {}),
  });
}

export async function authRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  const limited = { rateLimit: { max: config.RATE_LIMIT_LOGIN_PER_MINUTE, timeWindow: 60_000 } };

  r.get(
    '/auth/csrf',
    { schema: { tags: ['auth'], summary: 'CSRF token for browser requests' } },
    async (_req, reply) => {
      return { token: reply.generateCsrf() };
    },
  );

  r.post(
    '/auth/login',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password',
        body: z.strictObject({
          email: z.string().trim().email().max(254),
          password: z.string().min(1).max(256),
        }),
      },
    },
    async (req, reply) => {
      let user: Awaited<ReturnType<typeof checkPasswordLogin>>;
      try {
        user = await checkPasswordLogin(db, config, req.body.email, req.body.password, req.ip);
      } catch (e) {
        if (e instanceof SignInThrottled) reply.header('retry-after', String(e.retryAfterSeconds));
        throw e;
      }
      const stage = await openSession(deps, req, reply, user, 'password');
      return { stage };
    },
  );

  r.post(
    '/auth/totp',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'Second factor: a TOTP code or a recovery code',
        body: z.union([
          z.strictObject({
            code: z
              .string()
              .trim()
              .regex(/^\d{6}$/, 'must be 6 digits'),
          }),
          z.strictObject({ recoveryCode: z.string().trim().min(8).max(40) }),
        ]),
      },
    },
    async (req, reply) => {
      const s = req.session;
      if (s?.stage !== 'mfa') throw unauthorized('Sign in with your password first.');
      // One attempt is taken atomically before the code is checked: never more than
      // MFA_MAX_ATTEMPTS codes are tried on one half-signed-in session, even concurrently.
      const attempt = await takeSecondFactorAttempt(db, config, s.id);
      const endSignIn = async (detail: string) => {
        await destroySession(db, s.id);
        clearSessionCookie(reply, config);
        return unauthorized(detail);
      };
      if (attempt === null) {
        throw await endSignIn(
          'Too many wrong codes: this sign-in has ended. Sign in again with your password.',
        );
      }
      const user = await db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', s.userId)
        .executeTakeFirstOrThrow();
      if (user.locked_until && new Date(user.locked_until).getTime() > Date.now()) {
        throw await endSignIn(
          `Too many failed sign-ins: this account is locked until ${new Date(user.locked_until).toISOString().slice(11, 16)} UTC. Try again then, or reset your password.`,
        );
      }
      let ok = false;
      let method = 'totp';
      if ('code' in req.body) {
        const step = user.totp_secret ? await verifyTotpStep(user.totp_secret, req.body.code) : null;
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
        const h = sha256(normaliseRecoveryCode(req.body.recoveryCode));
        const used = await db
          .updateTable('recovery_codes')
          .set({ used_at: new Date() })
          .where('user_id', '=', user.id)
          .where('code_hash', '=', h)
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
          throw await endSignIn(
            'Too many failed sign-ins: this sign-in has ended and the account is locked for a while. Try again later, or reset your password.',
          );
        }
        if (attempt >= config.MFA_MAX_ATTEMPTS) {
          throw await endSignIn(
            'Too many wrong codes: this sign-in has ended. Sign in again with your password.',
          );
        }
        const left = config.MFA_MAX_ATTEMPTS - attempt;
        throw new HttpError(
          401,
          'Unauthorized',
          `The code is wrong or has expired. Codes change every 30 seconds. ${left} more ${left === 1 ? 'try' : 'tries'} before this sign-in ends.`,
        );
      }
      await clearFailedSignIns(db, user.id);
      const token = await promoteSession(db, config, s, 'full');
      await auditSignedIn(deps, user, `${s.authMethod}+${method}`);
      setSessionCookie(reply, config, token);
      return { stage: 'full' as const };
    },
  );

  r.post('/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out' } }, async (req, reply) => {
    if (req.session) await destroySession(db, req.session.id);
    clearSessionCookie(reply, config);
    return reply.status(204).send();
  });

  r.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: 'Who am I: profile, organisation, roles, networks, abilities' } },
    async (req) => {
      if (req.session && req.session.stage !== 'full' && req.authVia === 'session') {
        const u = await db
          .selectFrom('users')
          .select(['email', 'display_name', 'locale'])
          .where('id', '=', req.session.userId)
          .executeTakeFirstOrThrow();
        return {
          stage: req.session.stage,
          user: { email: u.email, displayName: u.display_name, locale: u.locale },
        };
      }
      return describeMe(db, req.actor);
    },
  );

  r.post(
    '/auth/password-reset/request',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'E-mail a one-time password reset link',
        body: z.strictObject({ email: z.string().trim().email().max(254) }),
      },
    },
    async (req, reply) => {
      const user = await db
        .selectFrom('users')
        .select(['id', 'email', 'status', 'organisation_id'])
        .where(emailIs(req.body.email))
        .executeTakeFirst();
      if (user && user.status === 'active') {
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
      // Same answer whether or not the address exists.
      return reply
        .status(202)
        .send({ message: 'If the address belongs to an account, a reset link is on its way.' });
    },
  );

  r.post(
    '/auth/password-reset/confirm',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with a reset link token (ends all sessions, revokes all API keys)',
        body: z.strictObject({
          token: z.string().trim().min(20).max(100),
          password: z.string().min(1).max(256),
        }),
      },
    },
    async (req, reply) => {
      const tokenHash = sha256(req.body.token);
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
      const problem = passwordProblem(req.body.password, user.email);
      if (problem) throw badRequest(problem, [{ field: 'body.password', message: problem }]);
      const hash = await hashPassword(req.body.password);
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
      return reply.status(204).send();
    },
  );
}
