import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readUpload } from '../../http/uploads.ts';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { listVersionsFor, loadConfiguredList, uploadListVersion, versionDiff } from './operations/lists.ts';
import { diffQuery, idParams, listLoadBody, listUploadQuery } from './screening-schema.ts';

/** Sanctions list versions (tag `screening`): list, diff, upload and load (platform administrators). */
export async function screeningListRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/screening/lists',
    { schema: { tags: ['screening'], summary: 'Sanctions list versions (global reference data)' } },
    async (req) => listVersionsFor(deps, requireUser(req)),
  );

  r.get(
    '/screening/lists/:id/diff',
    {
      schema: {
        tags: ['screening'],
        summary: 'Added, removed and amended entries of a version against the previous one (or `from`)',
        params: idParams,
        querystring: diffQuery,
      },
    },
    async (req) => versionDiff(deps.db, requireUser(req), { id: req.params.id, from: req.query.from }),
  );

  r.post(
    '/screening/lists/upload',
    {
      schema: {
        tags: ['screening'],
        summary:
          'Load a new list version from an uploaded file (platform administrators); re-screens stored parties',
        querystring: listUploadQuery,
      },
    },
    async (req, reply) => {
      const upload = (what: string) => readUpload(req, what);
      const { jobId, sha256 } = await uploadListVersion(deps, requireUser(req), { ...req.query, upload });
      req.log.info({ sha256 }, 'screening list upload');
      return reply.status(202).send({ jobId });
    },
  );

  r.post(
    '/screening/lists/load',
    {
      schema: {
        tags: ['screening'],
        summary: 'Load a new version of a configured list (SCREENING_LISTS) from its file or URL',
        body: listLoadBody,
      },
    },
    async (req, reply) => reply.status(202).send(await loadConfiguredList(deps, requireUser(req), req.body)),
  );
}
