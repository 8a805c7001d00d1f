import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The context of the work a database query is done for — today: the HTTP request that asked
 * for it. The HTTP layer runs each request inside `runWithQueryContext`; the database pool
 * (cancellable-pool.ts) reads it before and during every query, so that the work of a request
 * whose client went away, or that ran out of time, stops instead of holding the database.
 * Background work (jobs, the outbox, scheduled tasks) runs without a context and is never
 * cancelled this way.
 */
export interface QueryContext {
  /** Aborted when the client goes away or the request's time is up. */
  signal: AbortSignal;
}

const storage = new AsyncLocalStorage<QueryContext>();

export function runWithQueryContext<T>(ctx: QueryContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentQueryContext(): QueryContext | undefined {
  return storage.getStore();
}

/** Thrown instead of running a query for a request that was cancelled. */
export class QueryCancelledError extends Error {
  readonly code = 'EUCAB_QUERY_CANCELLED';
  constructor(readonly reason: 'client-gone' | 'timeout' | 'cancelled') {
    super(
      reason === 'timeout'
        ? 'The request took longer than allowed; its database work was stopped.'
        : 'The request was cancelled; its database work was stopped.',
    );
  }
}

export function cancelReason(signal: AbortSignal): QueryCancelledError['reason'] {
  const r = signal.reason as unknown;
  return r === 'timeout' || r === 'client-gone' ? r : 'cancelled';
}

/**
 * Runs `fn` outside any request's context: for background work woken by a request (the outbox
 * after a change, the job queue after an enqueue), which must not stop when that request does.
 */
export function outsideQueryContext<T>(fn: () => T): T {
  return storage.exit(fn);
}
