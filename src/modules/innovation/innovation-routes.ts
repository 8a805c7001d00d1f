import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { innovationOverview } from './operations/overview.ts';
import { similarInitiatives } from './operations/similar.ts';

/** The innovation area: its overview and "who else works on this" (tag `innovation`). */
export async function innovationRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/innovation/overview',
    {
      schema: {
        tags: ['innovation'],
        summary:
          'The innovation area: initiatives per domain × technology readiness level, per administration, and the common initiatives with their next milestone (published records the caller may read)',
      },
    },
    async (req) => innovationOverview(deps.db, requireUser(req)),
  );
  r.get(
    '/innovation/initiatives/:id/similar',
    {
      schema: {
        tags: ['innovation'],
        summary:
          'Who else works on this: the most similar published initiatives of other administrations, across languages, each with its reasons (shared domain, readiness band, technologies, concepts, words)',
        params: z.strictObject({ id: z.uuid('the id of an innovation initiative') }),
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(20).default(5) }),
      },
    },
    async (req) => similarInitiatives(deps.db, requireUser(req), req.params.id, req.query.limit),
  );
}
