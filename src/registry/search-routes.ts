import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../route-kit/deps.ts';
import { EU_LANGUAGES } from './field-schema.ts';
import { searchEverything } from './operations/search.ts';

/** Full-text search across every registry kind (announcements included), access-filtered like every list. */
export async function searchRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search everything I may read',
        querystring: z.strictObject({
          q: z.string().trim().min(2).max(200),
          language: z.enum(EU_LANGUAGES).default('en'),
          limit: z.coerce.number().int().min(1).max(100).default(30),
        }),
      },
    },
    async (req) => searchEverything(deps.db, req.actor, req.query),
  );
}
