import type { AppDeps } from '../server/deps.ts';
import type { Trx } from './context.ts';

/**
 * Runs a change in one transaction on that transaction's own connection (never a second
 * connection inside it: PGlite has one session). The change writes its audit event and any
 * outbox rows inside `fn`; after commit the outbox worker is woken.
 */
export async function change<T>(
  deps: Pick<AppDeps, 'db' | 'outbox'>,
  fn: (trx: Trx) => Promise<T>,
): Promise<T> {
  const result = await deps.db.transaction().execute(fn);
  deps.outbox.kick();
  return result;
}
