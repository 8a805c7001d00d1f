import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TLP_RULES } from '../access/tlp.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { attachmentProblem, safeFilename } from '../core/attachment-types.ts';
import { change } from '../core/change.ts';
import { badRequest, HttpError, notFound } from '../http/errors.ts';
import { readUpload } from '../http/uploads.ts';
import { requireUser } from '../route-kit/caller.ts';
import type { AppDeps } from '../route-kit/deps.ts';
import { KINDS, kindByName } from './kinds/index.ts';
import { authoriseRecord } from './record-service.ts';

const kindNames = KINDS.map((k) => k.name) as [string, ...string[]];

/** Attachments of registry records (served through the policy) and alert subscriptions. */
export async function registryExtraRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get(
    '/registry/:kind/:id/attachments',
    {
      schema: {
        tags: ['registry'],
        summary: 'Attachments of a record',
        params: z.strictObject({ kind: z.enum(kindNames), id: z.uuid() }),
      },
    },
    async (req) => {
      const kind = kindByName(req.params.kind)!;
      await authoriseRecord(db, req.actor, kind, req.params.id, 'read');
      const items = await db
        .selectFrom('attachments')
        .select(['id', 'filename', 'content_type', 'size', 'created_at'])
        .where('record_kind', '=', kind.name)
        .where('record_id', '=', req.params.id)
        .orderBy('created_at')
        .execute();
      return { items };
    },
  );

  r.post(
    '/registry/:kind/:id/attachments',
    {
      schema: {
        tags: ['registry'],
        summary: 'Attach a file (PDF, images, office documents, text; size-limited)',
        params: z.strictObject({ kind: z.enum(kindNames), id: z.uuid() }),
      },
    },
    async (req, reply) => {
      const a = requireUser(req);
      const kind = kindByName(req.params.kind)!;
      await authoriseRecord(db, a, kind, req.params.id, 'update');
      const file = await readUpload(req, 'file');
      const problem = attachmentProblem(file.filename, file.mimetype, file.bytes);
      if (problem) throw new HttpError(415, 'Unsupported media type', problem);
      const att = await change(deps, async (trx) => {
        const env = await authoriseRecord(trx, a, kind, req.params.id, 'update');
        const att = await trx
          .insertInto('attachments')
          .values({
            record_kind: kind.name,
            record_id: env.id,
            filename: safeFilename(file.filename),
            content_type: file.mimetype,
            size: file.bytes.length,
            sha256: createHash('sha256').update(file.bytes).digest('hex'),
            content: file.bytes,
            uploaded_by: a.userId,
          })
          .returning(['id', 'filename', 'content_type', 'size', 'created_at'])
          .executeTakeFirstOrThrow();
        await recordAudit(trx, a, {
          action: `${kind.name}.attachment_added`,
          recordKind: kind.name,
          recordId: env.id,
          organisationId: env.owner_org_id,
          changes: { filename: att.filename, size: att.size },
        });
        return att;
      });
      return reply.status(201).send(att);
    },
  );

  r.get(
    '/registry/:kind/:id/attachments/:attachmentId',
    {
      schema: {
        tags: ['registry'],
        summary: 'Download an attachment (same access as the record)',
        params: z.strictObject({ kind: z.enum(kindNames), id: z.uuid(), attachmentId: z.uuid() }),
      },
    },
    async (req, reply) => {
      const kind = kindByName(req.params.kind)!;
      const env = await authoriseRecord(db, req.actor, kind, req.params.id, 'read');
      const att = await db
        .selectFrom('attachments')
        .selectAll()
        .where('id', '=', req.params.attachmentId)
        .where('record_kind', '=', kind.name)
        .where('record_id', '=', env.id)
        .executeTakeFirst();
      if (!att) throw notFound();
      return reply
        .type(att.content_type)
        .header('Content-Disposition', `attachment; filename="${att.filename.replace(/"/g, '')}"`)
        .header('X-TLP-Marking', TLP_RULES[env.tlp].label)
        .header('X-Content-Type-Options', 'nosniff')
        .send(att.content);
    },
  );

  r.get(
    '/registry/subscriptions',
    { schema: { tags: ['registry'], summary: 'My alert subscriptions' } },
    async (req) => {
      const a = requireUser(req);
      return {
        items: await db
          .selectFrom('registry_subscriptions')
          .selectAll()
          .where('user_id', '=', a.userId)
          .orderBy('created_at')
          .execute(),
      };
    },
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
      const kind = kindByName(req.body.kind)!;
      if ((req.body.field === undefined) !== (req.body.prefix === undefined))
        throw badRequest('Give both field and prefix, or neither.');
      if (req.body.field && !kind.filters.includes(req.body.field)) {
        throw badRequest(`Alerts can match on ${kind.filters.join(', ')}.`, [
          { field: 'body.field', message: 'not a filter of this kind' },
        ]);
      }
      const row = await db
        .insertInto('registry_subscriptions')
        .values({
          user_id: a.userId,
          kind: kind.name,
          field: req.body.field ?? null,
          prefix: req.body.prefix ?? null,
          created_at: new Date(),
        })
        .onConflict((oc) => oc.columns(['user_id', 'kind', 'field', 'prefix']).doNothing())
        .returningAll()
        .executeTakeFirst();
      return reply.status(201).send(row ?? { duplicate: true });
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
      const a = requireUser(req);
      const done = await db
        .deleteFrom('registry_subscriptions')
        .where('id', '=', req.params.id)
        .where('user_id', '=', a.userId)
        .returning('id')
        .executeTakeFirst();
      if (!done) throw notFound();
      return reply.status(204).send();
    },
  );
}
