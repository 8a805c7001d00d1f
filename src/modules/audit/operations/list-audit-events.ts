import { sql } from 'kysely';
import type { Actor } from '../../../access/actor.ts';
import { auditChangesFor, auditDetailsReadable, auditEventPolicy } from '../../../access/audit-policy.ts';
import type { Database } from '../../../db/connection.ts';

export interface AuditQuery {
  recordKind?: string;
  recordId?: string;
  /** An action or the start of one (`user.` for every user event). */
  action?: string;
  /** Events before this sequence number (the previous page's `nextBefore`). */
  before?: number;
  limit: number;
}

/**
 * The audit events the caller may see, newest first, through the policy
 * (`src/access/audit-policy.ts`); the details (`changes`) only where the caller may read the
 * record now, otherwise `changes: null, valuesHidden: true`.
 */
export async function listAuditEvents(db: Database, a: Actor, query: AuditQuery) {
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
    .where(auditEventPolicy.readable(a, 'e'));
  if (query.recordKind) q = q.where('e.record_kind', '=', query.recordKind);
  if (query.recordId) q = q.where('e.record_id', '=', query.recordId);
  if (query.action) q = q.where('e.action', 'like', `${query.action.replace(/[%_\\]/g, '')}%`);
  if (query.before) q = q.where('e.seq', '<', query.before);
  const rows = await q.orderBy('e.seq', 'desc').limit(query.limit).execute();
  return {
    items: rows.map(({ details_readable, ...e }) => ({
      ...e,
      ...auditChangesFor(a, e, details_readable === true),
    })),
    nextBefore: rows.length === query.limit ? rows[rows.length - 1]!.seq : null,
  };
}
