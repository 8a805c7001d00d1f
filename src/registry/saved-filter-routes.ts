import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../http/errors.ts';
import { requireUser } from '../route-kit/caller.ts';
import type { AppDeps } from '../route-kit/deps.ts';
import { KINDS } from './kinds/index.ts';

const kindNames = KINDS.map((k) => k.name) as [string, ...string[]];

/**
 * Saved filters of registry lists, per user: a name and the list's query string (filters,
 * search, sort). Only their owner sees them; applying one runs the list through the policy as
 * any list does, so a saved filter never widens access.
 */
export async function savedFilterRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const params = z.strictObject({ kind: z.enum(kindNames) });

  r.get(
    '/registry/saved-filters/:kind',
    { schema: { tags: ['registry'], summary: 'My saved filters of this list', params } },
    async (req) => {
      const a = requireUser(req);
      const items = await db
        .selectFrom('registry_saved_filters')
        .select(['id', 'name', 'query', 'created_at'])
        .where('user_id', '=', a.userId)
        .where('kind', '=', req.params.kind)
        .orderBy('name')
        .execute();
      return { items };
    },
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
    async (req) => {
      const a = requireUser(req);
      const query = req.body.query.replace(/^\?/, '');
      return db
        .insertInto('registry_saved_filters')
        .values({
          user_id: a.userId,
          kind: req.params.kind,
          name: req.body.name,
          query,
          created_at: new Date(),
        })
        .onConflict((oc) => oc.columns(['user_id', 'kind', 'name']).doUpdateSet({ query }))
        .returning(['id', 'name', 'query', 'created_at'])
        .executeTakeFirstOrThrow();
    },
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
      const a = requireUser(req);
      const done = await db
        .deleteFrom('registry_saved_filters')
        .where('id', '=', req.params.id)
        .where('user_id', '=', a.userId)
        .where('kind', '=', req.params.kind)
        .returning('id')
        .executeTakeFirst();
      if (!done) throw notFound();
      return reply.status(204).send();
    },
  );
}
