import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import type { ModuleManifest } from '../manifest.ts';
import { withAuditSentences } from './audit-sentences.ts';
import { listAuditEvents } from './operations/list-audit-events.ts';

/**
 * The audit trail, through the policy (`src/access/audit-policy.ts`): platform administrators see
 * every event, NCPs and deputies the events of their organisation, everyone their own actions,
 * events about themselves and events about records they may read. The details (`changes`) are
 * shown only to those who may read the record now, by the record kind's own policy; otherwise
 * `changes: null, valuesHidden: true`.
 */
export async function auditRoutes(app: FastifyInstance, deps: AppDeps, modules: readonly ModuleManifest[]) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit events I may see (newest first)',
        querystring: z.strictObject({
          recordKind: z.string().max(50).optional(),
          recordId: z.string().max(100).optional(),
          action: z.string().max(100).optional(),
          before: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
    },
    async (req) => {
      const page = await listAuditEvents(deps.db, requireUser(req), req.query);
      return { ...page, items: await withAuditSentences(deps.db, modules, page.items) };
    },
  );
}
