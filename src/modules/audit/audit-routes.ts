import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { auditChangesFor, auditDetailsReadable, auditEventVisible } from '../../access/audit-policy.ts';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';

/**
 * The audit trail, through the policy (`src/access/audit-policy.ts`): platform administrators see
 * every event, NCPs and deputies the events of their organisation, everyone their own actions,
 * events about themselves and events about records they may read. The details (`changes`) are
 * shown only to those who may read the record now, by the record kind's own policy; otherwise
 * `changes: null, valuesHidden: true`.
 */
export async function auditRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

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
      const a = requireUser(req);
      const detailsReadable = auditDetailsReadable(a, 'e');
      let q = db
        .selectFrom('audit_events as e')
        .select([
          'e.seq',
          'e.id',
          'e.occurred_at',
          'e.actor_id',
          'e.actor_label',
          'e.organisation_id',
          'e.action',
          'e.record_kind',
          'e.record_id',
          'e.changes',
          sql<boolean>`${detailsReadable}`.as('details_readable'),
        ])
        .where(auditEventVisible(a, 'e'));
      if (req.query.recordKind) q = q.where('e.record_kind', '=', req.query.recordKind);
      if (req.query.recordId) q = q.where('e.record_id', '=', req.query.recordId);
      if (req.query.action) q = q.where('e.action', 'like', `${req.query.action.replace(/[%_\\]/g, '')}%`);
      if (req.query.before) q = q.where('e.seq', '<', req.query.before);
      const rows = await q.orderBy('e.seq', 'desc').limit(req.query.limit).execute();
      return {
        items: rows.map(({ details_readable, ...e }) => ({
          ...e,
          ...auditChangesFor(a, e, details_readable === true),
        })),
        nextBefore: rows.length === req.query.limit ? rows[rows.length - 1]!.seq : null,
      };
    },
  );
}
