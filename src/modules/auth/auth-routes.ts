import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkPasswordLogin, SignInThrottled } from '../../auth/login.ts';
import { destroySession } from '../../auth/sessions.ts';
import { clearSessionCookie, setSessionCookie } from '../../http/cookies.ts';
import { unauthorized } from '../../http/errors.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { describeHalfSignedIn, describeMe } from './operations/describe-me.ts';
import { checkSecondFactor } from './operations/second-factor.ts';
import { openSession, signInRateLimit } from './sign-in.ts';

/** Sign-in with a password and a second factor, sign-out, who am I (password reset and OIDC apart). */
export async function authRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  const limited = signInRateLimit(config);

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
      const out = await checkSecondFactor(deps, s, req.body);
      if ('ended' in out) {
        clearSessionCookie(reply, config);
        throw unauthorized(out.ended);
      }
      setSessionCookie(reply, config, out.token);
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
    async (req) =>
      req.session && req.session.stage !== 'full' && req.authVia === 'session'
        ? describeHalfSignedIn(db, req.session)
        : describeMe(db, req.actor),
  );
}
