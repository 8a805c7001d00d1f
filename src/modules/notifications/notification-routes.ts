import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { SHARED_KINDS } from '../../access/shared-kinds.ts';
import { notFound } from '../../http/errors.ts';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';

export async function notificationRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My notifications (about records I may still read)',
        querystring: z.strictObject({
          unread: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (req) => {
      const a = requireUser(req);
      // A notification about a shared record is shown only while the record is readable.
      const stillReadable = Object.entries(SHARED_KINDS).map(
        ([kind, { table, readable }]) =>
          sql<boolean>`(nt.record_kind = ${kind} AND EXISTS (SELECT 1 FROM ${sql.table(table)} AS rec WHERE rec.id = nt.record_id AND ${readable(a, kind, 'rec')}))`,
      );
      // One condition for the list and the unread count: nothing counted that the list would hide.
      const visible = sql<boolean>`(nt.record_kind IS NULL OR nt.record_kind NOT IN (${sql.join(Object.keys(SHARED_KINDS))}) OR ${sql.join(stillReadable, sql` OR `)})`;
      let q = db
        .selectFrom('notifications as nt')
        .select([
          'nt.id',
          'nt.kind',
          'nt.record_kind',
          'nt.record_id',
          'nt.summary',
          'nt.created_at',
          'nt.read_at',
        ])
        .where('nt.user_id', '=', a.userId)
        .where(visible);
      if (req.query.unread === 'true') q = q.where('nt.read_at', 'is', null);
      const items = await q.orderBy('nt.created_at', 'desc').limit(req.query.limit).execute();
      const unread = await db
        .selectFrom('notifications as nt')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('nt.user_id', '=', a.userId)
        .where('nt.read_at', 'is', null)
        .where(visible)
        .executeTakeFirstOrThrow();
      return { items, unread: unread.n };
    },
  );

  r.post(
    '/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark one as read',
        params: z.strictObject({ id: z.uuid() }),
      },
    },
    async (req, reply) => {
      const a = requireUser(req);
      const done = await db
        .updateTable('notifications')
        .set({ read_at: new Date() })
        .where('id', '=', req.params.id)
        .where('user_id', '=', a.userId)
        .returning('id')
        .executeTakeFirst();
      if (!done) throw notFound();
      return reply.status(204).send();
    },
  );

  r.post(
    '/notifications/read-all',
    { schema: { tags: ['notifications'], summary: 'Mark all as read' } },
    async (req, reply) => {
      const a = requireUser(req);
      await db
        .updateTable('notifications')
        .set({ read_at: new Date() })
        .where('user_id', '=', a.userId)
        .where('read_at', 'is', null)
        .execute();
      return reply.status(204).send();
    },
  );
}
