import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../route-kit/caller.ts';
import type { AppDeps } from '../route-kit/deps.ts';
import { KINDS, kindByName } from './kinds/index.ts';
import { deleteSavedFilter, listSavedFilters, saveFilter } from './operations/saved-filters.ts';

const kindNames = KINDS.map((k) => k.name) as [string, ...string[]];

/** Saved filters of registry lists, per user (./operations/saved-filters.ts). */
export async function savedFilterRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const params = z.strictObject({ kind: z.enum(kindNames) });

  r.get(
    '/registry/saved-filters/:kind',
    { schema: { tags: ['registry'], summary: 'My saved filters of this list', params } },
    async (req) => listSavedFilters(db, requireUser(req), kindByName(req.params.kind)!),
  );

  r.put(
    '/registry/saved-filters/:kind',
    {
      schema: {
        tags: ['registry'],
        summary: 'Save the current query of this list under a name (the same name replaces it)',
        params,
        body: z.strictObject({
          name: z.string().trim().min(1, 'Give the filter a name.').max(100),
          query: z
            .string()
            .max(2000)
            .regex(/^[^#]*$/, 'a query string without a fragment'),
        }),
      },
    },
    async (req) => saveFilter(deps, requireUser(req), kindByName(req.params.kind)!, req.body),
  );

  r.delete(
    '/registry/saved-filters/:kind/:id',
    {
      schema: {
        tags: ['registry'],
        summary: 'Delete one of my saved filters',
        params: params.extend({ id: z.uuid() }),
      },
    },
    async (req, reply) => {
      await deleteSavedFilter(deps, requireUser(req), kindByName(req.params.kind)!, req.params);
      return reply.status(204).send();
    },
  );
}
