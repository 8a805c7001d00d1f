import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { integrityOverview } from './overview.ts';

/** The integrity area's trends and gaps (tag `integrity`). */
export async function integrityRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/integrity/overview',
    {
      schema: {
        tags: ['integrity'],
        summary:
          'Trends and gaps of the integrity area: initiatives per key factor × administration, my administration’s self-assessment against the others’ median and its change since the last campaign, overdue lessons-learned actions, latest items',
      },
    },
    async (req) => integrityOverview(deps.db, requireUser(req)),
  );
}
