import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { createProgramme, generateProgramme } from './programme-operations.ts';
import { createProgrammeBody, generateProgrammeBody } from './programme-schema.ts';

/**
 * The generated training cooperation programme (tag `training`). The record itself is read,
 * listed, submitted and approved (four-eyes) through the registry's routes of the kind
 * `training_programme`; these two start it and run the generator.
 */
export async function trainingProgrammeRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/training/programmes',
    {
      schema: {
        tags: ['training'],
        summary:
          'Start a training cooperation programme (an empty draft; coordinator of the training network)',
        body: createProgrammeBody,
      },
    },
    async (req, reply) => reply.code(201).send(await createProgramme(deps, requireUser(req), req.body)),
  );

  r.post(
    '/training/programmes/:id/generate',
    {
      schema: {
        tags: ['training'],
        summary:
          'Generate (or re-run) the programme from a needs campaign, keeping the pins and exclusions given',
        description:
          'A background job in a worker thread (HiGHS, lexicographic: priority-weighted covered need, then the smallest share covered for any administration, then travel). The result is written as the new version of the programme: a draft in place, a published programme as a correction awaiting four-eyes approval.',
        params: z.strictObject({ id: z.uuid() }),
        body: generateProgrammeBody,
        response: { 202: z.strictObject({ jobId: z.string() }) },
      },
    },
    async (req, reply) =>
      reply.code(202).send(await generateProgramme(deps, requireUser(req), req.params.id, req.body)),
  );
}
