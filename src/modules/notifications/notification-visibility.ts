import { type RawBuilder, sql } from 'kysely';
import { SHARED_KINDS } from '../../access/shared-kinds.ts';

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
