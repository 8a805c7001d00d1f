import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { isOrgManager, isPlatformAdmin } from '../../access/actor.ts';
import { SHARED_KINDS } from '../../access/shared-kinds.ts';
import { requireUser } from '../../server/auth-plugin.ts';
import type { AppDeps } from '../../server/deps.ts';

/**
 * The audit trail, through the policy: platform administrators see every event, NCPs and
 * deputies the events of their organisation, everyone their own actions, events about
 * themselves and events about records they may read. Before/after values of a shared record
 * are shown only to those who may read that record now.
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
      const readableRecord = sql.join(
        Object.entries(SHARED_KINDS).map(
          ([kind, { table, readable }]) =>
            sql`(e.record_kind = ${kind} AND EXISTS (SELECT 1 FROM ${sql.table(table)} AS rec WHERE rec.id::text = e.record_id AND ${readable(a, kind, 'rec')}))`,
        ),
        sql` OR `,
      );
      const sharedKinds = Object.keys(SHARED_KINDS);
      const admin = isPlatformAdmin(a);
      const manager = isOrgManager(a, a.orgId);
      const concernsMe = sql<boolean>`(e.actor_id = ${a.userId}::uuid OR (e.record_kind = 'user' AND e.record_id = ${a.userId}))`;
      const entitledMeta = sql<boolean>`(${sql.lit(admin)} OR (${sql.lit(manager)} AND e.organisation_id = ${a.orgId}::uuid) OR ${concernsMe})`;
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
          sql<boolean>`(${readableRecord})`.as('record_readable'),
          sql<boolean>`${entitledMeta}`.as('entitled'),
        ])
        .where(sql<boolean>`(${entitledMeta} OR ${readableRecord})`);
      if (req.query.recordKind) q = q.where('e.record_kind', '=', req.query.recordKind);
      if (req.query.recordId) q = q.where('e.record_id', '=', req.query.recordId);
      if (req.query.action) q = q.where('e.action', 'like', `${req.query.action.replace(/[%_\\]/g, '')}%`);
      if (req.query.before) q = q.where('e.seq', '<', req.query.before);
      const rows = await q.orderBy('e.seq', 'desc').limit(req.query.limit).execute();
      return {
        items: rows.map(({ record_readable, entitled, changes, ...e }) => {
          const shared = sharedKinds.includes(e.record_kind);
          const showValues = shared ? record_readable : entitled;
          let visible = changes as Record<string, unknown>;
          const ownerOnly = SHARED_KINDS[e.record_kind]?.ownerOnlyFields ?? [];
          if (showValues && ownerOnly.length && e.organisation_id !== a.orgId) {
            visible = Object.fromEntries(Object.entries(visible).filter(([k]) => !ownerOnly.includes(k)));
          }
          return { ...e, changes: showValues ? visible : null, valuesHidden: !showValues };
        }),
        nextBefore: rows.length === req.query.limit ? rows[rows.length - 1]!.seq : null,
      };
    },
  );
}
