import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { listScheduledTasks } from '../../scheduler/list-scheduled-tasks.ts';

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
    async (req) => listScheduledTasks(deps.scheduler, requireUser(req)),
  );
}
