import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { announcementEditorsView, changeAnnouncementEditors } from './announcement-editors.ts';

const params = z.strictObject({ id: z.uuid() });

/** Co-editors of announcements: users of any administration who correct the text (translators, partners). */
export async function announcementEditorRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/announcements/:id/editors',
    { schema: { tags: ['announcements'], summary: 'The co-editors of an announcement', params } },
    async (req) => announcementEditorsView(deps.db, requireUser(req), req.params.id),
  );

  r.put(
    '/announcements/:id/editors',
    {
      schema: {
        tags: ['announcements'],
        summary:
          'Name the co-editors of an announcement (its author, or the NCP / deputy): they correct the title and text, never the marking',
        params,
        body: z.strictObject({ userIds: z.array(z.uuid()).max(50) }),
      },
    },
    async (req) => changeAnnouncementEditors(deps, requireUser(req), req.params.id, req.body.userIds),
  );
}
