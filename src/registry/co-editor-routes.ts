import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../route-kit/caller.ts';
import type { AppDeps } from '../route-kit/deps.ts';
import { editorsBody } from './approval-schema.ts';
import { KINDS, kindByName } from './kinds/index.ts';
import { changeRecordEditors, recordEditorsView } from './operations/co-editors.ts';

const params = z.strictObject({
  kind: z.enum(KINDS.map((k) => k.name) as [string, ...string[]]),
  id: z.uuid(),
});

/** Co-editors of registry records: users (of any administration) the owner names to change the content. */
export async function coEditorRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/registry/:kind/:id/editors',
    { schema: { tags: ['registry'], summary: 'The co-editors of a record', params } },
    async (req) => recordEditorsView(deps.db, requireUser(req), kindByName(req.params.kind)!, req.params.id),
  );

  r.put(
    '/registry/:kind/:id/editors',
    {
      schema: {
        tags: ['registry'],
        summary:
          "Name the co-editors of a record (the owner: author, NCP or deputy): they change its content, never its marking; other administrations' co-editors never see owner-only fields",
        params,
        body: editorsBody,
      },
    },
    async (req) =>
      changeRecordEditors(deps, requireUser(req), kindByName(req.params.kind)!, {
        id: req.params.id,
        userIds: req.body.userIds,
      }),
  );
}
