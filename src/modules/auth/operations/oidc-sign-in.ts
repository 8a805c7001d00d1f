import { systemActor } from '../../../access/actor.ts';
import { recordAudit } from '../../../audit/audit-log.ts';
import { sha256 } from '../../../auth/crypto.ts';
import { finishAuthorization, startAuthorization } from '../../../auth/oidc.ts';
import { change } from '../../../core/change.ts';
import type { Database } from '../../../db/connection.ts';
import { emailIs } from '../../../db/email.ts';
import { notFound } from '../../../http/errors.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';
import type { SignedInUser } from './sign-in-audit.ts';

const STATE_TTL_MS = 10 * 60_000;

/** Where a failure is reported: the sign-in page shows the code (`/signin?error=…`). */
export type OidcFailure =
  | 'provider_unavailable'
  | 'provider_refused'
  | 'expired'
  | 'unknown_provider'
  | 'exchange_failed'
  | 'no_account'
  | 'wrong_organisation'
  | 'disabled';

/** Where the provider's trouble is logged (the request's logger). */
export interface WarnLog {
  warn(obj: object, msg: string): void;
}

/** The enabled identity providers offered on the sign-in page. */
export async function signInProviders(db: Database) {
  const rows = await db
    .selectFrom('identity_providers as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['p.id', 'p.name', 'o.code as organisation_code', 'o.name as organisation_name'])
    .where('p.enabled', '=', true)
    .orderBy('o.code')
    .execute();
  return { items: rows };
}

/**
 * Starts signing in through an enabled provider: the provider's authorization URL, with the
 * state, nonce and PKCE verifier kept (hashed state, single use) for the return.
 */
export async function startOidcSignIn(
  db: Database,
  log: WarnLog,
  input: { providerId: string; redirectUri: string },
): Promise<{ url: string } | { failure: OidcFailure }> {
  const p = await db
    .selectFrom('identity_providers')
    .selectAll()
    .where('id', '=', input.providerId)
    .where('enabled', '=', true)
    .executeTakeFirst();
  if (!p) throw notFound('No such identity provider.');
  let start: Awaited<ReturnType<typeof startAuthorization>>;
  try {
    start = await startAuthorization(p, input.redirectUri);
  } catch (err) {
    log.warn({ err }, 'OIDC discovery failed');
    return { failure: 'provider_unavailable' };
  }
  await db.deleteFrom('oidc_login_states').where('expires_at', '<', new Date()).execute();
  await db
    .insertInto('oidc_login_states')
    .values({
      state_hash: sha256(start.state),
      provider_id: p.id,
      code_verifier: start.codeVerifier,
      nonce: start.nonce,
      expires_at: new Date(Date.now() + STATE_TTL_MS),
    })
    .execute();
  return { url: start.url.href };
}

/**
 * The return from the provider: spends the state, exchanges the code, finds the user by
 * (provider, subject) or by verified e-mail and links them on first use. The binding: a provider
 * signs in users of its own organisation, never anyone else's. Refusals are audited.
 */
export async function finishOidcSignIn(
  deps: AppDeps,
  log: WarnLog,
  input: { state?: string; code?: string; error?: string; currentUrl: URL },
): Promise<{ user: SignedInUser } | { failure: OidcFailure }> {
  const { db } = deps;
  if (!input.state) return { failure: 'provider_refused' };
  const st = await db
    .deleteFrom('oidc_login_states')
    .where('state_hash', '=', sha256(input.state))
    .returningAll()
    .executeTakeFirst();
  if (!st || new Date(st.expires_at).getTime() < Date.now()) return { failure: 'expired' };
  const p = await db
    .selectFrom('identity_providers')
    .selectAll()
    .where('id', '=', st.provider_id)
    .where('enabled', '=', true)
    .executeTakeFirst();
  if (!p) return { failure: 'unknown_provider' };
  if (input.error || !input.code) return { failure: 'provider_refused' };
  let identity: Awaited<ReturnType<typeof finishAuthorization>>;
  try {
    identity = await finishAuthorization(p, input.currentUrl, {
      state: input.state,
      nonce: st.nonce,
      codeVerifier: st.code_verifier,
    });
  } catch (err) {
    log.warn({ err }, 'OIDC code exchange failed');
    return { failure: 'exchange_failed' };
  }
  const audit = (
    action: string,
    userId: string | null,
    organisationId: string | null,
    changes: Record<string, unknown>,
  ) =>
    change(deps, (trx) =>
      recordAudit(trx, systemActor('oidc'), {
        action,
        recordKind: 'user',
        recordId: userId,
        organisationId,
        changes: { provider: p.name, ...changes },
      }),
    );

  const linked = await db
    .selectFrom('user_identities as i')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .select(['u.id', 'u.organisation_id', 'u.status', 'u.totp_enabled'])
    .where('i.provider_id', '=', p.id)
    .where('i.subject', '=', identity.sub)
    .executeTakeFirst();
  let user = linked;
  if (!user) {
    if (!identity.email || identity.emailVerified === false) {
      await audit('auth.oidc_denied', null, p.organisation_id, { reason: 'no verified e-mail' });
      return { failure: 'no_account' };
    }
    const byEmail = await db
      .selectFrom('users')
      .select(['id', 'organisation_id', 'status', 'totp_enabled'])
      .where(emailIs(identity.email))
      .executeTakeFirst();
    if (!byEmail) {
      await audit('auth.oidc_denied', null, p.organisation_id, { reason: 'no account with this e-mail' });
      return { failure: 'no_account' };
    }
    user = byEmail;
  }
  if (user.organisation_id !== p.organisation_id) {
    await audit('auth.oidc_denied', user.id, user.organisation_id, {
      reason: 'the provider belongs to another organisation',
    });
    return { failure: 'wrong_organisation' };
  }
  if (user.status !== 'active') return { failure: 'disabled' };
  if (!linked) {
    const found = user;
    await change(deps, async (trx) => {
      await trx
        .insertInto('user_identities')
        .values({ provider_id: p.id, subject: identity.sub, user_id: found.id })
        .execute();
      await recordAudit(trx, systemActor('oidc'), {
        action: 'auth.oidc_linked',
        recordKind: 'user',
        recordId: found.id,
        organisationId: found.organisation_id,
        changes: { provider: p.name },
      });
    });
  }
  return { user };
}
