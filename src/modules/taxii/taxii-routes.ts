import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../access/actor.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { taxiiActor } from './operations/taxii-auth.ts';
import { TAXII_MEDIA_TYPE } from './operations/taxii-collections.ts';
import { TaxiiError } from './operations/taxii-errors.ts';
import type { TaxiiPage, TaxiiQuery } from './operations/taxii-objects.ts';
import { dateHeaders } from './operations/taxii-objects.ts';
import * as taxii from './operations/taxii-service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    taxiiActor?: Actor;
  }
}

/** Accept: application/taxii+json (version 2.1 or none), or any (absent, * / *). */
function acceptable(accept: string | undefined): boolean {
  if (!accept) return true;
  return accept.split(',').some((range) => {
    const [type, ...params] = range.split(';').map((s) => s.trim().toLowerCase());
    if (type === '*/*' || type === 'application/*') return true;
    if (type !== 'application/taxii+json') return false;
    const version = params.find((p) => p.startsWith('version='));
    return !version || version === 'version=2.1';
  });
}

type P = { id: string; objectId: string };
const q = (req: FastifyRequest) => req.query as TaxiiQuery;

/**
 * The TAXII 2.1 server (read-only) under /taxii2/: discovery, the API root, its collections, their
 * objects (paging with added_after / limit / next, match filters), manifest and versions. Every
 * reply is application/taxii+json;version=2.1; errors are TAXII error objects.
 */
export async function taxiiRoutes(app: FastifyInstance, deps: AppDeps) {
  // TAXII is its own protocol (documented in the README), not an operation of the REST API's OpenAPI document.
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, hide: true };
  });
  app.addHook('onRequest', async (req) => {
    if (!acceptable(req.headers.accept))
      throw new TaxiiError(406, 'Not acceptable', `This server answers ${TAXII_MEDIA_TYPE} only.`);
    req.taxiiActor = await taxiiActor(deps.db, req.headers.authorization);
  });
  app.setErrorHandler((err, _req, reply) => {
    const e =
      err instanceof TaxiiError
        ? err
        : new TaxiiError(
            (err as { statusCode?: number }).statusCode ?? 500,
            'Error',
            (err as { statusCode?: number }).statusCode
              ? (err as Error).message
              : 'The server could not answer.',
          );
    if (e.status === 401) reply.header('WWW-Authenticate', 'Basic realm="EUCAB TAXII", charset="UTF-8"');
    return reply.code(e.status).type(TAXII_MEDIA_TYPE).send(JSON.stringify(e.toBody()));
  });
  const send = (reply: FastifyReply, body: unknown, page?: TaxiiPage) =>
    reply
      .headers(page ? dateHeaders(page) : {})
      .type(TAXII_MEDIA_TYPE)
      .send(JSON.stringify(body));
  const actor = (req: FastifyRequest) => req.taxiiActor!;

  app.get('/', async (req, reply) => send(reply, taxii.discovery(`${req.protocol}://${req.host}`)));
  app.get('/api/', async (_req, reply) => send(reply, taxii.apiRoot()));
  app.get('/api/collections/', async (_req, reply) => send(reply, taxii.collections()));
  app.get<{ Params: P }>('/api/collections/:id/', async (req, reply) =>
    send(reply, taxii.collection(req.params.id)),
  );
  app.get<{ Params: P }>('/api/collections/:id/objects/', async (req, reply) => {
    const { page, body } = await taxii.objects(deps.db, actor(req), req.params.id, q(req));
    return send(reply, body, page);
  });
  app.get<{ Params: P }>('/api/collections/:id/objects/:objectId/', async (req, reply) => {
    const { page, body } = await taxii.objects(
      deps.db,
      actor(req),
      req.params.id,
      q(req),
      req.params.objectId,
    );
    return send(reply, body, page);
  });
  app.get<{ Params: P }>('/api/collections/:id/manifest/', async (req, reply) => {
    const { page, body } = await taxii.objectManifest(deps.db, actor(req), req.params.id, q(req));
    return send(reply, body, page);
  });
  app.get<{ Params: P }>('/api/collections/:id/objects/:objectId/versions/', async (req, reply) => {
    const { page, body } = await taxii.versions(
      deps.db,
      actor(req),
      req.params.id,
      req.params.objectId,
      q(req),
    );
    return send(reply, body, page);
  });
}
