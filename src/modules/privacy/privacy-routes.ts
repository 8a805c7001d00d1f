import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { erasePersonalData } from './erase.ts';
import { exportPersonalData } from './export-personal-data.ts';

/** The person's rights over their data: access (download) and, by an administrator, erasure. */
export async function privacyRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/account/personal-data',
    {
      schema: {
        tags: ['account'],
        summary: 'Download everything the platform holds about me (JSON; no secrets)',
      },
    },
    async (req, reply) => {
      const data = await exportPersonalData(deps, requireUser(req));
      return reply
        .header('content-disposition', 'attachment; filename="eucab-personal-data.json"')
        .header('cache-control', 'no-store')
        .send(data);
    },
  );

  r.post(
    '/users/:id/erase-personal-data',
    {
      schema: {
        tags: ['users'],
        summary:
          'Erase the personal data of a disabled account (platform administrators); its records and the audit trail stay',
        params: z.strictObject({ id: z.uuid() }),
      },
    },
    async (req) => erasePersonalData(deps, requireUser(req), req.params.id),
  );
}
