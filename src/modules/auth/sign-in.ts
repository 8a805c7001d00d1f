import type { FastifyReply, FastifyRequest } from 'fastify';
import { systemActor } from '../../access/actor.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { stageAfterFirstFactor } from '../../auth/login.ts';
import { createSession, destroySession, type SessionStage } from '../../auth/sessions.ts';
import { change } from '../../core/change.ts';
import type { User } from '../../db/schema.ts';
import { setSessionCookie } from '../../http/cookies.ts';
import type { AppDeps } from '../../route-kit/deps.ts';

type SignedInUser = Pick<User, 'id' | 'organisation_id' | 'totp_enabled'> & { email?: string };

/** Audits a completed sign-in (all factors passed). */
export function auditSignedIn(deps: AppDeps, user: SignedInUser, method: string): Promise<void> {
  return change(deps, (trx) =>
    recordAudit(
      trx,
      { ...systemActor('sign-in'), userId: user.id, label: user.email ?? systemActor('sign-in').label },
      {
        action: 'auth.signed_in',
        recordKind: 'user',
        recordId: user.id,
        organisationId: user.organisation_id,
        changes: { method },
      },
    ),
  );
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
