import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adoptionBody, factorToRuleBody, feedbackBody } from '../../contract/risk-sharing.ts';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { startBacktest } from './operations/backtest.ts';
import { factorToRule } from './operations/factor-rule.ts';
import { listResponses, recordAdoption, recordFeedback } from './operations/responses.ts';

const idParams = z.strictObject({ id: z.uuid() });

/**
 * Risk sharing (tag `risk-sharing`): a common risk factor turned into a rule, the backtest of a
 * profile recommendation, the recipients' adoption and control feedback, and the aggregate.
 */
export async function riskSharingRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/risk-sharing/factors/:id/rule',
    {
      schema: {
        tags: ['risk-sharing'],
        summary: 'Turn a common risk factor into a published risk rule of my administration (audited)',
        params: idParams,
        body: factorToRuleBody,
      },
    },
    async (req, reply) =>
      reply.code(201).send(await factorToRule(deps, requireUser(req), req.params.id, req.body)),
  );

  r.post(
    '/risk-sharing/recommendations/:id/backtest',
    {
      schema: {
        tags: ['risk-sharing'],
        summary: 'Backtest a draft profile recommendation on my administration’s history (job with progress)',
        description:
          'Runs the recommended rules and the active model on the labelled rows the active model did not train on; the figures are attached to the draft.',
        params: idParams,
        body: z.strictObject({}).optional(),
      },
    },
    async (req, reply) => reply.code(202).send(await startBacktest(deps, requireUser(req), req.params.id)),
  );

  r.post(
    '/risk-sharing/recommendations/:id/adoption',
    {
      schema: {
        tags: ['risk-sharing'],
        summary: 'Record my administration’s adoption of a published recommendation (audited)',
        params: idParams,
        body: adoptionBody,
      },
    },
    async (req, reply) =>
      reply.code(201).send(await recordAdoption(deps, requireUser(req), req.params.id, req.body)),
  );

  r.post(
    '/risk-sharing/recommendations/:id/feedback',
    {
      schema: {
        tags: ['risk-sharing'],
        summary: 'Report the results of my administration’s controls under a recommendation (audited)',
        params: idParams,
        body: feedbackBody,
      },
    },
    async (req, reply) =>
      reply.code(201).send(await recordFeedback(deps, requireUser(req), req.params.id, req.body)),
  );

  r.get(
    '/risk-sharing/recommendations/:id/responses',
    {
      schema: {
        tags: ['risk-sharing'],
        summary:
          'Responses I may read; for the proposing administration and the coordinators, the aggregate per recipient',
        params: idParams,
      },
    },
    async (req) => listResponses(deps.db, requireUser(req), req.params.id),
  );
}
