import type { FastifyReply, FastifyRequest } from 'fastify';
import { stageAfterFirstFactor } from '../../auth/login.ts';
import { createSession, destroySession, type SessionStage } from '../../auth/sessions.ts';
import type { Config } from '../../config/config.ts';
import { setSessionCookie } from '../../http/cookies.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { auditSignedIn, type SignedInUser } from './operations/sign-in-audit.ts';

/** The rate limit of the sign-in routes (password, second factor, password reset). */
export function signInRateLimit(config: Config) {
  return { rateLimit: { max: config.RATE_LIMIT_LOGIN_PER_MINUTE, timeWindow: 60_000 } };
}

/**
 * After the first factor (password or OIDC): opens a session in the stage the user needs next
 * (TOTP, TOTP enrolment, or full), audits a full sign-in and sets the cookie.
 */
export async function openSession(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  user: SignedInUser,
  method: 'password' | 'oidc',
): Promise<SessionStage> {
  // A new sign-in never continues an earlier session (no session fixation).
  if (req.session) await destroySession(deps.db, req.session.id);
  const stage = await stageAfterFirstFactor(deps.db, user);
  const token = await createSession(deps.db, deps.config, {
    userId: user.id,
    stage,
    authMethod: method,
    ip: req.ip,
    userAgent: req.headers['user-agent'],
  });
  if (stage === 'full') await auditSignedIn(deps, user, method);
  setSessionCookie(reply, deps.config, token);
  return stage;
}
