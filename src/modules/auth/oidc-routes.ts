import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../route-kit/deps.ts';
import {
  finishOidcSignIn,
  type OidcFailure,
  signInProviders,
  startOidcSignIn,
} from './operations/oidc-sign-in.ts';
import { openSession } from './sign-in.ts';

/** Back to the sign-in page, which explains the failure. */
function failed(reply: FastifyReply, code: OidcFailure) {
  return reply.redirect(`/signin?error=${encodeURIComponent(code)}`, 302);
}

/** Signing in through an organisation's identity provider (OIDC code flow with PKCE). */
export async function oidcRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  // One redirect URI for every provider; the provider is found from the (single-use) state.
  const redirectUri = `${config.publicUrl}/api/v1/auth/oidc/callback`;

  r.get(
    '/auth/providers',
    { schema: { tags: ['auth'], summary: 'Identity providers offered on the sign-in page' } },
    async () => signInProviders(db),
  );

  r.get(
    '/auth/oidc/:providerId/start',
    {
      schema: {
        tags: ['auth'],
        summary: 'Start signing in through an identity provider (redirects)',
        params: z.strictObject({ providerId: z.uuid() }),
      },
    },
    async (req, reply) => {
      const out = await startOidcSignIn(db, req.log, { providerId: req.params.providerId, redirectUri });
      return 'failure' in out ? failed(reply, out.failure) : reply.redirect(out.url, 302);
    },
  );

  r.get(
    '/auth/oidc/callback',
    {
      schema: {
        tags: ['auth'],
        summary: 'Return from the identity provider',
        querystring: z.object({
          state: z.string().max(200).optional(),
          code: z.string().max(2000).optional(),
          error: z.string().max(200).optional(),
        }),
      },
    },
    async (req, reply) => {
      const out = await finishOidcSignIn(deps, req.log, {
        ...req.query,
        currentUrl: new URL(req.url, config.publicUrl),
      });
      if ('failure' in out) return failed(reply, out.failure);
      const stage = await openSession(deps, req, reply, out.user, 'oidc');
      return reply.redirect(
        stage === 'mfa' ? '/signin/totp' : stage === 'enrol' ? '/signin/enrol' : '/',
        302,
      );
    },
  );
}
