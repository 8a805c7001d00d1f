import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { listMemberships } from './operations/list-memberships.ts';
import { MEMBERSHIP_TRANSITIONS, type MembershipVerb, moveMembership } from './operations/move-membership.ts';
import { NETWORK_ROLES, openMembership } from './operations/open-membership.ts';

/** Network memberships: request, nominate, appoint, then endorse → approve, reject, withdraw. */
export async function membershipRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/memberships',
    {
      schema: {
        tags: ['networks'],
        summary:
          'Membership requests and nominations I can see: my own, those of my organisation (NCP), those of networks I coordinate',
        querystring: z.strictObject({
          status: z.enum(['requested', 'endorsed', 'active', 'rejected', 'withdrawn']).optional(),
          networkId: z.uuid().optional(),
        }),
      },
    },
    async (req) => listMemberships(deps.db, requireUser(req), req.query),
  );

  r.post(
    '/networks/:id/memberships',
    {
      schema: {
        tags: ['networks'],
        summary:
          'Ask to join (yourself), nominate a user of your organisation (NCP), or appoint (platform administrator)',
        params: z.strictObject({ id: z.uuid() }),
        body: z.strictObject({
          userId: z.uuid().optional(),
          role: z.enum(NETWORK_ROLES),
          note: z.string().trim().max(1000).default(''),
        }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await openMembership(deps, requireUser(req), req.params.id, req.body)),
  );

  for (const verb of Object.keys(MEMBERSHIP_TRANSITIONS) as MembershipVerb[]) {
    r.post(
      `/memberships/:id/${verb}`,
      {
        schema: {
          tags: ['networks'],
          summary: `${verb[0]!.toUpperCase()}${verb.slice(1)} a membership`,
          params: z.strictObject({ id: z.uuid() }),
          body: z.strictObject({ note: z.string().trim().max(1000).optional() }).nullish(),
        },
      },
      async (req) =>
        moveMembership(deps, requireUser(req), { id: req.params.id, verb, note: req.body?.note }),
    );
  }
}
