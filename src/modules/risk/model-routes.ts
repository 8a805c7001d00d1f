import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { activateModelVersion, getModel, listModels, trainModel } from './operations/models.ts';
import { trainData } from './risk-jobs.ts';
import { accepted, idParams } from './risk-schema.ts';

/** Model versions of the risk area (tag `risk`): train, list, one, activate (rollback). */
export async function riskModelRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/risk/models/train',
    {
      schema: {
        tags: ['risk'],
        summary: 'Train a new model version (background job in a worker thread)',
        description:
          'On the chosen histories plus, when includeOutcomes, the fed-back outcomes of every scored batch; with the rules, reference tables and party lists the caller may read in the registry (published). The most recent 20 % of rows are held out to measure AUC and precision / recall at 1, 2, 5, 10 %; the stored model is then trained on all rows. The new version becomes active unless activate is false.',
        body: trainData,
        response: { 202: accepted },
      },
    },
    async (req, reply) => reply.code(202).send(await trainModel(deps, requireUser(req), req.body)),
  );

  r.get(
    '/risk/models',
    {
      schema: {
        tags: ['risk'],
        summary: 'Model versions of my administration, newest first; the active one is marked',
      },
    },
    async (req) => listModels(deps.db, requireUser(req)),
  );

  r.get(
    '/risk/models/:id',
    {
      schema: {
        tags: ['risk'],
        summary:
          "One model version: metrics, indicator and rule importance (add ?document=true for the engine's model JSON)",
        params: idParams,
        querystring: z.strictObject({ document: z.enum(['true', 'false']).default('false') }),
      },
    },
    async (req) =>
      getModel(deps.db, requireUser(req), { id: req.params.id, document: req.query.document === 'true' }),
  );

  r.post(
    '/risk/models/:id/activate',
    {
      schema: {
        tags: ['risk'],
        summary: 'Make this version the active model (rollback to an older one); audited',
        params: idParams,
      },
    },
    async (req) => activateModelVersion(deps, requireUser(req), req.params.id),
  );
}
