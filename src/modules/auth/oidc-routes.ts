import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { systemActor } from '../../access/actor.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { sha256 } from '../../auth/crypto.ts';
import { finishAuthorization, startAuthorization } from '../../auth/oidc.ts';
import { change } from '../../core/change.ts';
import { emailIs } from '../../db/email.ts';
import { notFound } from '../../http/errors.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { openSession } from './sign-in.ts';

const STATE_TTL_MS = 10 * 60_000;

export async function oidcRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  // One redirect URI for every provider; the provider is found from the (single-use) state.
  const redirectUri = `${config.publicUrl}/api/v1/auth/oidc/callback`;

  r.get(
    '/auth/providers',
    { schema: { tags: ['auth'], summary: 'Identity providers offered on the sign-in page' } },
    async () => {
      const rows = await db
        .selectFrom('identity_providers as p')
        .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
        .select(['p.id', 'p.name', 'o.code as organisation_code', 'o.name as organisation_name'])
        .where('p.enabled', '=', true)
        .orderBy('o.code')
        .execute();
      return { items: rows };
    },
  );

  r.get(
    '/auth/oidc/:providerId/start',
    {
      schema: {
        tags: ['auth'],
        summary: 'Start signing in through an identity provider (redirects)',
        params: z.strictObject({ providerId: z.uuid() }),
      },
    },
    async (req, reply) => {
      const p = await db
        .selectFrom('identity_providers')
        .selectAll()
        .where('id', '=', req.params.providerId)
        .where('enabled', '=', true)
        .executeTakeFirst();
      if (!p) throw notFound('No such identity provider.');
      let start: Awaited<ReturnType<typeof startAuthorization>>;
      try {
        start = await startAuthorization(p, redirectUri);
      } catch (err) {
        req.log.warn({ err }, 'OIDC discovery failed');
        return failed(reply, 'provider_unavailable');
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
      return reply.redirect(start.url.href, 302);
    },
  );

  function failed(reply: FastifyReply, code: string) {
    return reply.redirect(`/signin?error=${encodeURIComponent(code)}`, 302);
  }

  r.get(
    '/auth/oidc/callback',
    {
      schema: {
        tags: ['auth'],
        summary: 'Return from the identity provider',
        querystring: z.object({
          state: z.string().max(200).optional(),
          code: z.string().max(2000).optional(),
          error: z.string().max(200).optional(),
        }),
      },
    },
    async (req, reply) => {
      if (!req.query.state) return failed(reply, 'provider_refused');
      const st = await db
        .deleteFrom('oidc_login_states')
        .where('state_hash', '=', sha256(req.query.state))
        .returningAll()
        .executeTakeFirst();
      if (!st || new Date(st.expires_at).getTime() < Date.now()) return failed(reply, 'expired');
      const p = await db
        .selectFrom('identity_providers')
        .selectAll()
        .where('id', '=', st.provider_id)
        .where('enabled', '=', true)
        .executeTakeFirst();
      if (!p) return failed(reply, 'unknown_provider');
      if (req.query.error || !req.query.code) return failed(reply, 'provider_refused');
      let identity: Awaited<ReturnType<typeof finishAuthorization>>;
      try {
        identity = await finishAuthorization(p, new URL(req.url, config.publicUrl), {
          state: req.query.state,
          nonce: st.nonce,
          codeVerifier: st.code_verifier,
        });
      } catch (err) {
        req.log.warn({ err }, 'OIDC code exchange failed');
        return failed(reply, 'exchange_failed');
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
          return failed(reply, 'no_account');
        }
        const byEmail = await db
          .selectFrom('users')
          .select(['id', 'organisation_id', 'status', 'totp_enabled'])
          .where(emailIs(identity.email))
          .executeTakeFirst();
        if (!byEmail) {
          await audit('auth.oidc_denied', null, p.organisation_id, { reason: 'no account with this e-mail' });
          return failed(reply, 'no_account');
        }
        user = byEmail;
      }
      // The binding: a provider signs in users of its own organisation, never anyone else's.
      if (user.organisation_id !== p.organisation_id) {
        await audit('auth.oidc_denied', user.id, user.organisation_id, {
          reason: 'the provider belongs to another organisation',
        });
        return failed(reply, 'wrong_organisation');
      }
      if (user.status !== 'active') return failed(reply, 'disabled');
      if (!linked) {
        await change(deps, async (trx) => {
          await trx
            .insertInto('user_identities')
            .values({ provider_id: p.id, subject: identity.sub, user_id: user.id })
            .execute();
          await recordAudit(trx, systemActor('oidc'), {
            action: 'auth.oidc_linked',
            recordKind: 'user',
            recordId: user.id,
            organisationId: user.organisation_id,
            changes: { provider: p.name },
          });
        });
      }
      const stage = await openSession(deps, req, reply, user, 'oidc');
      return reply.redirect(
        stage === 'mfa' ? '/signin/totp' : stage === 'enrol' ? '/signin/enrol' : '/',
        302,
      );
    },
  );
}
