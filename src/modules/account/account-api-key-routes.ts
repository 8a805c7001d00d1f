import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { API_KEY_MAX_DAYS, API_SCOPES } from '../../auth/api-keys.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { accountOwner } from './account-owner.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './operations/api-keys.ts';

/** My personal API keys (managed in the browser only: a key cannot mint keys). */
export async function accountApiKeyRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/account/api-keys',
    { schema: { tags: ['account'], summary: 'My API keys (never the key itself)' } },
    async (req) => listApiKeys(deps.db, accountOwner(req)),
  );

  r.post(
    '/account/api-keys',
    {
      schema: {
        tags: ['account'],
        summary: 'Create a personal API key (shown once)',
        body: z.strictObject({
          name: z.string().trim().min(1).max(100),
          scopes: z
            .array(z.enum(API_SCOPES as [string, ...string[]]))
            .min(1)
            .max(2),
          expiresInDays: z.number().int().min(1).max(API_KEY_MAX_DAYS),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await createApiKey(deps, accountOwner(req), req.body)),
  );

  r.delete(
    '/account/api-keys/:id',
    {
      schema: {
        tags: ['account'],
        summary: 'Revoke one of my API keys',
        params: z.strictObject({ id: z.uuid() }),
      },
    },
    async (req, reply) => {
      await revokeApiKey(deps, accountOwner(req), req.params.id);
      return reply.status(204).send();
    },
  );
}
