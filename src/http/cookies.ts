import type { FastifyReply } from 'fastify';
import type { Config } from '../config/config.ts';

/** The browser session's cookie (set at sign-in, read by the auth hook in src/server). */
export const SESSION_COOKIE = 'eucab_session';

export function setSessionCookie(reply: FastifyReply, config: Config, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    // Lax (not Strict) so the redirect back from an OIDC provider carries the session.
    sameSite: 'lax',
    secure: config.cookieSecure,
    // Whole seconds (the cookie library refuses a fraction): SESSION_TTL_HOURS may be 1.1 hours.
    maxAge: Math.round(config.SESSION_TTL_HOURS * 3600),
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config) {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
  });
}
