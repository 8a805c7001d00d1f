import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { promoteSession } from '../../auth/sessions.ts';
import { setSessionCookie } from '../../http/cookies.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { accountOwner } from './account-owner.ts';
import { changePassword } from './operations/change-password.ts';
import {
  confirmTotpEnrolment,
  disableTotp,
  replaceRecoveryCodes,
  startTotpEnrolment,
} from './operations/second-factor.ts';

/**
 * How I sign in: my password, TOTP enrolment (also in the 'enrol' sign-in stage), recovery codes.
 * Commission users manage their own account too; API keys cannot (accountOwner).
 */
export async function accountSecurityRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;

  r.post(
    '/account/password',
    {
      schema: {
        tags: ['account'],
        summary: 'Change my password',
        body: z.strictObject({
          currentPassword: z.string().min(1).max(256),
          newPassword: z.string().min(1).max(256),
        }),
      },
    },
    async (req, reply) => {
      await changePassword(deps, accountOwner(req), { ...req.body, keepSessionId: req.session?.id });
      return reply.status(204).send();
    },
  );

  r.post(
    '/account/totp/setup',
    { schema: { tags: ['account'], summary: 'Start TOTP enrolment: a new secret to scan' } },
    async (req) => startTotpEnrolment(db, accountOwner(req, true)),
  );

  r.post(
    '/account/totp/confirm',
    {
      schema: {
        tags: ['account'],
        summary: 'Finish TOTP enrolment with a first code; returns recovery codes once',
        body: z.strictObject({
          code: z
            .string()
            .trim()
            .regex(/^\d{6}$/, 'must be 6 digits'),
        }),
      },
    },
    async (req, reply) => {
      const out = await confirmTotpEnrolment(deps, accountOwner(req, true), req.body.code);
      // Enrolled during sign-in: the session becomes a full one, under a new token.
      if (req.session?.stage === 'enrol') {
        setSessionCookie(reply, config, await promoteSession(db, config, req.session, 'full'));
      }
      return out;
    },
  );

  r.post(
    '/account/totp/disable',
    {
      schema: {
        tags: ['account'],
        summary: 'Turn TOTP off (not allowed where it is mandatory)',
        body: z.strictObject({ password: z.string().min(1).max(256) }),
      },
    },
    async (req, reply) => {
      await disableTotp(deps, accountOwner(req), req.body.password);
      return reply.status(204).send();
    },
  );

  r.post(
    '/account/recovery-codes',
    { schema: { tags: ['account'], summary: 'Replace my recovery codes (shown once)' } },
    async (req) => replaceRecoveryCodes(deps, accountOwner(req)),
  );
}
