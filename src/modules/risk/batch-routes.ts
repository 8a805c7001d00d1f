import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { getBatch, listBatches, scoreBatch } from './operations/batches.ts';
import { uploadOutcomes } from './operations/outcomes.ts';
import { exportSelection } from './operations/selection-export.ts';
import { readMultipart } from './risk-multipart.ts';
import { accepted, idParams } from './risk-schema.ts';

/** Scored batches of the risk area (tag `risk`): score, list, one, selection download, outcomes. */
export async function riskBatchRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/risk/batches',
    {
      schema: {
        tags: ['risk'],
        summary:
          'Score a batch of new declarations with the active model (multipart: file, name, budgetPercent or budgetK, explorationShare, seed) — background job',
        description:
          'The file uses the same columns as the history, or gives its own `mapping` (JSON; columns with a single role may be named differently); outcome columns are not needed (ignored if present) and columns the model does not know are ignored. The dialect fields (`encoding`, `delimiter`, `decimal`, `dateFormat`) override the detection. The selection: mandatory hits (mandatory rules and registered sources such as sanctions screening) outside the budget, then the highest scores, and an exploration share of the budget for declarations the model is least sure about. Each selected declaration carries its explanation (base + contributions = score).',
        response: { 202: accepted },
      },
    },
    async (req, reply) =>
      reply
        .code(202)
        .send(await scoreBatch(deps, requireUser(req), { upload: (what) => readMultipart(req, what) })),
  );

  r.get(
    '/risk/batches',
    {
      schema: {
        tags: ['risk'],
        summary:
          'Scored batches of my administration, oldest first, with the hit rate of each selection (the history)',
      },
    },
    async (req) => listBatches(deps.db, requireUser(req)),
  );

  r.get(
    '/risk/batches/:id',
    {
      schema: {
        tags: ['risk'],
        summary: 'One scored batch and its selection in rank order, each with its explanation and outcome',
        params: idParams,
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(5000).default(500),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (req) => getBatch(deps.db, requireUser(req), { id: req.params.id, ...req.query }),
  );

  r.get(
    '/risk/batches/:id/selection.:format',
    {
      schema: {
        tags: ['risk'],
        summary:
          'Download the selection with explanations (CSV or XLSX): base + contributions + other = score',
        params: z.strictObject({ id: z.uuid(), format: z.enum(['csv', 'xlsx']) }),
      },
    },
    async (req, reply) => {
      const file = await exportSelection(deps.db, requireUser(req), req.params);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );

  r.post(
    '/risk/batches/:id/outcomes',
    {
      schema: {
        tags: ['risk'],
        summary:
          'Feed back control results for a batch (multipart file: id, fraud yes/no, revenue) — background job',
        description:
          'Columns: id (or declaration_id), fraud (yes/no, 1/0), revenue (optional, ≥ 0). Ids not in the batch are reported (not stored); a bad row fails the whole file and nothing is recorded. Uploading again updates the outcomes of the same ids.',
        params: idParams,
        response: { 202: accepted },
      },
    },
    async (req, reply) => {
      const upload = (what: string) => readMultipart(req, what);
      return reply
        .code(202)
        .send(await uploadOutcomes(deps, requireUser(req), { id: req.params.id, upload }));
    },
  );
}
