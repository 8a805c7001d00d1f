import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../route-kit/deps.ts';
import { accountOwner } from './account-owner.ts';
import { updateProfile } from './operations/update-profile.ts';

/** My account's profile: display name and language. */
export async function accountProfileRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.patch(
    '/account/profile',
    {
      schema: {
        tags: ['account'],
        summary: 'Change my display name or language',
        body: z.strictObject({
          displayName: z.string().trim().min(1).max(200).optional(),
          locale: z.enum(['en', 'fr', 'de']).optional(),
        }),
      },
    },
    async (req) => updateProfile(deps, accountOwner(req), req.body),
  );
}
