import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { idParams, reopenBody, saveBody, validateBody } from './mapping-schema.ts';
import { getResponse, reopenResponse, saveAnswers, validateAnswers } from './operations/responses.ts';

/** Responses of mapping campaigns (tag `mapping`): read, save a draft, validate, reopen. */
export async function mappingResponseRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/mapping/responses/:id',
    {
      schema: { tags: ['mapping'], summary: 'One response with its answers and abilities', params: idParams },
    },
    async (req) => getResponse(deps.db, requireUser(req), req.params.id),
  );

  r.put(
    '/mapping/responses/:id/answers',
    {
      schema: {
        tags: ['mapping'],
        summary: 'Save the draft answers (version = the version you started from)',
        description:
          'A stale version answers 409 naming the questions changed since. Problems other than missing required answers answer 400 with their paths (answers.<code>); missing ones are returned as pending.',
        params: idParams,
        body: saveBody,
      },
    },
    async (req) => saveAnswers(deps, requireUser(req), req.params.id, req.body),
  );

  r.post(
    '/mapping/responses/:id/validate',
    {
      schema: {
        tags: ['mapping'],
        summary: 'Validate the response (validator or NCP / deputy, not its last editor): it then counts',
        params: idParams,
        body: validateBody,
      },
    },
    async (req) => validateAnswers(deps, requireUser(req), req.params.id, req.body),
  );

  r.post(
    '/mapping/responses/:id/reopen',
    {
      schema: {
        tags: ['mapping'],
        summary: 'Reopen a validated response, with a reason (coordinator)',
        params: idParams,
        body: reopenBody,
      },
    },
    async (req) => reopenResponse(deps, requireUser(req), req.params.id, req.body),
  );
}
