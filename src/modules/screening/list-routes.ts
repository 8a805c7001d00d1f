import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { canLoadLists, canReadLists } from '../../access/screening-policy.ts';
import { badRequest, forbidden, notFound } from '../../http/errors.ts';
import { readUpload } from '../../http/uploads.ts';
import { enqueueJob } from '../../jobs/index.ts';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { parseListsConfig } from './list-sources.ts';
import { diffStoredVersions, getVersion, listVersions } from './list-store.ts';
import { listLoadJob } from './screening-jobs.ts';
import { diffQuery, idParams, listLoadBody, listUploadQuery } from './screening-schema.ts';

export async function screeningListRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get(
    '/screening/lists',
    { schema: { tags: ['screening'], summary: 'Sanctions list versions (global reference data)' } },
    async (req) => {
      const a = requireUser(req);
      if (!canReadLists(a)) throw forbidden();
      const versions = await listVersions(db);
      const configured = canLoadLists(a)
        ? parseListsConfig(deps.config.SCREENING_LISTS).map((s) => ({ listId: s.listId, format: s.format }))
        : [];
      return { versions, configured };
    },
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
    async (req) => {
      const a = requireUser(req);
      if (!canReadLists(a)) throw forbidden();
      const v = await getVersion(db, req.params.id);
      if (!v) throw notFound('No such list version.');
      const fromId = req.query.from ?? v.previousId;
      if (fromId) {
        const f = await getVersion(db, fromId);
        if (!f) throw notFound('No such list version to compare with.');
        if (f.listId !== v.listId) throw badRequest('Compare two versions of the same list.');
      }
      return diffStoredVersions(db, fromId ?? null, v.id);
    },
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
      const a = requireUser(req);
      if (!canLoadLists(a)) throw forbidden('Only platform administrators load sanctions lists.');
      const up = await readUpload(req, 'list file');
      const job = await enqueueJob(deps, a, {
        kind: listLoadJob.kind,
        data: {
          listId: req.query.listId,
          format: req.query.format,
          label: req.query.label,
          isDemo: req.query.demo === 'true',
        },
        file: { name: up.filename, bytes: up.bytes, contentType: up.mimetype },
      });
      req.log.info({ sha256: createHash('sha256').update(up.bytes).digest('hex') }, 'screening list upload');
      return reply.status(202).send({ jobId: job.id });
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
    async (req, reply) => {
      const a = requireUser(req);
      if (!canLoadLists(a)) throw forbidden('Only platform administrators load sanctions lists.');
      const src = parseListsConfig(deps.config.SCREENING_LISTS).find((s) => s.listId === req.body.listId);
      if (!src) throw badRequest(`"${req.body.listId}" is not a configured list (SCREENING_LISTS).`);
      const job = await enqueueJob(deps, a, {
        kind: listLoadJob.kind,
        data: {
          listId: src.listId,
          format: src.format,
          label: `${src.listId} ${new Date().toISOString().slice(0, 10)}`,
          location: src.location,
        },
      });
      return reply.status(202).send({ jobId: job.id });
    },
  );
}
