import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import type { ModuleManifest } from '../manifest.ts';
import { calendarFor, calendarQuery, MAX_DAYS } from './calendar-operations.ts';

/** The calendar: the dated things of every module the caller may read, in a range of days. */
export async function calendarRoutes(
  app: FastifyInstance,
  deps: AppDeps,
  modules: readonly ModuleManifest[],
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/calendar',
    {
      schema: {
        tags: ['calendar'],
        summary: `Dated things I may read between two days (both included, at most ${MAX_DAYS} days): tender deadlines, field tests, measures coming into force, …`,
        querystring: calendarQuery,
      },
    },
    async (req) => {
      const actor = requireUser(req);
      return calendarFor({ db: deps.db, actor, deps }, modules, req.query);
    },
  );
}
