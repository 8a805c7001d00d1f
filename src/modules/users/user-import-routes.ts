import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canManageUsersOf, grantableRoles, outrankingRoles } from '../../access/admin-policy.ts';
import { importStatusView } from '../../core/import-job.ts';
import { TableError, tableLimitsFrom } from '../../core/table-reader/limits.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { tableLimitError } from '../../http/table-errors.ts';
import { readUpload } from '../../http/uploads.ts';
import { cancelJob, enqueueJob, getJob } from '../../jobs/job-service.ts';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { parseUserCsv } from './user-import.ts';
import { SENIOR_USER_REASON, userImportJob } from './user-import-job.ts';

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
      const orgId = req.query.organisationId;
      if (!canManageUsersOf(a, orgId))
        throw forbidden('Only the NCP of the organisation (or a platform administrator) imports its users.');
      const org = await db
        .selectFrom('organisations')
        .select(['id', 'type'])
        .where('id', '=', orgId)
        .executeTakeFirst();
      if (!org) throw notFound('No such organisation.');
      const file = await readUpload(req, 'CSV file');
      const content = file.bytes;
      let parsed: Awaited<ReturnType<typeof parseUserCsv>>;
      try {
        // Read off the main thread, within the TABLE_MAX_* limits.
        parsed = await parseUserCsv(content, grantableRoles(a, org), {
          limits: tableLimitsFrom(deps.config),
        });
      } catch (e) {
        if (e instanceof TableError) throw tableLimitError(e);
        throw e;
      }
      // Addresses that already belong to another organisation cannot be imported here.
      const emails = parsed.rows.map((row) => row.email.toLowerCase());
      const existing = new Map<string, string>();
      // Users of this organisation whose rights equal or exceed the importer's (admin-policy).
      const senior = new Set<string>();
      const outranking = outrankingRoles(a, orgId);
      for (let i = 0; i < emails.length; i += 1000) {
        const chunk = emails.slice(i, i + 1000);
        const found = await db
          .selectFrom('users')
          .select((eb) => [eb.fn<string>('lower', ['email']).as('email'), 'organisation_id', 'id'])
          .where((eb) => eb(eb.fn('lower', ['email']), 'in', chunk))
          .execute();
        for (const f of found) existing.set(f.email, f.organisation_id);
        const ids = found.filter((f) => f.organisation_id === orgId && f.id !== a.userId).map((f) => f.id);
        if (ids.length && outranking.length) {
          const held = await db
            .selectFrom('role_grants as g')
            .innerJoin('users as u', 'u.id', 'g.user_id')
            .select((eb) => eb.fn<string>('lower', ['u.email']).as('email'))
            .where('g.user_id', 'in', ids)
            .where('g.role', 'in', outranking)
            .execute();
          for (const h of held) senior.add(h.email);
        }
      }
      const errors = [...parsed.errors];
      let wouldInsert = 0;
      let wouldUpdate = 0;
      for (const row of parsed.rows) {
        const owner = existing.get(row.email.toLowerCase());
        if (owner && owner !== orgId)
          errors.push({
            line: row.line,
            column: 'email',
            reason: 'This address belongs to a user of another organisation.',
          });
        else if (senior.has(row.email.toLowerCase()))
          errors.push({
            line: row.line,
            column: 'email',
            reason: SENIOR_USER_REASON,
          });
        else if (owner) wouldUpdate++;
        else wouldInsert++;
      }
      errors.sort((x, y) => x.line - y.line);
      const report = {
        rows: parsed.rows.length + new Set(parsed.errors.map((e) => e.line)).size,
        valid: parsed.rows.length,
        wouldInsert,
        wouldUpdate,
        errors,
      };
      if (req.query.dryRun === 'true') return { dryRun: true, ...report };
      if (errors.length) {
        return reply
          .status(422)
          .type('application/problem+json')
          .send({
            type: 'about:blank',
            title: 'Unprocessable file',
            status: 422,
            detail: `${errors.length} problem(s) in the file: nothing was imported. Fix them and upload again.`,
            ...report,
          });
      }
      const { id: jobId } = await enqueueJob(deps, a, {
        kind: userImportJob.kind,
        data: { organisationId: orgId },
        file: { name: file.filename, bytes: content, contentType: file.mimetype || 'text/csv' },
      });
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
    async (req) => {
      const a = requireUser(req);
      const job = await getJob(db, a, req.params.jobId);
      if (job.kind !== userImportJob.kind) throw notFound();
      return importStatusView(job);
    },
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
    async (req) => {
      const a = requireUser(req);
      const job = await getJob(db, a, req.params.jobId);
      if (job.kind !== userImportJob.kind) throw notFound();
      await cancelJob(db, a, job.id, deps.jobs);
      return { status: 'cancelled' };
    },
  );
}
