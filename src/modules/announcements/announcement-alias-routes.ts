import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * The former announcement endpoints. Network announcements are the registry kind `announcement`
 * (src/registry/kinds/communication/announcement.kind.ts): each old path answers 308 Permanent
 * Redirect to its registry equivalent, query string kept. Bodies and query parameters follow the
 * registry's shapes (`{ data: { title, body, network }, marking }`; `?network=<code>`).
 */
const OLD = '/announcements';
const NEW = '/api/v1/registry/announcement';
const idParams = z.strictObject({ id: z.string() });
const attachmentParams = z.strictObject({ id: z.string(), attachmentId: z.string() });

function redirect(target: (params: Record<string, string>) => string) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
    const params = req.params as Record<string, string>;
    const safe = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, encodeURIComponent(v)]));
    return reply.redirect(`${target(safe)}${query}`, 308);
  };
}

/** [method, old path, new path, what to do there, the parameters]. */
const ALIASES = [
  ['GET', '', '', 'list (the total is in the list; filter by network with ?network=<code>)', null],
  ['GET', '/count', '', 'list: the count is its `total`', null],
  ['GET', '/export', '/export', 'export', null],
  ['GET', '/:id', '/:id', 'read', idParams],
  ['POST', '', '', 'create (published at once): { data: { title, body, network }, marking }', null],
  ['PATCH', '/:id', '/:id', 'correct with PUT { data } (the whole data)', idParams],
  ['POST', '/:id/share', '/:id/share', 'share', idParams],
  [
    'DELETE',
    '/:id',
    '/:id/retract',
    'retract with POST { note } (the reason; the record stays, retracted)',
    idParams,
  ],
  ['POST', '/:id/attachments', '/:id/attachments', 'attach a file', idParams],
  ['GET', '/:id/attachments/:attachmentId', '/:id/attachments/:attachmentId', 'download', attachmentParams],
  ['GET', '/:id/editors', '/:id/editors', 'the co-editors', idParams],
  ['PUT', '/:id/editors', '/:id/editors', 'name the co-editors: { userIds }', idParams],
] as const;

export async function announcementAliasRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const [method, from, to, what, params] of ALIASES) {
    r.route({
      method,
      url: `${OLD}${from}`,
      schema: {
        tags: ['announcements'],
        summary: `Former path: answers 308 to ${NEW}${to.replace(/:(\w+)/g, '{$1}')} — ${what}`,
        description:
          'Announcements are the registry kind `announcement`. Old paths answer 308 Permanent Redirect; bodies follow the registry’s shapes.',
        ...(params ? { params } : {}),
        response: { 308: z.null().describe('Location: the registry path') },
      },
      handler: redirect((p) => `${NEW}${to.replace(/:(\w+)/g, (_m, k: string) => p[k] ?? '')}`),
    });
  }
}
