import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { getNetwork, listNetworks } from './operations/networks.ts';

/** The national expert networks (memberships have their own route file). */
export async function networkRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get(
    '/networks',
    { schema: { tags: ['networks'], summary: 'The national expert networks' } },
    async (req) => listNetworks(db, requireUser(req)),
  );

  r.get(
    '/networks/:id',
    {
      schema: {
        tags: ['networks'],
        summary: 'A network and its active members',
        params: z.strictObject({ id: z.uuid() }),
      },
    },
    async (req) => getNetwork(db, requireUser(req), req.params.id),
  );
}
