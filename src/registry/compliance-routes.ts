import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../server/deps.ts';
import { requirementCompliance } from './operations/compliance.ts';

/** The compliance view: models and field-test results of the set's category against its requirements. */
export async function complianceRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/registry/requirement_set/:id/compliance',
    {
      schema: {
        tags: ['registry: Minimum requirements'],
        summary: 'Models and field tests (that I may read) of the category, against the requirement set',
        params: z.strictObject({ id: z.uuid() }),
      },
    },
    async (req) => requirementCompliance(deps.db, req.actor, req.params),
  );
}
