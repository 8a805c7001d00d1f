import type { Database } from '../db/connection.ts';
import { eventHash, GENESIS_HASH } from './audit-log.ts';

export type ChainReport =
  | { ok: true; events: number }
  | { ok: false; events: number; brokenAt: number; reason: string };

/** Recomputes the hash chain in sequence order and names the first broken link. */
export async function verifyAuditChain(db: Database, batch = 5000): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(batch)
      .execute();
    if (rows.length === 0) return { ok: true, events: count };
    for (const r of rows) {
      count++;
      if (r.prev_hash !== prev) {
        return {
          ok: false,
          events: count,
          brokenAt: r.seq,
          reason: 'prev_hash does not match the previous event',
        };
      }
      const expected = eventHash(prev, {
        occurred_at: new Date(r.occurred_at).toISOString(),
        actor_id: r.actor_id,
        actor_label: r.actor_label,
        organisation_id: r.organisation_id,
        action: r.action,
        record_kind: r.record_kind,
        record_id: r.record_id,
        changes: r.changes,
      });
      if (expected !== r.hash) {
        return { ok: false, events: count, brokenAt: r.seq, reason: 'content does not match its hash' };
      }
      prev = r.hash;
      after = r.seq;
    }
  }
}
