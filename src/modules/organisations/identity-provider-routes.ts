import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import {
  createIdentityProvider,
  listIdentityProviders,
  setIdentityProviderEnabled,
} from './operations/identity-providers.ts';

/** OIDC identity providers, each bound to one organisation (platform administrators). */
export async function identityProviderRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/identity-providers',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Identity providers and their organisations (never the client secret)',
      },
    },
    async (req) => listIdentityProviders(deps, requireUser(req)),
  );

  r.post(
    '/identity-providers',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Register an identity provider for one organisation',
        body: z.strictObject({
          organisationId: z.uuid(),
          name: z.string().trim().min(1).max(100),
          issuer: z.url().max(500),
          clientId: z.string().trim().min(1).max(200),
          clientSecret: z.string().min(8).max(500),
        }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createIdentityProvider(deps, requireUser(req), req.body)),
  );

  r.patch(
    '/identity-providers/:id',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Enable or disable an identity provider',
        params: z.strictObject({ id: z.uuid() }),
        body: z.strictObject({ enabled: z.boolean() }),
      },
    },
    async (req) => setIdentityProviderEnabled(deps, requireUser(req), req.params.id, req.body.enabled),
  );
}
