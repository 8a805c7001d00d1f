import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../../server/auth-plugin.ts';
import type { AppDeps } from '../../../server/deps.ts';
import { tenderReleasePackage } from '../../operations/tender-ocds.ts';

/** OCDS release package of the published tenders the caller may export (never TLP:RED). */
export async function tenderOcdsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/registry/tender/ocds',
    {
      schema: {
        tags: ['registry: Tenders'],
        summary: 'Tenders as an OCDS 1.1.5 release package',
        querystring: z.strictObject({ category: z.string().max(60).optional() }),
      },
    },
    async (req, reply) => {
      const pkg = await tenderReleasePackage(deps, requireUser(req), req.query);
      reply.header(
        'Content-Disposition',
        `attachment; filename="tenders-ocds-${new Date().toISOString().slice(0, 10)}.json"`,
      );
      return pkg;
    },
  );
}
