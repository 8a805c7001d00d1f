import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../route-kit/deps.ts';
import { riskAbilitiesOf } from './operations/analyst.ts';

/**
 * The risk analysis area's abilities (tag `risk`). The area's other routes, by resource:
 * dataset-routes.ts, model-routes.ts, batch-routes.ts (all listed in manifest.ts); what they do
 * is in operations/.
 */
export async function riskRoutes(app: FastifyInstance, _deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/risk/abilities',
    {
      schema: {
        tags: ['risk'],
        summary: 'What the caller may do in risk analysis (the web app shows the area from this)',
        response: { 200: z.object({ use: z.boolean(), change: z.boolean() }) },
      },
    },
    async (req) => riskAbilitiesOf(req.actor),
  );
}
