import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { readIatiMultipart } from './iati-multipart.ts';
import { iatiExport } from './operations/iati-export.ts';
import { startIatiImport } from './operations/iati-import.ts';
import { overlaps, timeline, worldMap } from './operations/views.ts';

const selection = z.strictObject({
  theme: z.string().trim().max(40).optional(),
  seedStatus: z.enum(['existing', 'planned', 'potential']).optional(),
  owner: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{2,32}$/, 'the code of an administration, e.g. DE')
    .optional(),
  sector: z
    .string()
    .regex(/^\d{5}$/, 'an OECD-DAC purpose code of 5 digits')
    .optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'a country code such as RS')
    .optional(),
});

/** Cooperation with third countries: map, timeline, overlaps, IATI export and import (tag `third-countries`). */
export async function thirdCountriesRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['third-countries'];
  r.get(
    '/third-countries/map',
    {
      schema: {
        tags,
        summary: 'Projects per recipient country: their number and budgets by currency (the world map)',
        querystring: selection,
      },
    },
    async (req) => worldMap(deps.db, requireUser(req), req.query),
  );
  r.get(
    '/third-countries/timeline',
    { schema: { tags, summary: 'The projects per region on a time axis', querystring: selection } },
    async (req) => timeline(deps.db, requireUser(req), req.query),
  );
  r.get(
    '/third-countries/overlaps',
    {
      schema: {
        tags,
        summary:
          'Overlaps and synergies: projects of different administrations in one country with shared themes and dates, and support needs no project answers — each with its reason',
        querystring: selection,
      },
    },
    async (req) => overlaps(deps.db, requireUser(req), req.query),
  );
  r.post(
    '/third-countries/iati-export',
    {
      config: { scope: 'read' },
      schema: {
        tags,
        summary:
          'The selected projects as an IATI activity file (2.03); refused while a reporting administration has no IATI organisation identifier',
        body: selection.extend({ ids: z.array(z.uuid()).min(1).max(5000).optional() }),
      },
    },
    async (req, reply) => {
      const { xml } = await iatiExport(deps.db, requireUser(req), req.body);
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', 'attachment; filename="eucab-iati-activities.xml"')
        .send(xml);
    },
  );
  r.post(
    '/third-countries/iati-import',
    {
      schema: {
        tags,
        summary:
          'Import an IATI activity file (2.01–2.03, up to 100 MB) as draft projects, filtered by sector, recipient country and text: starts a job (multipart: file, sectors, countries, text, themes)',
      },
    },
    async (req, reply) =>
      reply
        .status(202)
        .send({ jobId: (await startIatiImport(deps, requireUser(req), () => readIatiMultipart(req))).id }),
  );
}
