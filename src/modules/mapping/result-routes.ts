import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import {
  coverageQuery,
  crosstabQuery,
  exportQuery,
  idParams,
  radarQuery,
  summariesQuery,
} from './mapping-schema.ts';
import { exportResults } from './operations/export.ts';
import { coverage, crossTabulation, radar, responseRate, summaries } from './operations/results.ts';

const tags = ['mapping'];

/**
 * Results of a campaign (tag `mapping`), from validated responses only; what each caller sees is
 * decided by src/access/mapping-policy.ts (full, or aggregates on at least 3 administrations).
 */
export async function mappingResultRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/mapping/campaigns/:id/results';

  r.get(
    `${base}/rate`,
    { schema: { tags, summary: 'Response rate and who is missing', params: idParams } },
    async (req) => responseRate(deps.db, requireUser(req), req.params.id),
  );

  r.get(
    `${base}/summaries`,
    {
      schema: {
        tags,
        summary: 'Per-question summaries (all questions or one), optionally filtered by another answer',
        params: idParams,
        querystring: summariesQuery,
      },
    },
    async (req) => summaries(deps.db, requireUser(req), req.params.id, req.query),
  );

  r.get(
    `${base}/crosstab`,
    {
      schema: {
        tags,
        summary: 'Cross-tabulation of two questions',
        params: idParams,
        querystring: crosstabQuery,
      },
    },
    async (req) => crossTabulation(deps.db, requireUser(req), req.params.id, req.query),
  );

  r.get(
    `${base}/coverage`,
    {
      schema: {
        tags,
        summary: 'Administration × code coverage matrix for a platform code list',
        params: idParams,
        querystring: coverageQuery,
      },
    },
    async (req) => coverage(deps.db, requireUser(req), req.params.id, req.query),
  );

  r.get(
    `${base}/radar`,
    {
      schema: {
        tags,
        summary: 'One administration against the median of the others, per code',
        params: idParams,
        querystring: radarQuery,
      },
    },
    async (req) => radar(deps.db, requireUser(req), req.params.id, req.query),
  );

  r.get(
    `${base}/export`,
    {
      schema: {
        tags,
        summary:
          'One row per validated response (CSV, XLSX with repeat groups on a second sheet, or JSON; codes or labels)',
        params: idParams,
        querystring: exportQuery,
      },
    },
    async (req, reply) => {
      const f = await exportResults(deps.db, requireUser(req), req.params.id, req.query);
      return reply
        .type(f.contentType)
        .header('Content-Disposition', `attachment; filename="${f.filename}"`)
        .send(f.body);
    },
  );
}
