import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readUpload } from '../../http/uploads.ts';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { fileParams, fileQuery, idParams, reopenBody, saveBody, validateBody } from './mapping-schema.ts';
import { getAnswerFile, removeAnswerFile, uploadAnswerFile } from './operations/answer-files.ts';
import { getResponse, reopenResponse, saveAnswers, validateAnswers } from './operations/responses.ts';

/** Responses of mapping campaigns (tag `mapping`): read, save a draft, validate, reopen. */
export async function mappingResponseRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/mapping/responses/:id',
    {
      schema: { tags: ['mapping'], summary: 'One response with its answers and abilities', params: idParams },
    },
    async (req) => getResponse(deps.db, requireUser(req), req.params.id),
  );

  r.put(
    '/mapping/responses/:id/answers',
    {
      schema: {
        tags: ['mapping'],
        summary: 'Save the draft answers (version = the version you started from)',
        description:
          'A stale version answers 409 naming the questions changed since. Problems other than missing required answers answer 400 with their paths (answers.<code>); missing ones are returned as pending.',
        params: idParams,
        body: saveBody,
      },
    },
    async (req) => saveAnswers(deps, requireUser(req), req.params.id, req.body),
  );

  r.post(
    '/mapping/responses/:id/validate',
    {
      schema: {
        tags: ['mapping'],
        summary: 'Validate the response (validator or NCP / deputy, not its last editor): it then counts',
        params: idParams,
        body: validateBody,
      },
    },
    async (req) => validateAnswers(deps, requireUser(req), req.params.id, req.body),
  );

  r.post(
    '/mapping/responses/:id/reopen',
    {
      schema: {
        tags: ['mapping'],
        summary: 'Reopen a validated response, with a reason (coordinator)',
        params: idParams,
        body: reopenBody,
      },
    },
    async (req) => reopenResponse(deps, requireUser(req), req.params.id, req.body),
  );

  r.post(
    '/mapping/responses/:id/files',
    {
      schema: {
        tags: ['mapping'],
        summary: 'Upload a file answer (multipart field "file") to a file question of a response you draft',
        description:
          'question = the code of the file question. The type follows the question (file: PDF, PNG, JPEG, text, CSV, DOCX, XLSX, ODT; image: PNG, JPEG; audio: MP3, OGG, WAV; video: MP4, WebM), at most 10 MiB (or the platform upload limit when lower): 415 / 413 otherwise. Answers 201 { fileId, name, … }: put { fileId, name } in the answer and save the draft. Saving without it (or with another file) removes it.',
        params: idParams,
        querystring: fileQuery,
      },
    },
    async (req, reply) => {
      const file = await uploadAnswerFile(deps, requireUser(req), req.params.id, {
        question: req.query.question,
        file: () => readUpload(req, 'file'),
      });
      return reply.code(201).send(file);
    },
  );

  r.get(
    '/mapping/responses/:id/files/:fileId',
    {
      schema: {
        tags: ['mapping'],
        summary: 'Download a file answer (whoever reads the response; unsaved uploads: those who draft it)',
        params: fileParams,
      },
    },
    async (req, reply) => {
      const f = await getAnswerFile(deps.db, requireUser(req), req.params.id, req.params.fileId);
      return reply
        .type(f.contentType)
        .header('Content-Disposition', `attachment; filename="${f.fileName}"`)
        .header('X-Content-Type-Options', 'nosniff')
        .send(f.content);
    },
  );

  r.delete(
    '/mapping/responses/:id/files/:fileId',
    {
      schema: {
        tags: ['mapping'],
        summary: 'Remove an uploaded file the saved answers do not give (a file they give: save without it)',
        params: fileParams,
      },
    },
    async (req, reply) => {
      await removeAnswerFile(deps, requireUser(req), req.params.id, req.params.fileId);
      return reply.code(204).send();
    },
  );
}
