import { type Actor, systemActor } from '../../../access/actor.ts';
import { recordAudit } from '../../../audit/audit-log.ts';
import { change } from '../../../core/change.ts';
import type { Trx } from '../../../core/context.ts';
import type { User } from '../../../db/schema.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';

export type SignedInUser = Pick<User, 'id' | 'organisation_id' | 'totp_enabled'> & { email?: string };

/** An event of the sign-in flows about one user (its organisation is the user's). */
export function auditAboutUser(
  trx: Trx,
  actor: Actor,
  user: { id: string; organisation_id: string },
  action: string,
  changes?: Record<string, unknown>,
): Promise<void> {
  return recordAudit(trx, actor, {
    action,
    recordKind: 'user',
    recordId: user.id,
    organisationId: user.organisation_id,
    ...(changes ? { changes } : {}),
  });
}

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
