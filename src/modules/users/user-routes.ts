import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { createUser } from './operations/create-user.ts';
import { getUser } from './operations/get-user.ts';
import { directoryEntry, listUsers, searchUserDirectory } from './operations/list-users.ts';
import { updateUser } from './operations/update-user.ts';

/** Users: the managers' list, the recipients' directory, one user, create, change. */
export async function userRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Users I manage: platform administrators see all, NCPs and deputies their organisation',
        querystring: z.strictObject({
          organisationId: z.uuid().optional(),
          q: z.string().trim().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (req) => listUsers(db, requireUser(req), req.query),
  );

  r.get(
    '/users/directory',
    {
      schema: {
        tags: ['users'],
        summary: 'Find people to name as recipients (name and organisation only)',
        querystring: z.strictObject({ q: z.string().trim().min(2).max(100) }),
      },
    },
    async (req) => {
      requireUser(req);
      return searchUserDirectory(db, req.query.q);
    },
  );

  r.get(
    '/users/directory/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'One person as the directory shows them (name and organisation only), e.g. a record’s owner',
        params: z.strictObject({ id: z.uuid() }),
      },
    },
    async (req) => {
      requireUser(req);
      return directoryEntry(db, req.params.id);
    },
  );

  r.get(
    '/users/:id',
    { schema: { tags: ['users'], summary: 'One user', params: z.strictObject({ id: z.uuid() }) } },
    async (req) => getUser(db, requireUser(req), req.params.id),
  );

  r.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user (platform administrators; NCPs in their organisation)',
        body: z.strictObject({
          email: z.string().trim().email().max(254),
          displayName: z.string().trim().min(1).max(200),
          organisationId: z.uuid(),
          locale: z.enum(['en', 'fr', 'de']).default('en'),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await createUser(deps, requireUser(req), req.body)),
  );

  r.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change a user: name, language, disable or enable, unlock',
        params: z.strictObject({ id: z.uuid() }),
        body: z.strictObject({
          displayName: z.string().trim().min(1).max(200).optional(),
          locale: z.enum(['en', 'fr', 'de']).optional(),
          status: z.enum(['active', 'disabled']).optional(),
          unlock: z.literal(true).optional(),
        }),
      },
    },
    async (req) => updateUser(deps, requireUser(req), req.params.id, req.body),
  );
}
