import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Actor, isUser } from '../../access/actor.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { API_KEY_MAX_DAYS, API_SCOPES, newApiKey } from '../../auth/api-keys.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../../auth/crypto.ts';
import { totpRequired } from '../../auth/login.ts';
import { destroyUserSessions, promoteSession } from '../../auth/sessions.ts';
import { newRecoveryCodes, newTotpSecret, totpUri, verifyTotp } from '../../auth/totp.ts';
import { change } from '../../core/change.ts';
import { setSessionCookie } from '../../http/cookies.ts';
import { badRequest, forbidden, HttpError, notFound, unauthorized } from '../../http/errors.ts';
import type { AppDeps } from '../../route-kit/deps.ts';

/**
 * My account: password, TOTP enrolment, recovery codes, personal API keys. Commission users may
 * manage their own account too (read-only applies to the platform's content). API keys cannot
 * manage the account (they could otherwise mint themselves more rights).
 */
export async function accountRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;

  /** The account owner in a browser session; TOTP enrolment also works in the 'enrol' stage. */
  function owner(
    req: { actor: Actor; session: { userId: string; stage: string } | null; authVia: string },
    allowEnrol = false,
  ) {
    if (req.authVia === 'api_key')
      throw forbidden('Manage your account in the browser, not with an API key.');
    if (isUser(req.actor)) return { userId: req.actor.userId, actor: req.actor };
    if (allowEnrol && req.session?.stage === 'enrol') {
      return { userId: req.session.userId, actor: null };
    }
    throw unauthorized();
  }

  async function auditSelf(
    trx: Parameters<Parameters<typeof change>[1]>[0],
    userId: string,
    action: string,
    changes?: Record<string, unknown>,
  ) {
    const u = await trx
      .selectFrom('users')
      .select(['email', 'organisation_id'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      {
        kind: 'user',
        userId,
        label: u.email,
        orgId: u.organisation_id,
        orgType: null,
        orgRoles: new Set(),
        networkRoles: new Map(),
        networkCodes: new Map(),
        sharingGroupIds: new Set(),
        scopes: null,
        readOnlyCredential: false,
      },
      { action, recordKind: 'user', recordId: userId, changes: changes ?? {} },
    );
  }

  r.post(
    '/account/password',
    {
      schema: {
        tags: ['account'],
        summary: 'Change my password',
        body: z.strictObject({
          currentPassword: z.string().min(1).max(256),
          newPassword: z.string().min(1).max(256),
        }),
      },
    },
    async (req, reply) => {
      const { userId } = owner(req);
      const u = await db
        .selectFrom('users')
        .select(['password_hash', 'email'])
        .where('id', '=', userId)
        .executeTakeFirstOrThrow();
      if (!(await verifyPassword(u.password_hash, req.body.currentPassword))) {
        throw badRequest('The current password is wrong.', [
          { field: 'body.currentPassword', message: 'is wrong' },
        ]);
      }
      const problem = passwordProblem(req.body.newPassword, u.email);
      if (problem) throw badRequest(problem, [{ field: 'body.newPassword', message: problem }]);
      const hash = await hashPassword(req.body.newPassword);
      await change(deps, async (trx) => {
        await trx
          .updateTable('users')
          .set({ password_hash: hash, updated_at: new Date() })
          .where('id', '=', userId)
          .execute();
        await auditSelf(trx, userId, 'account.password_changed');
      });
      await destroyUserSessions(db, userId, req.session?.id);
      return reply.status(204).send();
    },
  );

  r.post(
    '/account/totp/setup',
    { schema: { tags: ['account'], summary: 'Start TOTP enrolment: a new secret to scan' } },
    async (req) => {
      const { userId } = owner(req, true);
      const u = await db
        .selectFrom('users')
        .select(['email', 'totp_enabled'])
        .where('id', '=', userId)
        .executeTakeFirstOrThrow();
      if (u.totp_enabled)
        throw new HttpError(
          409,
          'Conflict',
          'TOTP is already active. Disable it first to enrol a new device.',
        );
      const secret = newTotpSecret();
      await db.updateTable('users').set({ totp_secret: secret }).where('id', '=', userId).execute();
      return { secret, uri: totpUri(secret, u.email) };
    },
  );

  r.post(
    '/account/totp/confirm',
    {
      schema: {
        tags: ['account'],
        summary: 'Finish TOTP enrolment with a first code; returns recovery codes once',
        body: z.strictObject({
          code: z
            .string()
            .trim()
            .regex(/^\d{6}$/, 'must be 6 digits'),
        }),
      },
    },
    async (req, reply) => {
      const { userId } = owner(req, true);
      const u = await db
        .selectFrom('users')
        .select(['totp_secret', 'totp_enabled'])
        .where('id', '=', userId)
        .executeTakeFirstOrThrow();
      if (u.totp_enabled) throw new HttpError(409, 'Conflict', 'TOTP is already active.');
      if (!u.totp_secret) throw badRequest('Start the enrolment first (POST /account/totp/setup).');
      if (!(await verifyTotp(u.totp_secret, req.body.code))) {
        throw badRequest('The code does not match. Check the time on your device and try the next code.', [
          { field: 'body.code', message: 'does not match' },
        ]);
      }
      const { codes, hashes } = newRecoveryCodes();
      await change(deps, async (trx) => {
        await trx
          .updateTable('users')
          .set({ totp_enabled: true, updated_at: new Date() })
          .where('id', '=', userId)
          .execute();
        await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
        await trx
          .insertInto('recovery_codes')
          .values(hashes.map((h) => ({ user_id: userId, code_hash: h })))
          .execute();
        await auditSelf(trx, userId, 'account.totp_enabled');
      });
      if (req.session?.stage === 'enrol') {
        const token = await promoteSession(db, config, req.session, 'full');
        setSessionCookie(reply, config, token);
      }
      return { recoveryCodes: codes };
    },
  );

  r.post(
    '/account/totp/disable',
    {
      schema: {
        tags: ['account'],
        summary: 'Turn TOTP off (not allowed where it is mandatory)',
        body: z.strictObject({ password: z.string().min(1).max(256) }),
      },
    },
    async (req, reply) => {
      const { userId } = owner(req);
      if (await totpRequired(db, userId))
        throw forbidden('A second factor is mandatory for platform administrators and NCPs.');
      const u = await db
        .selectFrom('users')
        .select(['password_hash'])
        .where('id', '=', userId)
        .executeTakeFirstOrThrow();
      if (!(await verifyPassword(u.password_hash, req.body.password)))
        throw badRequest('The password is wrong.');
      await change(deps, async (trx) => {
        await trx
          .updateTable('users')
          .set({ totp_enabled: false, totp_secret: null })
          .where('id', '=', userId)
          .execute();
        await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
        await auditSelf(trx, userId, 'account.totp_disabled');
      });
      return reply.status(204).send();
    },
  );

  r.post(
    '/account/recovery-codes',
    { schema: { tags: ['account'], summary: 'Replace my recovery codes (shown once)' } },
    async (req) => {
      const { userId } = owner(req);
      const u = await db
        .selectFrom('users')
        .select(['totp_enabled'])
        .where('id', '=', userId)
        .executeTakeFirstOrThrow();
      if (!u.totp_enabled) throw badRequest('Enrol TOTP first: recovery codes back up the second factor.');
      const { codes, hashes } = newRecoveryCodes();
      await change(deps, async (trx) => {
        await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
        await trx
          .insertInto('recovery_codes')
          .values(hashes.map((h) => ({ user_id: userId, code_hash: h })))
          .execute();
        await auditSelf(trx, userId, 'account.recovery_codes_replaced');
      });
      return { recoveryCodes: codes };
    },
  );

  r.get(
    '/account/api-keys',
    { schema: { tags: ['account'], summary: 'My API keys (never the key itself)' } },
    async (req) => {
      const { userId } = owner(req);
      const rows = await db
        .selectFrom('api_keys')
        .select(['id', 'name', 'prefix', 'scopes', 'expires_at', 'revoked_at', 'last_used_at', 'created_at'])
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .execute();
      return {
        items: rows.map((k) => ({
          ...k,
          active: !k.revoked_at && new Date(k.expires_at).getTime() > Date.now(),
        })),
      };
    },
  );

  r.post(
    '/account/api-keys',
    {
      schema: {
        tags: ['account'],
        summary: 'Create a personal API key (shown once)',
        body: z.strictObject({
          name: z.string().trim().min(1).max(100),
          scopes: z
            .array(z.enum(API_SCOPES as [string, ...string[]]))
            .min(1)
            .max(2),
          expiresInDays: z.number().int().min(1).max(API_KEY_MAX_DAYS),
        }),
      },
    },
    async (req, reply) => {
      const { userId } = owner(req);
      const { key, prefix, hash } = newApiKey();
      const scopes = [...new Set(req.body.scopes)];
      const expires = new Date(Date.now() + req.body.expiresInDays * 86_400_000);
      const row = await change(deps, async (trx) => {
        const k = await trx
          .insertInto('api_keys')
          .values({
            user_id: userId,
            name: req.body.name,
            prefix,
            key_hash: hash,
            scopes,
            expires_at: expires,
          })
          .returning(['id', 'name', 'prefix', 'scopes', 'expires_at'])
          .executeTakeFirstOrThrow();
        await auditSelf(trx, userId, 'account.api_key_created', {
          name: k.name,
          prefix,
          scopes,
          expires_at: expires.toISOString(),
        });
        return k;
      });
      return reply.status(201).send({ ...row, key });
    },
  );

  r.delete(
    '/account/api-keys/:id',
    {
      schema: {
        tags: ['account'],
        summary: 'Revoke one of my API keys',
        params: z.strictObject({ id: z.uuid() }),
      },
    },
    async (req, reply) => {
      const { userId } = owner(req);
      const done = await change(deps, async (trx) => {
        const k = await trx
          .updateTable('api_keys')
          .set({ revoked_at: new Date() })
          .where('id', '=', req.params.id)
          .where('user_id', '=', userId)
          .where('revoked_at', 'is', null)
          .returning(['prefix'])
          .executeTakeFirst();
        if (k) await auditSelf(trx, userId, 'account.api_key_revoked', { prefix: k.prefix });
        return !!k;
      });
      if (!done) throw notFound('No active API key with this id.');
      return reply.status(204).send();
    },
  );

  r.patch(
    '/account/profile',
    {
      schema: {
        tags: ['account'],
        summary: 'Change my display name or language',
        body: z.strictObject({
          displayName: z.string().trim().min(1).max(200).optional(),
          locale: z.enum(['en', 'fr', 'de']).optional(),
        }),
      },
    },
    async (req) => {
      const { userId } = owner(req);
      const before = await db
        .selectFrom('users')
        .select(['display_name', 'locale'])
        .where('id', '=', userId)
        .executeTakeFirstOrThrow();
      const after = {
        display_name: req.body.displayName ?? before.display_name,
        locale: req.body.locale ?? before.locale,
      };
      await change(deps, async (trx) => {
        await trx
          .updateTable('users')
          .set({ ...after, updated_at: new Date() })
          .where('id', '=', userId)
          .execute();
        await auditSelf(trx, userId, 'account.profile_changed', {
          display_name: { before: before.display_name, after: after.display_name },
          locale: { before: before.locale, after: after.locale },
        });
      });
      return { displayName: after.display_name, locale: after.locale };
    },
  );
}
