import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { isPlatformAdmin } from '../../access/actor.ts';
import { forbidden } from '../../http/errors.ts';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';

/** The scheduled tasks and their last run, for platform administrators. */
export async function schedulerRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/scheduled-tasks',
    {
      schema: {
        tags: ['admin'],
        summary: 'The scheduled tasks of every module with their last run and when they are next due',
      },
    },
    async (req) => {
      const a = requireUser(req);
      if (!isPlatformAdmin(a)) throw forbidden('Only platform administrators see the scheduled tasks.');
      return { items: await deps.scheduler.status() };
    },
  );
}
