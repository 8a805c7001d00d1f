import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readUpload } from '../../http/uploads.ts';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { idParams, importQuery, trendsQuery, versionParams } from './mapping-schema.ts';
import {
  exportQuestionnaireVersion,
  getQuestionnaireVersion,
  importQuestionnaire,
  listQuestionnaires,
} from './operations/questionnaires.ts';
import { trends } from './operations/results.ts';

/** Questionnaires of mapping exercises (tag `mapping`): XLSForm import (dry run), versions, export, trends. */
export async function mappingQuestionnaireRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/mapping/questionnaires/import',
    {
      schema: {
        tags: ['mapping'],
        summary:
          'Import an XLSForm workbook (multipart field "file") as a questionnaire or a new version of one',
        description:
          'dryRun=true reports warnings and blocking items by sheet and row, the codes kept from the latest version, and stores nothing. withoutBlocked=true imports without the blocked questions (listed as left out). A published version never changes: a new version needs a new version number. networkId: the network you coordinate (for a new questionnaire).',
        querystring: importQuery,
      },
    },
    async (req, reply) => {
      const res = await importQuestionnaire(deps, requireUser(req), {
        ...req.query,
        upload: async () => readUpload(req, 'XLSForm workbook (.xlsx)'),
      });
      return reply.code(res.status).send(res.body);
    },
  );

  r.get(
    '/mapping/questionnaires',
    { schema: { tags: ['mapping'], summary: 'Questionnaires with their published versions' } },
    async (req) => listQuestionnaires(deps.db, requireUser(req)),
  );

  r.get(
    '/mapping/questionnaires/:id/versions/:version',
    {
      schema: {
        tags: ['mapping'],
        summary:
          'One published version: the definition (labels in every language), left-out items, kept codes',
        params: versionParams,
      },
    },
    async (req) => getQuestionnaireVersion(deps.db, requireUser(req), req.params.id, req.params.version),
  );

  r.get(
    '/mapping/questionnaires/:id/versions/:version/xlsform',
    {
      schema: {
        tags: ['mapping'],
        summary: 'The version as an XLSForm workbook (imports back to the same questionnaire)',
        params: versionParams,
      },
    },
    async (req, reply) => {
      const f = await exportQuestionnaireVersion(
        deps.db,
        requireUser(req),
        req.params.id,
        req.params.version,
      );
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', `attachment; filename="${f.filename}"`)
        .send(f.bytes);
    },
  );

  r.get(
    '/mapping/questionnaires/:id/trends',
    {
      schema: {
        tags: ['mapping'],
        summary: 'One question across the campaigns of every version (those whose results you may see)',
        params: idParams,
        querystring: trendsQuery,
      },
    },
    async (req) => trends(deps.db, requireUser(req), req.params.id, req.query),
  );
}
