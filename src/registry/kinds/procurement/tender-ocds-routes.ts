import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EXPORTABLE } from '../../../access/tlp.ts';
import { requireUser } from '../../../server/auth-plugin.ts';
import type { AppDeps } from '../../../server/deps.ts';
import { ENVELOPE_COLUMNS, present, readableKindQuery } from '../../record-queries.ts';
import { tender } from './tender.ts';
import { releasePackage, tenderRelease } from './tender-ocds.ts';

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
      const a = requireUser(req);
      const rows = await readableKindQuery(deps.db, a, tender, {
        fields: { category: req.query.category },
        status: 'published',
      })
        .where('r.tlp', 'in', EXPORTABLE)
        .select([
          'r.id',
          'r.version',
          'r.updated_at',
          'r.owner_org_id',
          'r.author_id',
          'r.distribution',
          'r.distribution_network_id',
          'r.sharing_group_id',
          'r.tlp',
          'r.status',
          'r.submitted_by',
          'r.data',
          'o.code as owner_code',
          'o.name as owner_name',
          ...ENVELOPE_COLUMNS,
        ])
        .orderBy('r.updated_at', 'desc')
        .limit(50_000)
        .execute();
      const releases = rows
        .map((row) => present(a, tender, row, []))
        .filter((x) => x.abilities.export)
        .map((x) =>
          tenderRelease({ ...x, data: x.data as Record<string, unknown> }, deps.config.OCDS_OCID_PREFIX),
        );
      reply.header(
        'Content-Disposition',
        `attachment; filename="tenders-ocds-${new Date().toISOString().slice(0, 10)}.json"`,
      );
      return releasePackage(releases, `${deps.config.publicUrl}/api/v1/registry/tender/ocds`);
    },
  );
}
