import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { createSharingGroup, listSharingGroups } from './operations/sharing-groups.ts';

/** Named sharing groups of organisations (a distribution of shared records). */
export async function sharingGroupRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/sharing-groups',
    { schema: { tags: ['organisations'], summary: 'Named sharing groups of organisations' } },
    async (req) => listSharingGroups(deps.db, requireUser(req)),
  );

  r.post(
    '/sharing-groups',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Create a sharing group (platform administrators)',
        body: z.strictObject({
          name: z.string().trim().min(1).max(200),
          description: z.string().trim().max(2000).default(''),
          organisationIds: z.array(z.uuid()).min(2).max(64),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await createSharingGroup(deps, requireUser(req), req.body)),
  );
}
