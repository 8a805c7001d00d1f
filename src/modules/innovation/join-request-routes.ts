import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import {
  decideJoinRequest,
  JOIN_ROLES,
  listJoinRequests,
  requestToJoin,
} from './operations/join-requests.ts';

const recordParams = z.strictObject({ id: z.uuid('the id of a common initiative') });

/** Requests to join a common initiative, and the lead's decisions (tag `innovation`). */
export async function joinRequestRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/innovation/common/:id/join-requests',
    {
      schema: {
        tags: ['innovation'],
        summary:
          'Requests to join a common initiative: the caller’s own, and all of them for the lead administration’s people; whether the caller may ask to join',
        params: recordParams,
      },
    },
    async (req) => listJoinRequests(deps.db, requireUser(req), req.params.id),
  );
  r.post(
    '/innovation/common/:id/join-requests',
    {
      schema: {
        tags: ['innovation'],
        summary:
          'Ask to join a common initiative of another administration, with the role your administration would take',
        params: recordParams,
        body: z.strictObject({
          role: z.enum(JOIN_ROLES, 'role: one of the codes of the list common_initiative_role'),
          message: z.string().max(2000).optional(),
        }),
      },
    },
    async (req, reply) =>
      reply.code(201).send(await requestToJoin(deps, requireUser(req), req.params.id, req.body)),
  );
  r.post(
    '/innovation/join-requests/:requestId/decision',
    {
      schema: {
        tags: ['innovation'],
        summary:
          'The lead administration approves a request to join (the person becomes a co-editor, their administration a participant) or declines it',
        params: z.strictObject({ requestId: z.uuid('the id of a join request') }),
        body: z.strictObject({
          decision: z.enum(['approve', 'decline']),
          note: z.string().max(2000).optional(),
        }),
      },
    },
    async (req) => decideJoinRequest(deps, requireUser(req), req.params.requestId, req.body),
  );
}
