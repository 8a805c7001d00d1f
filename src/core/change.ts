import type { Database, Trx } from '../db/connection.ts';

/** What a change needs of the app's dependencies (AppDeps, src/route-kit/deps.ts, has both). */
export interface ChangeDeps {
  db: Database;
  /** The outbox worker, woken after the commit. */
  outbox: { kick(): void };
}

/**
 * Runs a change in one transaction on that transaction's own connection (never a second
 * connection inside it: PGlite has one session). The change writes its audit event and any
 * outbox rows inside `fn`; after commit the outbox worker is woken.
 */
export async function change<T>(deps: ChangeDeps, fn: (trx: Trx) => Promise<T>): Promise<T> {
  const result = await deps.db.transaction().execute(fn);
  deps.outbox.kick();
  return result;
}
