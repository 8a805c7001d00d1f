import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../route-kit/deps.ts';
import { confirmPasswordReset, requestPasswordReset } from './operations/password-reset.ts';
import { signInRateLimit } from './sign-in.ts';

/** Password reset by an e-mailed, single-use link (rate-limited like the sign-in). */
export async function passwordResetRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limited = signInRateLimit(deps.config);

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
      await requestPasswordReset(deps, req.body.email);
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
      await confirmPasswordReset(deps, req.body);
      return reply.status(204).send();
    },
  );
}
