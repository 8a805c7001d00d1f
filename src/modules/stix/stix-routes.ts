import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import {
  exportRiskInformation,
  exportRiskInformationSelection,
  MAX_BUNDLE_RECORDS,
} from './operations/export.ts';

/** The STIX 2.1 media type of bundles. */
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';

/** STIX 2.1 export of risk information (mapping: src/modules/stix/README.md). */
export async function stixRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/stix/risk-information/:id',
    {
      schema: {
        tags: ['stix'],
        summary:
          'One risk information I may export (never TLP:RED) as a STIX 2.1 bundle, with the feedback I may read',
        params: z.strictObject({ id: z.uuid('id: the id of a risk information') }),
      },
    },
    async (req, reply) => {
      const bundle = await exportRiskInformation(deps.db, requireUser(req), req.params.id);
      return reply.type(STIX_MEDIA_TYPE).send(JSON.stringify(bundle));
    },
  );

  r.get(
    '/stix/risk-information',
    {
      schema: {
        tags: ['stix'],
        summary: `Risk information I may read (a selection by ids, else all, at most ${MAX_BUNDLE_RECORDS}; never TLP:RED) as one STIX 2.1 bundle`,
        querystring: z.strictObject({
          ids: z
            .string()
            .optional()
            .transform((s) =>
              s === undefined
                ? undefined
                : s
                    .split(',')
                    .map((x) => x.trim())
                    .filter(Boolean),
            )
            .pipe(
              z
                .array(z.uuid('ids: record ids separated by commas'))
                .max(MAX_BUNDLE_RECORDS, `ids: at most ${MAX_BUNDLE_RECORDS} records`)
                .optional(),
            ),
        }),
      },
    },
    async (req, reply) => {
      const bundle = await exportRiskInformationSelection(deps.db, requireUser(req), req.query.ids);
      return reply
        .type(STIX_MEDIA_TYPE)
        .header('content-disposition', 'attachment; filename="risk-information.stix.json"')
        .send(JSON.stringify(bundle));
    },
  );
}
