import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EU_LANGUAGES } from '../../contract/languages.ts';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { atomFeed } from './atom-feed.ts';
import { publicMessages } from './operations/public-messages.ts';
import {
  addVersion,
  approveVersion,
  listVersions,
  returnVersion,
  submitVersion,
  updateVersion,
} from './operations/versions.ts';

const messageParams = z.strictObject({ id: z.uuid('id: the id of a coordinated message') });
const versionParams = z.strictObject({ id: z.uuid('id: the id of a language version') });
const title = z
  .string()
  .trim()
  .min(3, 'title: at least 3 characters')
  .max(300, 'title: at most 300 characters');
const body = z
  .string()
  .trim()
  .min(1, 'body: the text of the version')
  .max(20_000, 'body: at most 20,000 characters');
const tags = ['messages'];

/** Language versions of coordinated messages, and the public messages (page data and Atom feed). */
export async function messageRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/messages/:id/versions',
    { schema: { tags, summary: 'The language versions of a message I may read', params: messageParams } },
    async (req) => listVersions(deps.db, requireUser(req), req.params.id),
  );

  r.post(
    '/messages/:id/versions',
    {
      schema: {
        tags,
        summary: 'Add a language version with its translator and its reviewer (another person)',
        params: messageParams,
        body: z.strictObject({
          language: z.enum(EU_LANGUAGES, { error: 'language: an official EU language code, e.g. fr' }),
          title,
          body,
          translatorId: z.uuid('translatorId: the id of the person who translates'),
          reviewerId: z.uuid('reviewerId: the id of the person who reviews (not the translator)'),
        }),
      },
    },
    async (req, reply) =>
      reply.code(201).send(await addVersion(deps, requireUser(req), req.params.id, req.body)),
  );

  r.patch(
    '/messages/versions/:id',
    {
      schema: {
        tags,
        summary: 'Change the title or text of a language version (its translator, while draft or returned)',
        params: versionParams,
        body: z.strictObject({ title: title.optional(), body: body.optional() }),
      },
    },
    async (req) => updateVersion(deps, requireUser(req), req.params.id, req.body),
  );

  r.post(
    '/messages/versions/:id/submit',
    { schema: { tags, summary: 'Submit a language version to its reviewer', params: versionParams } },
    async (req) => submitVersion(deps, requireUser(req), req.params.id),
  );

  r.post(
    '/messages/versions/:id/approve',
    {
      schema: { tags, summary: 'Approve a submitted language version (its reviewer)', params: versionParams },
    },
    async (req) => approveVersion(deps, requireUser(req), req.params.id),
  );

  r.post(
    '/messages/versions/:id/return',
    {
      schema: {
        tags,
        summary: 'Return a submitted language version to its translator with a reason (its reviewer)',
        params: versionParams,
        body: z.strictObject({
          reason: z.string().trim().min(3, 'reason: say what to change (at least 3 characters)').max(2000),
        }),
      },
    },
    async (req) => returnVersion(deps, requireUser(req), req.params.id, req.body.reason),
  );

  r.get(
    '/messages/public',
    {
      schema: {
        tags,
        summary: 'The public messages (TLP:CLEAR, public, released) in every released language',
      },
    },
    async (_req, reply) =>
      reply.header('cache-control', 'public, max-age=60').send({ messages: await publicMessages(deps.db) }),
  );

  r.get(
    '/messages/feed.atom',
    { schema: { tags, summary: 'The Atom feed of the public messages: one entry per language version' } },
    async (_req, reply) =>
      reply
        .header('content-type', 'application/atom+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=60')
        .send(atomFeed(await publicMessages(deps.db), deps.config.publicUrl.replace(/\/$/, ''))),
  );
}
