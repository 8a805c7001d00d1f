import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import type { ModuleManifest } from '../manifest.ts';
import { withNotificationSentences } from './notification-sentences.ts';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from './operations/notifications.ts';

/** My notifications (only about records I may still read), and marking them read. */
export async function notificationRoutes(
  app: FastifyInstance,
  deps: AppDeps,
  modules: readonly ModuleManifest[],
) {
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
      const page = await listNotifications(db, requireUser(req), req.query);
      return { ...page, items: withNotificationSentences(modules, page.items) };
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
      await markNotificationRead(deps, requireUser(req), req.params.id);
      return reply.status(204).send();
    },
  );

  r.post(
    '/notifications/read-all',
    { schema: { tags: ['notifications'], summary: 'Mark all as read' } },
    async (req, reply) => {
      await markAllNotificationsRead(deps, requireUser(req));
      return reply.status(204).send();
    },
  );
}
