import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { runWithQueryContext } from '../db/query-context.ts';
import { sendProblem } from './errors.ts';

export interface RequestLimits {
  /** API requests served at the same time; the others wait in line. */
  maxActive: number;
  /** Requests that may wait in line; one more is answered 503 at once. */
  queueMax: number;
  /** Time a request may take, waiting included; then its database work stops and it gets 503. */
  timeoutMs: number;
}

interface RequestState {
  controller: AbortController;
  timer: NodeJS.Timeout;
  /** Holds one of the `maxActive` places. */
  active: boolean;
  done: boolean;
  /** Set while waiting in line: lets it in, or turns it away. */
  waiter?: { admit: () => void; refuse: (why: 'timeout' | 'client-gone') => void };
}

const STATE = Symbol('request-limits');
type WithState = FastifyRequest & { [STATE]?: RequestState };

/** Seconds a client is asked to wait before trying again (Retry-After). */
export const RETRY_AFTER_SECONDS = 2;

function busy(reply: FastifyReply, detail: string) {
  reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  return sendProblem(reply, { type: 'about:blank', title: 'Service unavailable', status: 503, detail });
}

/**
 * Load protection of the API (/api/v1/…; health checks and the web app's files pass freely):
 * - at most `maxActive` requests are served at once, `queueMax` more wait in line in arrival
 *   order, and one more is answered 503 with Retry-After at once — a burst waits seconds, not
 *   minutes behind work nobody is waiting for;
 * - every request runs in a query context (src/db/query-context.ts) that is cancelled when the
 *   client goes away or after `timeoutMs`: its database work stops (cancellable-pool.ts), a
 *   request still waiting in line leaves it, and a timed-out client gets 503 with Retry-After.
 */
/** The line's state right now (the load benchmark reads it through GET /api/health/load). */
export interface RequestLine {
  /** Requests being served. */
  active(): number;
  /** Requests waiting in line. */
  waiting(): number;
}

export function installRequestLimits(app: FastifyInstance, limits: RequestLimits): RequestLine {
  let active = 0;
  const line: RequestState[] = [];

  function admitNext() {
    while (active < limits.maxActive && line.length > 0) {
      const next = line.shift()!;
      if (next.done) continue;
      active++;
      next.active = true;
      next.waiter?.admit();
    }
  }

  function finish(state: RequestState) {
    if (state.done) return;
    state.done = true;
    clearTimeout(state.timer);
    if (state.active) {
      state.active = false;
      active--;
      admitNext();
    } else {
      const i = line.indexOf(state);
      if (i >= 0) line.splice(i, 1);
    }
  }

  function clientGone(state: RequestState) {
    state.controller.abort('client-gone');
    state.waiter?.refuse('client-gone');
    finish(state);
  }

  app.addHook('onRequest', (req: WithState, reply, done) => {
    if (!req.url.startsWith('/api/v1/')) return done();
    const controller = new AbortController();
    const state: RequestState = {
      controller,
      active: false,
      done: false,
      timer: setTimeout(() => {
        controller.abort('timeout');
        state.waiter?.refuse('timeout');
      }, limits.timeoutMs),
    };
    state.timer.unref();
    req[STATE] = state;
    // The connection closed before the response was complete: the client went away (while the
    // body was still arriving, or while the request was served).
    reply.raw.on('close', () => {
      if (!reply.raw.writableFinished) clientGone(state);
    });
    // Everything after this hook (the other hooks, the handler) runs in the request's context.
    runWithQueryContext({ signal: controller.signal }, done);
  });

  app.addHook('onRequest', async (req: WithState, reply) => {
    const state = req[STATE];
    if (!state) return;
    if (active < limits.maxActive) {
      active++;
      state.active = true;
      return;
    }
    if (line.length >= limits.queueMax) {
      finish(state);
      return busy(reply, 'The platform is busy right now: try again in a few seconds.');
    }
    const outcome = await new Promise<'admitted' | 'timeout' | 'client-gone'>((resolve) => {
      state.waiter = { admit: () => resolve('admitted'), refuse: resolve };
      line.push(state);
    });
    state.waiter = undefined;
    if (outcome === 'admitted') return;
    finish(state);
    return busy(reply, 'The platform is busy right now: try again in a few seconds.');
  });

  app.addHook('onResponse', async (req: WithState) => {
    const state = req[STATE];
    if (state) finish(state);
  });
  return { active: () => active, waiting: () => line.length };
}
