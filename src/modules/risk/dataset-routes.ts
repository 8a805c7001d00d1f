import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { getDataset, listDatasets, proposeDatasetMapping, uploadDataset } from './operations/datasets.ts';
import { readMultipart } from './risk-multipart.ts';
import { accepted, idParams } from './risk-schema.ts';

/** Declaration datasets of the risk area (tag `risk`): mapping proposal, upload, list, one. */
export async function riskDatasetRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/risk/mapping-proposal',
    {
      config: { scope: 'read' },
      schema: {
        tags: ['risk'],
        summary: 'Propose a column → role mapping for a declaration file (multipart field "file")',
        description:
          "Reads the header and up to 1,000 rows and returns the engine's proposal with the reason and a confidence for each role (the uncertain columns listed), 5 sample rows and how the file is written (`dialect`: encoding, delimiter, decimal separator, date format, gzip, with notes). Optional fields `encoding`, `delimiter` (comma|semicolon|tab|pipe), `decimal` (point|comma), `dateFormat` (ymd|dmy|mdy) override the detection. Nothing is stored.",
      },
    },
    async (req) =>
      proposeDatasetMapping(deps, requireUser(req), { upload: (what) => readMultipart(req, what) }),
  );

  r.post(
    '/risk/datasets',
    {
      schema: {
        tags: ['risk'],
        summary:
          'Upload a declaration history (multipart: file, name, mapping as JSON) — validated and stored by a background job',
        description:
          'Every column needs a role (`ignore` to skip), one column is the id and one the label (fraud 0/1). CSV with comma, semicolon or tab, JSON lines, optionally gzip-compressed; the dialect fields of the proposal apply. The job reports every bad row as line/column/reason and stores nothing then.',
        response: { 202: accepted },
      },
    },
    async (req, reply) =>
      reply
        .code(202)
        .send(await uploadDataset(deps, requireUser(req), { upload: (what) => readMultipart(req, what) })),
  );

  r.get(
    '/risk/datasets',
    {
      schema: {
        tags: ['risk'],
        summary: 'Declaration datasets of my administration (histories and scored batches)',
      },
    },
    async (req) => listDatasets(deps.db, requireUser(req)),
  );

  r.get(
    '/risk/datasets/:id',
    {
      schema: {
        tags: ['risk'],
        summary: 'One dataset: mapping, counts, validation report',
        params: idParams,
      },
    },
    async (req) => getDataset(deps.db, requireUser(req), req.params.id),
  );
}
