import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readUpload } from '../http/uploads.ts';
import { requireUser } from '../route-kit/caller.ts';
import type { AppDeps } from '../route-kit/deps.ts';
import { KINDS, kindByName } from './kinds/index.ts';
import { addAttachment, getAttachment, listAttachments } from './operations/attachments.ts';
import { listSubscriptions, subscribe, unsubscribe } from './operations/subscriptions.ts';

const kindNames = KINDS.map((k) => k.name) as [string, ...string[]];
const recordParams = z.strictObject({ kind: z.enum(kindNames), id: z.uuid() });

/** Attachments of registry records (served through the policy) and alert subscriptions. */
export async function registryExtraRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get(
    '/registry/:kind/:id/attachments',
    { schema: { tags: ['registry'], summary: 'Attachments of a record', params: recordParams } },
    async (req) => listAttachments(db, req.actor, kindByName(req.params.kind)!, req.params),
  );

  r.post(
    '/registry/:kind/:id/attachments',
    {
      schema: {
        tags: ['registry'],
        summary: 'Attach a file (PDF, images, office documents, text; size-limited)',
        params: recordParams,
      },
    },
    async (req, reply) => {
      const a = requireUser(req);
      const file = () => readUpload(req, 'file');
      const att = await addAttachment(deps, a, kindByName(req.params.kind)!, { id: req.params.id, file });
      return reply.status(201).send(att);
    },
  );

  r.get(
    '/registry/:kind/:id/attachments/:attachmentId',
    {
      schema: {
        tags: ['registry'],
        summary: 'Download an attachment (same access as the record)',
        params: recordParams.extend({ attachmentId: z.uuid() }),
      },
    },
    async (req, reply) => {
      const att = await getAttachment(db, req.actor, kindByName(req.params.kind)!, req.params);
      return reply
        .type(att.contentType)
        .header('Content-Disposition', `attachment; filename="${att.fileName}"`)
        .header('X-TLP-Marking', att.marking)
        .header('X-Content-Type-Options', 'nosniff')
        .send(att.content);
    },
  );

  r.get(
    '/registry/subscriptions',
    { schema: { tags: ['registry'], summary: 'My alert subscriptions' } },
    async (req) => listSubscriptions(db, requireUser(req)),
  );

  r.post(
    '/registry/subscriptions',
    {
      schema: {
        tags: ['registry'],
        summary:
          'Subscribe to alerts: every publication of a kind, or those whose field starts with a prefix (e.g. tenders by CPV prefix or category)',
        body: z.strictObject({
          kind: z.enum(kindNames),
          field: z.string().max(60).optional(),
          prefix: z.string().trim().min(1).max(60).optional(),
        }),
      },
    },
    async (req, reply) => {
      const a = requireUser(req);
      return reply.status(201).send(await subscribe(deps, a, kindByName(req.body.kind)!, req.body));
    },
  );

  r.delete(
    '/registry/subscriptions/:id',
    {
      schema: {
        tags: ['registry'],
        summary: 'Stop an alert subscription',
        params: z.strictObject({ id: z.uuid() }),
      },
    },
    async (req, reply) => {
      await unsubscribe(deps, requireUser(req), req.params);
      return reply.status(204).send();
    },
  );
}
