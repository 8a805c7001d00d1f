import { type RawBuilder, sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { SHARED_KINDS } from '../../access/shared-kinds.ts';

/**
 * The condition (over `notifications AS nt`) that a notification is shown to `a`: one about a
 * shared record only while the record is still readable to them through its kind's policy
 * (a record narrowed or retracted after the notification was written disappears from the list,
 * the unread count and the e-mail digest alike).
 */
export function visibleNotification(a: Actor): RawBuilder<boolean> {
  const stillReadable = Object.entries(SHARED_KINDS).map(
    ([kind, { table, readable }]) =>
      sql<boolean>`(nt.record_kind = ${kind} AND EXISTS (SELECT 1 FROM ${sql.table(table)} AS rec WHERE rec.id = nt.record_id AND ${readable(a, kind, 'rec')}))`,
  );
  return sql<boolean>`(nt.record_kind IS NULL OR nt.record_kind NOT IN (${sql.join(Object.keys(SHARED_KINDS))}) OR ${sql.join(stillReadable, sql` OR `)})`;
}

/**
 * The current TLP marking of the record a notification is about (null for notifications that
 * are not about a shared record): what an e-mail may quote is decided on today's marking.
 */
export function currentMarking(): RawBuilder<string | null> {
  const cases = Object.entries(SHARED_KINDS).map(
    ([kind, { table }]) =>
      sql`WHEN nt.record_kind = ${kind} THEN (SELECT rec.tlp FROM ${sql.table(table)} AS rec WHERE rec.id = nt.record_id)`,
  );
  return sql<string | null>`(CASE ${sql.join(cases, sql` `)} ELSE NULL END)`;
}
