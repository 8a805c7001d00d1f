import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type Actor, type ApiScope, anonymousActor } from '../access/actor.ts';
import { loadActor } from '../auth/actor-loader.ts';
import { checkApiKey } from '../auth/api-keys.ts';
import { resolveSession } from '../auth/sessions.ts';
import { SESSION_COOKIE } from '../http/cookies.ts';
import { forbidden, sendProblem, toProblem, unauthorized } from '../http/errors.ts';
import type { AppDeps } from '../route-kit/deps.ts';

/** The scope an operation needs: declared in its route config, else derived from its method. */
export function requiredScope(method: string | readonly string[], declared?: ApiScope): ApiScope {
  if (declared) return declared;
  const methods = typeof method === 'string' ? [method] : method;
  return methods.every((m) => m === 'GET' || m === 'HEAD') ? 'read' : 'write';
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves who is calling (API key in `Authorization: Bearer`, else the session cookie) and
 * enforces CSRF on cookie-authenticated state changes. Routes then ask `requireUser(req)`
 * (src/route-kit/caller.ts, which also declares `req.actor`, `req.session` and `config.scope`).
 */
async function authPlugin(app: FastifyInstance, deps: AppDeps) {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('session', null);
  app.decorateRequest('authVia', 'none');

  // Every API operation carries its scope (config.scope) and shows it as its security
  // requirement in the OpenAPI document: the key's scopes are checked here, once, for all routes.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const scope = requiredScope(route.method, route.config?.scope);
    route.config = { ...route.config, scope };
    if (route.schema && !route.schema.hide) {
      route.schema = { ...route.schema, security: [{ apiKey: [scope] }, { session: [] }] };
    }
  });

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
      // Fail closed: an API route registered without a declared scope needs the method's default.
      const need = req.routeOptions.config?.scope ?? requiredScope(req.method);
      if (!check.scopes.has(need)) {
        return sendProblem(
          reply,
          toProblem(
            forbidden(
              `This API key has the ${[...check.scopes].join(' and ')} scope; this operation needs the ${need} scope. Create a key with the ${need} scope under My account.`,
            ),
          ),
        );
      }
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
    // CSRF: every state change from a browser carries the token of GET /api/v1/auth/csrf, except
    // where a link's secret is the credential (RFC 8058 one-click unsubscribe, `config.csrf: false`).
    if (UNSAFE.has(req.method) && req.routeOptions.config?.csrf !== false) {
      await new Promise<void>((resolve, reject) => {
        app.csrfProtection(req, reply, (err?: Error) => (err ? reject(err) : resolve()));
      });
    }
  });
}

export const authHooks = fp(authPlugin, { name: 'eucab-auth' });
