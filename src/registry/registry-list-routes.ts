import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../route-kit/caller.ts';
import type { AppDeps } from '../route-kit/deps.ts';
import type { KindDefinition } from './definition.ts';
import { exportRecords } from './operations/export.ts';
import { type ListInput, listRecords } from './operations/list.ts';
import { recordStatistics, type StatsInput } from './operations/stats.ts';
import { exportQuery, listQuery, statsQuery } from './registry-schemas.ts';

/** A kind's list (filters, search, sort, facets), its export and its statistics. */
export function registryListRoutes(app: FastifyInstance, deps: AppDeps, kind: KindDefinition) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = `/registry/${kind.name}`;
  const tags = [`registry: ${kind.labelPlural.en}`];

  r.get(
    base,
    {
      schema: {
        tags,
        summary: `List ${kind.labelPlural.en.toLowerCase()} I may read (filters, search, sort, facets)`,
        querystring: listQuery(kind),
      },
    },
    async (req) =>
      listRecords(deps.db, req.actor, kind, req.query as ListInput, {
        exactTotalLimit: deps.config.REGISTRY_EXACT_TOTAL_LIMIT,
      }),
  );

  r.get(
    `${base}/export`,
    {
      schema: {
        tags,
        summary: `Export the ${kind.labelPlural.en.toLowerCase()} I may export (CSV, XLSX, JSON; never TLP:RED)`,
        querystring: exportQuery(kind),
      },
    },
    async (req, reply) => {
      const file = await exportRecords(deps.db, requireUser(req), kind, req.query);
      if (file.contentType) reply.type(file.contentType);
      return reply.header('Content-Disposition', `attachment; filename="${file.fileName}"`).send(file.body);
    },
  );

  r.get(
    `${base}/stats`,
    {
      schema: {
        tags,
        summary:
          'Counts or sums per owning organisation and field value (matrix and map views), over the records I may read',
        querystring: statsQuery(kind),
      },
    },
    async (req) => recordStatistics(deps.db, req.actor, kind, req.query as StatsInput),
  );
}
