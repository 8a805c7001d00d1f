import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readUpload } from '../../http/uploads.ts';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { batchReport, getBatch, listBatches, uploadBatch } from './operations/batches.ts';
import { batchUploadQuery, idParams, reportQuery } from './screening-schema.ts';

/** Screening batches (tag `screening`): upload a party or declaration file, list, one, report. */
export async function screeningBatchRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/screening/batches',
    {
      schema: {
        tags: ['screening'],
        summary: 'Screen a file of parties (CSV/XLSX) or a declaration file: a background job with progress',
        querystring: batchUploadQuery,
      },
    },
    async (req, reply) => {
      const upload = (what: string) => readUpload(req, what);
      return reply
        .status(202)
        .send(await uploadBatch(deps, requireUser(req), { kind: req.query.kind, upload }));
    },
  );

  r.get(
    '/screening/batches',
    { schema: { tags: ['screening'], summary: "My administration's screening batches" } },
    async (req) => listBatches(deps.db, requireUser(req)),
  );

  r.get(
    '/screening/batches/:id',
    {
      schema: {
        tags: ['screening'],
        summary: 'A batch: progress, summary, problems, per-row results',
        params: idParams,
      },
    },
    async (req) => getBatch(deps.db, requireUser(req), req.params.id),
  );

  r.get(
    '/screening/batches/:id/report',
    {
      schema: {
        tags: ['screening'],
        summary: 'Download the report of a party batch (CSV or XLSX) with hits and explanations',
        params: idParams,
        querystring: reportQuery,
      },
    },
    async (req, reply) => {
      const file = await batchReport(deps.db, requireUser(req), {
        id: req.params.id,
        format: req.query.format,
      });
      reply.header('Content-Disposition', `attachment; filename="${file.filename}"`);
      reply.type(file.contentType);
      return reply.send(file.body);
    },
  );
}
