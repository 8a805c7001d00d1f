import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { change } from '../core/change.ts';
import { requireUser } from '../server/auth-plugin.ts';
import type { AppDeps } from '../server/deps.ts';
import { editorsBody } from './approval-schema.ts';
import { changeRecordEditors, recordEditorsView } from './co-editor-operations.ts';
import { KINDS, kindByName } from './kinds/index.ts';

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
    async (req) => {
      const a = requireUser(req);
      const kind = kindByName(req.params.kind)!;
      return change(deps, (trx) => changeRecordEditors(trx, a, kind, req.params.id, req.body.userIds));
    },
  );
}
