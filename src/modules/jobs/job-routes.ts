import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getJob, listJobs } from '../../jobs/job-service.ts';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { cancelJobAndShow, jobErrorsCsv } from './operations/job-operations.ts';

const jobState = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);
const progress = z.object({ done: z.number(), total: z.number().nullable(), phase: z.string().nullable() });
const jobError = z.object({ line: z.number().optional(), column: z.string().optional(), reason: z.string() });

export const jobViewSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  state: jobState,
  attempt: z.number().describe('1 for the first run; higher when the job was run again after a restart'),
  progress,
  error: z.string().nullable(),
  errorCount: z.number(),
  errors: z.array(jobError).describe('The first 100 errors; all of them are in errors.csv'),
  result: z.unknown(),
  file: z.object({ name: z.string(), size: z.number(), sha256: z.string() }).nullable(),
  createdBy: z.object({ id: z.uuid(), name: z.string().nullable() }),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  heartbeatAt: z.string().nullable(),
  abilities: z.object({ cancel: z.boolean() }),
});

const idParams = z.strictObject({ id: z.uuid() });

/** GET /jobs, GET /jobs/:id, GET /jobs/:id/errors.csv, POST /jobs/:id/cancel. */
export async function jobRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get(
    '/jobs',
    {
      schema: {
        tags: ['jobs'],
        summary: 'My background jobs (imports, trainings, scorings, screenings), newest first',
        description:
          'The jobs the caller started, and the jobs of their organisation whose kind is readable by the whole organisation.',
        querystring: z.strictObject({
          kind: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: {
          200: z.object({
            total: z.number(),
            items: z.array(
              z.object({
                id: z.uuid(),
                kind: z.string(),
                state: jobState,
                progress,
                errorCount: z.number(),
                fileName: z.string().nullable(),
                createdAt: z.string(),
                finishedAt: z.string().nullable(),
                abilities: z.object({ cancel: z.boolean() }),
              }),
            ),
          }),
        },
      },
    },
    async (req) => listJobs(db, requireUser(req), req.query),
  );

  r.get(
    '/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'A job: state, progress, errors (first 100), result and what the caller may do',
        params: idParams,
        response: { 200: jobViewSchema },
      },
    },
    async (req) => getJob(db, requireUser(req), req.params.id),
  );

  r.get(
    '/jobs/:id/errors.csv',
    {
      schema: {
        tags: ['jobs'],
        summary: "All of a job's errors as CSV (line, column, reason)",
        params: idParams,
      },
    },
    async (req, reply) => {
      const { filename, csv } = await jobErrorsCsv(db, requireUser(req), req.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(csv);
    },
  );

  r.post(
    '/jobs/:id/cancel',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Cancel a queued or running job (its starter, or their NCP / deputy)',
        params: idParams,
        response: { 200: jobViewSchema },
      },
    },
    async (req) => cancelJobAndShow(deps, requireUser(req), req.params.id),
  );
}
