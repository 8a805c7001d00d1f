import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { ORG_ROLES, setUserRole } from './operations/set-user-role.ts';

/** Organisation roles: grant (PUT) and revoke (DELETE), within what the caller may grant. */
export async function userRoleRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = z.strictObject({ id: z.uuid(), role: z.enum(ORG_ROLES) });

  r.put(
    '/users/:id/roles/:role',
    { schema: { tags: ['users'], summary: 'Grant an organisation role', params } },
    async (req, reply) => {
      await setUserRole(deps, requireUser(req), {
        userId: req.params.id,
        role: req.params.role,
        grant: true,
      });
      return reply.status(204).send();
    },
  );

  r.delete(
    '/users/:id/roles/:role',
    { schema: { tags: ['users'], summary: 'Revoke an organisation role', params } },
    async (req, reply) => {
      await setUserRole(deps, requireUser(req), {
        userId: req.params.id,
        role: req.params.role,
        grant: false,
      });
      return reply.status(204).send();
    },
  );
}
