import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../server/deps.ts';
import { KINDS } from './kinds/index.ts';
import { describeRegistry } from './operations/describe.ts';
import { getRecordAbilities } from './operations/get.ts';
import { registryImportRoutes } from './registry-import-routes.ts';
import { registryListRoutes } from './registry-list-routes.ts';
import { registryRecordRoutes } from './registry-record-routes.ts';
import { idParams } from './registry-schemas.ts';
import { registryWorkflowRoutes } from './registry-workflow-routes.ts';

/**
 * REST endpoints for every registry kind, derived from its definition (no per-kind code). Each
 * route is an adapter over an operation in ./operations; the kind's routes are registered kind by
 * kind in this order (the OpenAPI document lists them so).
 */
export async function registryRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/registry',
    { schema: { tags: ['registry'], summary: 'The registry kinds, their fields, filters and views' } },
    async (req) => describeRegistry(req.actor),
  );

  for (const kind of KINDS) {
    registryListRoutes(app, deps, kind);
    registryRecordRoutes(app, deps, kind);
    registryWorkflowRoutes(app, deps, kind);
    registryImportRoutes(app, deps, kind);
    r.get(
      `/registry/${kind.name}/:id/abilities`,
      {
        schema: {
          tags: [`registry: ${kind.labelPlural}`],
          summary: 'What I may do with this record',
          params: idParams,
        },
      },
      async (req) => getRecordAbilities(deps.db, req.actor, kind, req.params),
    );
  }
}
