import type { FastifyRequest } from 'fastify';
import { type Actor, type ApiScope, hasScope, isUser } from '../access/actor.ts';
import type { ActiveSession } from '../auth/sessions.ts';
import { forbidden, HttpError, unauthorized } from '../http/errors.ts';

/**
 * Who is calling: set on every request by the auth hook (src/server/auth-plugin.ts), read by the
 * routes through `requireUser` / `requireScope`.
 */
declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** The browser session (any stage), when the request came with a valid session cookie. */
    session: ActiveSession | null;
    authVia: 'session' | 'api_key' | 'none';
  }
  interface FastifyContextConfig {
    /**
     * The API-key scope this operation needs. Default: `read` for GET/HEAD, `write` otherwise;
     * a query-only POST (e.g. screening one name) declares `read`. Enforced by the auth hook
     * before any route runs; policies never look at scopes.
     */
    scope?: ApiScope;
    /**
     * `false`: a state change that a link's secret authorises on its own, without a session or a
     * CSRF token (the one-click unsubscribe of RFC 8058, posted by mail programs). API-key scopes
     * are still checked; the route acts for the person the secret names, never for the caller.
     */
    csrf?: false;
  }
}

/**
 * For the one kind of operation whose body decides whether it writes (screen a name: a query,
 * or with `save` a stored party): the route declares `read` and asks for `write` when it writes.
 */
export function requireScope(req: FastifyRequest, scope: ApiScope): void {
  if (!hasScope(req.actor, scope))
    throw forbidden(`This API key lacks the ${scope} scope this request needs.`);
}

/** The signed-in user (full session or API key), else 401. */
export function requireUser(req: FastifyRequest): Actor & { userId: string; orgId: string } {
  const a = req.actor;
  if (!isUser(a)) {
    if (req.session && req.session.stage !== 'full') {
      throw new HttpError(401, 'Unauthorized', 'Finish signing in with your second factor first.');
    }
    throw unauthorized();
  }
  return a;
}
