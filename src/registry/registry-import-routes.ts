import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readUpload } from '../http/uploads.ts';
import { requireUser } from '../server/auth-plugin.ts';
import type { AppDeps } from '../server/deps.ts';
import type { KindDefinition } from './definition.ts';
import { importRecords, importTemplate } from './operations/import.ts';
import { cancelImport, importStatus } from './operations/import-jobs.ts';
import { importQuery, jobParams } from './registry-schemas.ts';

/** A kind's import: dry run or commit (a background job), its progress, cancel, and the empty template. */
export function registryImportRoutes(app: FastifyInstance, deps: AppDeps, kind: KindDefinition) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = `/registry/${kind.name}`;
  const tags = [`registry: ${kind.labelPlural}`];

  r.post(
    `${base}/import`,
    {
      schema: {
        tags,
        summary: `Import ${kind.labelPlural.toLowerCase()} from CSV, XLSX or JSON (multipart field "file"): dry run, or commit as a background job`,
        description: `Columns are field names (${Object.keys(kind.fields).join(', ')}); list cells separate values with ";", structured cells hold JSON. Rows with the same ${kind.importKey.join(' + ')} as an existing record of your organisation update it. A dry run reports every bad cell (line, column, reason) and how many records would be inserted or updated; a commit with any error writes nothing.`,
        querystring: importQuery(kind),
      },
    },
    async (req, reply) => {
      const q = req.query;
      const out = await importRecords(deps, requireUser(req), kind, {
        ...q,
        dryRun: q.dryRun === 'true',
        publish: q.publish === 'true',
        file: () => readUpload(req, 'file'),
      });
      if (out.outcome === 'dry-run') return out.body;
      if (out.outcome === 'refused') return reply.status(422).type('application/problem+json').send(out.body);
      return reply.status(202).send(out.body);
    },
  );

  r.get(
    `${base}/import/:jobId`,
    {
      schema: {
        tags,
        summary: 'Progress of an import (the job, as GET /jobs/:id, in the import status shape)',
        params: jobParams,
      },
    },
    async (req) => importStatus(deps.db, requireUser(req), kind, req.params),
  );

  r.post(
    `${base}/import/:jobId/cancel`,
    {
      schema: {
        tags,
        summary: 'Cancel an import that is queued or still staging (as POST /jobs/:id/cancel)',
        params: jobParams,
      },
    },
    async (req) => cancelImport(deps, requireUser(req), kind, req.params),
  );

  r.get(
    `${base}/import-template`,
    { schema: { tags, summary: 'An empty CSV with the columns of this kind' } },
    async (_req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${kind.name}-template.csv"`)
        .send(importTemplate(kind)),
  );
}
