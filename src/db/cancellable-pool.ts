import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { cancelReason, currentQueryContext, QueryCancelledError } from './query-context.ts';

/** Counters of the pool's cancellations (read by tests and the load benchmark). */
export interface CancellationStats {
  /** Queries not started because their request was already cancelled. */
  refused: number;
  /** Queries running on a PostgreSQL server that were cancelled there (pg_cancel_backend). */
  interrupted: number;
  /** Queries of requests (with a query context) in progress right now. */
  running: number;
}

/** Statements that must still run for a cancelled request: ending its transaction. */
const ENDS_TRANSACTION = /^\s*(rollback|abort)\b/i;

/**
 * Kysely's PostgresDialect over a pg.Pool, with the work of cancelled requests stopped
 * (query-context.ts). Written here because the pool is the one place every query passes and no
 * library ties a pg query to the HTTP request it serves:
 * - a connection is not handed to a request that was cancelled while it waited for one (with
 *   PGlite's single session, abandoned requests queued behind a slow one used to run one after
 *   another long after their clients had gone);
 * - a query is not started for a cancelled request (a ROLLBACK still runs, so an open
 *   transaction ends cleanly);
 * - on a PostgreSQL server, a query in progress when its request is cancelled is cancelled on
 *   the server (`pg_cancel_backend` through a separate connection), which fails it with 57014.
 * Queries without a context (background work) run as before.
 */
export function cancellablePool(
  inner: pg.Pool,
  opts: { cancelBackend?: (pid: number) => Promise<void> } = {},
): { pool: PostgresPool; stats: CancellationStats } {
  const stats: CancellationStats = { refused: 0, interrupted: 0, running: 0 };

  function refuseIfCancelled(sqlText: unknown) {
    const signal = currentQueryContext()?.signal;
    if (!signal?.aborted) return;
    if (typeof sqlText === 'string' && ENDS_TRANSACTION.test(sqlText)) return;
    stats.refused++;
    throw new QueryCancelledError(cancelReason(signal));
  }

  function wrap(client: pg.PoolClient): PostgresPoolClient {
    const pid = (client as unknown as { processID?: number }).processID;
    return {
      query(...args: unknown[]) {
        const first = args[0];
        // A submittable (e.g. a pg-cursor) is handed back as it is, as Kysely's streaming expects.
        if (typeof (first as { submit?: unknown } | undefined)?.submit === 'function') {
          refuseIfCancelled(undefined);
          return (client.query as (...a: unknown[]) => unknown)(...args);
        }
        return runQuery(args);
      },
      release() {
        client.release();
      },
    } as unknown as PostgresPoolClient;

    async function runQuery(args: unknown[]) {
      const first = args[0];
      const text = typeof first === 'string' ? first : (first as { text?: string } | undefined)?.text;
      refuseIfCancelled(text);
      const signal = currentQueryContext()?.signal;
      if (!signal) return (client.query as (...a: unknown[]) => unknown)(...args);
      stats.running++;
      if (!opts.cancelBackend || typeof pid !== 'number') {
        try {
          return await (client.query as (...a: unknown[]) => Promise<unknown>)(...args);
        } finally {
          stats.running--;
        }
      }
      const onAbort = () => {
        stats.interrupted++;
        void opts.cancelBackend!(pid).catch(() => {});
      };
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        return await (client.query as (...a: unknown[]) => Promise<unknown>)(...args);
      } finally {
        stats.running--;
        signal.removeEventListener('abort', onAbort);
      }
    }
  }

  const pool: PostgresPool = {
    async connect() {
      refuseIfCancelled(undefined);
      const signal = currentQueryContext()?.signal;
      const pending = inner.connect();
      if (!signal) return wrap(await pending);
      // Waiting for a connection (PGlite has one) ends when the request is cancelled; the
      // connection, when it comes, goes straight back to the pool.
      let onAbort = () => {};
      const cancelled = new Promise<never>((_, reject) => {
        onAbort = () => reject(new QueryCancelledError(cancelReason(signal)));
        signal.addEventListener('abort', onAbort, { once: true });
      });
      try {
        const client = await Promise.race([pending, cancelled]);
        return wrap(client);
      } catch (e) {
        if (e instanceof QueryCancelledError) {
          stats.refused++;
          pending.then(
            (c) => c.release(),
            () => {},
          );
        }
        throw e;
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    },
    async end() {
      await inner.end();
    },
  };
  return { pool, stats };
}
