import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../route-kit/deps.ts';
import { digestMessages, fill } from './digest-messages.ts';
import { digestLinkOwner, type Unsubscribed, unsubscribeByLink } from './unsubscribe.ts';

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

function htmlPage(locale: string, title: string, body: string[]): string {
  const lang = ['en', 'fr', 'de'].includes(locale) ? locale : 'en';
  return [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(title)}</title></head><body><main>`,
    `<h1>${escapeHtml(title)}</h1>`,
    ...body,
    '</main></body></html>',
  ].join('\n');
}

/**
 * The page the link opens: a question with one button. Opening the link changes nothing — mail
 * scanners fetch the links of a message before the person reads it — the button posts the
 * RFC 8058 form to the same address.
 */
function confirmPage(u: { email: string; locale: string }, token: string): string {
  const m = digestMessages(u.locale);
  return htmlPage(u.locale, m.confirmTitle, [
    `<p>${escapeHtml(fill(m.confirmBody, { email: u.email }))}</p>`,
    `<form method="post" action="unsubscribe?token=${escapeHtml(token)}">`,
    '<input type="hidden" name="List-Unsubscribe" value="One-Click">',
    `<button type="submit">${escapeHtml(m.confirmButton)}</button>`,
    '</form>',
  ]);
}

/** The page after the digest was turned off, in the person's language, and how to undo it. */
function donePage(u: Unsubscribed, publicUrl: string): string {
  const m = digestMessages(u.locale);
  return htmlPage(u.locale, m.unsubscribedTitle, [
    `<p>${escapeHtml(fill(m.unsubscribedBody, { email: u.email }))}</p>`,
    `<p><a href="${escapeHtml(`${publicUrl}/notifications`)}">${escapeHtml(m.unsubscribedAgain)}</a></p>`,
  ]);
}

function sendHtml(reply: FastifyReply, html: string) {
  return reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .send(html);
}

/**
 * The digest's unsubscribe link, without sign-in: GET (the link in the e-mail) answers a page that
 * asks (and changes nothing); POST with `List-Unsubscribe=One-Click` — that page's button, or what
 * mail programs send for the `List-Unsubscribe-Post` header (RFC 8058) — sets the digest to off,
 * audited, and answers the page a browser shows or JSON.
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
            'The page of the unsubscribe link in a digest: asks before turning the digest off (no sign-in; the link is the credential)',
          querystring: query,
        },
      },
      async (req, reply) => {
        const owner = await digestLinkOwner(deps, req.query.token);
        const html =
          owner.digest_frequency === 'off'
            ? donePage({ ...owner, changed: false }, deps.config.publicUrl)
            : confirmPage(owner, req.query.token);
        return sendHtml(reply, html);
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
      async (req, reply) => {
        const u = await unsubscribeByLink(deps, req.query.token);
        if (req.headers.accept?.includes('text/html'))
          return sendHtml(reply, donePage(u, deps.config.publicUrl));
        return { digest: 'off' as const, changed: u.changed };
      },
    );
  });
}
