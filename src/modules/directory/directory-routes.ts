import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DIRECTORY_ROLES, directoryEntryBody } from '../../contract/directory.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { exportDirectory } from './operations/export-directory.ts';
import { listDirectory } from './operations/list-directory.ts';
import { getMyEntry, updateMyEntry } from './operations/my-entry.ts';

const filters = z.strictObject({
  organisation: z.string().trim().max(32).optional(),
  network: z.string().trim().max(64).optional(),
  role: z.enum(DIRECTORY_ROLES).optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(['name', '-name', 'organisation', '-organisation']).default('name'),
});

/** The directory (who is who) for signed-in members, its export, and my own entry. */
export async function directoryRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get(
    '/directory',
    {
      schema: {
        tags: ['directory'],
        summary: 'Who is who: people by administration and network, with the contact details they show',
        querystring: filters.extend({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        }),
      },
    },
    async (req) => listDirectory(db, req.actor, req.query),
  );

  r.get(
    '/directory/export',
    {
      schema: {
        tags: ['directory'],
        summary: 'The directory as CSV (same filters and shown details as the list)',
        querystring: filters,
      },
    },
    async (req, reply) => {
      const csv = await exportDirectory(db, req.actor, req.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="eucab-directory.csv"')
        .send(csv);
    },
  );

  r.get(
    '/directory/me',
    {
      schema: { tags: ['directory'], summary: 'My directory entry: my details and which of them are shown' },
    },
    async (req) => getMyEntry(db, req.actor),
  );

  r.put(
    '/directory/me',
    {
      schema: {
        tags: ['directory'],
        summary: 'Change my directory entry (details and which of them are shown)',
        body: directoryEntryBody,
      },
    },
    async (req) => updateMyEntry(deps, req.actor, req.body),
  );
}
