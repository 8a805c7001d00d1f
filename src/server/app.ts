import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { DatabaseHandle } from '../db/connection.ts';
import { errorHandler, notFound, sendProblem, toProblem } from '../http/errors.ts';
import { installInputGuards } from '../http/input-guards.ts';
import { installRequestLimits } from '../http/request-limits.ts';
import { RequestLogController } from '../http/request-log.ts';
import { registerModules } from '../modules/index.ts';
import { taxiiRoutes } from '../modules/taxii/taxii-routes.ts';
import type { AppDeps } from '../route-kit/deps.ts';
import { authHooks } from './auth-plugin.ts';

/** `logStream`: where the log goes instead of stdout (tests read it). */
export async function buildApp(
  deps: AppDeps,
  opts: { logStream?: { write(line: string): void } } = {},
): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger:
      config.LOG_LEVEL === 'silent'
        ? false
        : {
            level: config.LOG_LEVEL,
            ...(opts.logStream ? { stream: opts.logStream } : {}),
            // A calendar feed's link is its credential: its secret never reaches the log.
            serializers: {
              req: (req) => ({
                method: req.method,
                url: req.url.replace(/(\/calendar\/feed\/)[^/?.]+/, '$1[secret]'),
                host: req.host,
                remoteAddress: req.ip,
              }),
            },
          },
    // One line per request at REQUEST_LOG_LEVEL (debug by default) instead of Fastify's two at
    // info: an info log keeps warnings and errors readable.
    logController: new RequestLogController(config.REQUEST_LOG_LEVEL),
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // The API speaks JSON (and multipart for uploads); anything else is a 415, not a guess.
  app.removeContentTypeParser('text/plain');
  // Before any route: JSON nested deeper than BODY_MAX_DEPTH, and a NUL character in a path or
  // query parameter or a JSON body, are a 400 naming where (src/http/input-guards.ts).
  installInputGuards(app, { maxDepth: config.BODY_MAX_DEPTH });
  // A bounded line of API requests, each cancelled (with its database work) when its client
  // goes away or its time is up (src/http/request-limits.ts).
  const requestLine = installRequestLimits(app, {
    maxActive: config.REQUEST_MAX_ACTIVE,
    queueMax: config.REQUEST_QUEUE_MAX,
    timeoutMs: config.REQUEST_TIMEOUT_SECONDS * 1000,
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    hsts: config.cookieSecure,
  });
  await app.register(cookie);
  await app.register(csrf, {
    cookieKey: 'eucab_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', secure: config.cookieSecure },
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: config.UPLOAD_LIMIT_BYTES, files: 1, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'EUCAB Cooperation Platform API',
        version: '1',
        description:
          'REST JSON API. Authenticate with a session cookie (browser; send the CSRF token of GET /api/v1/auth/csrf in X-CSRF-Token on changes) or a personal API key (Authorization: Bearer eucab_…). Errors are application/problem+json.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'Personal API key' },
          session: { type: 'apiKey', in: 'cookie', name: 'eucab_session' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  await app.register(authHooks, deps);

  await app.register(async (api) => registerModules(api, deps), { prefix: '/api/v1' });
  // TAXII 2.1 (read-only) for national systems: API keys by HTTP Basic or Bearer (src/modules/taxii).
  await app.register(async (taxii) => taxiiRoutes(taxii, deps), { prefix: '/taxii2' });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', { schema: { hide: true } }, async () => ({ status: 'ok', database: deps.engine }));
  // For the load benchmark (bench/load): how many requests and database queries are running now,
  // and how many queries of cancelled requests were stopped. Off unless LOAD_PROBE; never in production.
  const dbStats = (deps as AppDeps & { handle?: DatabaseHandle }).handle?.cancellations;
  if (config.LOAD_PROBE && config.NODE_ENV !== 'production')
    app.get('/api/health/load', { schema: { hide: true } }, async () => ({
      activeRequests: requestLine.active(),
      waitingRequests: requestLine.waiting(),
      runningQueries: dbStats?.running ?? null,
      refusedQueries: dbStats?.refused ?? null,
      interruptedQueries: dbStats?.interrupted ?? null,
    }));

  // The single-page app, served from the Vite build; unknown non-API paths fall back to it.
  const webRoot = resolve(config.WEB_DIST);
  const hasWeb = existsSync(resolve(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !hasWeb) {
      return sendProblem(
        reply,
        toProblem(notFound(`No such endpoint: ${req.method} ${req.url.split('?')[0]}`)),
      );
    }
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
