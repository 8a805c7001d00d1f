import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type Actor, anonymousActor, isUser } from '../access/actor.ts';
import { loadActor } from '../auth/actor-loader.ts';
import { checkApiKey } from '../auth/api-keys.ts';
import { type ActiveSession, resolveSession, SESSION_COOKIE } from '../auth/sessions.ts';
import type { AppDeps } from './deps.ts';
import { HttpError, sendProblem, toProblem, unauthorized } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** The browser session (any stage), when the request came with a valid session cookie. */
    session: ActiveSession | null;
    authVia: 'session' | 'api_key' | 'none';
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves who is calling (API key in `Authorization: Bearer`, else the session cookie) and
 * enforces CSRF on cookie-authenticated state changes. Routes then ask `requireUser(req)`.
 */
async function authPlugin(app: FastifyInstance, deps: AppDeps) {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('session', null);
  app.decorateRequest('authVia', 'none');

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    req.actor = anonymousActor;
    if (!req.url.startsWith('/api/')) return;
    const auth = req.headers.authorization;
    if (auth) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      if (!m) return sendProblem(reply, toProblem(unauthorized('Use "Authorization: Bearer <API key>".')));
      const check = await checkApiKey(deps.db, m[1]!);
      if (!check.ok) return sendProblem(reply, toProblem(unauthorized(check.reason)));
      const actor = await loadActor(deps.db, check.userId, check.scopes);
      if (!actor)
        return sendProblem(reply, toProblem(unauthorized('The account of this API key is disabled.')));
      req.actor = actor;
      req.authVia = 'api_key';
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const session = await resolveSession(deps.db, deps.config, token);
      if (session) {
        req.session = session;
        req.authVia = 'session';
        if (session.stage === 'full') {
          const actor = await loadActor(deps.db, session.userId, null);
          if (actor) req.actor = actor;
          else req.session = null;
        }
      }
    }
    // CSRF: every state change from a browser carries the token of GET /api/v1/auth/csrf.
    if (UNSAFE.has(req.method)) {
      await new Promise<void>((resolve, reject) => {
        app.csrfProtection(req, reply, (err?: Error) => (err ? reject(err) : resolve()));
      });
    }
  });
}

export const authHooks = fp(authPlugin, { name: 'eucab-auth' });

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
