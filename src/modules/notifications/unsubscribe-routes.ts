import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../route-kit/deps.ts';
import { digestMessages, fill } from './digest-messages.ts';
import { type Unsubscribed, unsubscribeByLink } from './unsubscribe.ts';

const query = z.strictObject({
  token: z
    .string()
    .regex(
      /^[0-9a-f]{64}$/,
      'token: the secret of the unsubscribe link in the digest e-mail (64 hex digits)',
    ),
});

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The page the link opens: what happened, in the person's language, and how to undo it. */
function page(u: Unsubscribed, publicUrl: string): string {
  const m = digestMessages(u.locale);
  const lang = ['en', 'fr', 'de'].includes(u.locale) ? u.locale : 'en';
  const url = `${publicUrl}/notifications`;
  return [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(m.unsubscribedTitle)}</title></head><body><main>`,
    `<h1>${escapeHtml(m.unsubscribedTitle)}</h1>`,
    `<p>${escapeHtml(fill(m.unsubscribedBody, { email: u.email }))}</p>`,
    `<p><a href="${escapeHtml(url)}">${escapeHtml(m.unsubscribedAgain)}</a></p>`,
    '</main></body></html>',
  ].join('\n');
}

/**
 * The digest's one-click unsubscribe link, without sign-in: GET (the link in the e-mail) answers
 * a page; POST with `List-Unsubscribe=One-Click` is what mail programs send for the
 * `List-Unsubscribe-Post` header (RFC 8058). Both set the digest to off, audited.
 */
export async function digestUnsubscribeRoutes(app: FastifyInstance, deps: AppDeps) {
  await app.register(async (scoped) => {
    // RFC 8058: the one-click POST is a form; only these routes read form bodies
    scoped.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 1024 },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    const r = scoped.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/notifications/digest/unsubscribe',
      {
        config: { csrf: false },
        schema: {
          tags: ['notifications'],
          summary:
            'Turn my e-mail digest off with the link in a digest (no sign-in; the link is the credential)',
          querystring: query,
        },
      },
      async (req, reply) => {
        const u = await unsubscribeByLink(deps, req.query.token);
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .header('referrer-policy', 'no-referrer')
          .send(page(u, deps.config.publicUrl));
      },
    );

    r.post(
      '/notifications/digest/unsubscribe',
      {
        config: { csrf: false },
        schema: {
          tags: ['notifications'],
          summary: 'One-click unsubscribe of the e-mail digest (RFC 8058, posted by mail programs)',
          querystring: query,
          body: z.strictObject({
            'List-Unsubscribe': z.literal('One-Click', {
              error: 'send List-Unsubscribe=One-Click (RFC 8058)',
            }),
          }),
        },
      },
      async (req) => {
        const u = await unsubscribeByLink(deps, req.query.token);
        return { digest: 'off' as const, changed: u.changed };
      },
    );
  });
}
