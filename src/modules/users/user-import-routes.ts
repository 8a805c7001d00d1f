import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readUpload } from '../../http/uploads.ts';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { checkUserImport, startUserImport, userImportTarget } from './operations/check-user-import.ts';
import { cancelUserImport, userImportStatus } from './operations/user-import-jobs.ts';

/** The user CSV import: a dry run, or a checked file committed as a background job. */
export async function userImportRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.post(
    '/users/import',
    {
      schema: {
        tags: ['users'],
        summary:
          'Import users from a CSV file (multipart field "file"): dry run, or commit as a background job',
        description:
          'Columns: email, display_name, locale (en|fr|de, optional), roles (";"-separated: ncp_deputy, risk_analyst, screening_reviewer; optional). A dry run reports every bad cell (line, column, reason) and how many users would be created or updated; a commit with any bad row is refused and writes nothing.',
        querystring: z.strictObject({
          organisationId: z.uuid(),
          dryRun: z.enum(['true', 'false']).default('true'),
        }),
      },
    },
    async (req, reply) => {
      const a = requireUser(req);
      const org = await userImportTarget(db, a, req.query.organisationId);
      const file = await readUpload(req, 'CSV file');
      const report = await checkUserImport(deps, a, org, file.bytes);
      if (req.query.dryRun === 'true') return { dryRun: true, ...report };
      if (report.errors.length) {
        return reply
          .status(422)
          .type('application/problem+json')
          .send({
            type: 'about:blank',
            title: 'Unprocessable file',
            status: 422,
            detail: `${report.errors.length} problem(s) in the file: nothing was imported. Fix them and upload again.`,
            ...report,
          });
      }
      const jobId = await startUserImport(deps, a, org.id, file);
      return reply.status(202).send({ dryRun: false, jobId, ...report });
    },
  );

  r.get(
    '/users/import/:jobId',
    {
      schema: {
        tags: ['users'],
        summary: 'Progress of a user import (the job, as GET /jobs/:id, in the former import shape)',
        params: z.strictObject({ jobId: z.uuid() }),
      },
    },
    async (req) => userImportStatus(db, requireUser(req), req.params.jobId),
  );

  r.post(
    '/users/import/:jobId/cancel',
    {
      schema: {
        tags: ['users'],
        summary: 'Cancel a user import that is queued or still staging (as POST /jobs/:id/cancel)',
        params: z.strictObject({ jobId: z.uuid() }),
      },
    },
    async (req) => cancelUserImport(deps, requireUser(req), req.params.jobId),
  );
}
