import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isPlatformAdmin } from '../../access/actor.ts';
import {
  canManageUser,
  canManageUsersOf,
  canViewUserDetails,
  grantableRoles,
} from '../../access/admin-policy.ts';
import { diffFields, recordAudit } from '../../audit/audit-log.ts';
import { userOrgRoles } from '../../auth/actor-loader.ts';
import { forgetAddressFailures } from '../../auth/login-throttle.ts';
import { destroyUserSessions } from '../../auth/sessions.ts';
import { change } from '../../core/change.ts';
import { emailIs } from '../../db/email.ts';
import type { OrgRole } from '../../db/schema.ts';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors.ts';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { userImportRoutes } from './user-import-routes.ts';

const ORG_ROLES = ['platform_admin', 'ncp', 'ncp_deputy', 'risk_analyst', 'screening_reviewer'] as const;

export async function userRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Users I manage: platform administrators see all, NCPs and deputies their organisation',
        querystring: z.strictObject({
          organisationId: z.uuid().optional(),
          q: z.string().trim().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (req) => {
      const a = requireUser(req);
      const orgId = req.query.organisationId ?? (isPlatformAdmin(a) ? undefined : a.orgId);
      if (
        !isPlatformAdmin(a) &&
        !(orgId === a.orgId && (a.orgRoles.has('ncp') || a.orgRoles.has('ncp_deputy')))
      ) {
        throw forbidden('Only platform administrators and national contact points list users.');
      }
      let q = db
        .selectFrom('users as u')
        .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
        .select([
          'u.id',
          'u.email',
          'u.display_name',
          'u.status',
          'u.totp_enabled',
          'u.locale',
          'u.organisation_id',
          'o.code as organisation_code',
          'u.locked_until',
          'u.created_at',
        ]);
      if (orgId) q = q.where('u.organisation_id', '=', orgId);
      if (req.query.q) {
        const like = `%${req.query.q.toLowerCase()}%`;
        q = q.where((eb) =>
          eb.or([
            eb(eb.fn('lower', ['u.email']), 'like', like),
            eb(eb.fn('lower', ['u.display_name']), 'like', like),
          ]),
        );
      }
      const total = await q
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const rows = await q
        .orderBy('o.code')
        .orderBy('u.display_name')
        .limit(req.query.limit)
        .offset(req.query.offset)
        .execute();
      const ids = rows.map((u) => u.id);
      const roles = ids.length
        ? await db.selectFrom('role_grants').select(['user_id', 'role']).where('user_id', 'in', ids).execute()
        : [];
      return {
        total: total.n,
        items: rows.map((u) => {
          const held = roles.filter((g) => g.user_id === u.id).map((g) => g.role);
          return { ...u, roles: held, abilities: { update: canManageUser(a, { ...u, roles: held }) } };
        }),
      };
    },
  );

  r.get(
    '/users/directory',
    {
      schema: {
        tags: ['users'],
        summary: 'Find people to name as recipients (name and organisation only)',
        querystring: z.strictObject({ q: z.string().trim().min(2).max(100) }),
      },
    },
    async (req) => {
      requireUser(req);
      const like = `%${req.query.q.toLowerCase()}%`;
      const rows = await db
        .selectFrom('users as u')
        .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
        .select(['u.id', 'u.display_name', 'o.code as organisation_code'])
        .where('u.status', '=', 'active')
        .where((eb) =>
          eb.or([
            eb(eb.fn('lower', ['u.display_name']), 'like', like),
            eb(eb.fn('lower', ['u.email']), '=', req.query.q.toLowerCase()),
          ]),
        )
        .orderBy('u.display_name')
        .limit(20)
        .execute();
      return { items: rows };
    },
  );

  r.get(
    '/users/:id',
    { schema: { tags: ['users'], summary: 'One user', params: z.strictObject({ id: z.uuid() }) } },
    async (req) => {
      const a = requireUser(req);
      const u = await db
        .selectFrom('users as u')
        .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
        .select([
          'u.id',
          'u.email',
          'u.display_name',
          'u.status',
          'u.totp_enabled',
          'u.locale',
          'u.organisation_id',
          'o.code as organisation_code',
          'o.type as organisation_type',
          'u.created_at',
        ])
        .where('u.id', '=', req.params.id)
        .executeTakeFirst();
      if (!u || !canViewUserDetails(a, u)) throw notFound();
      const [roles, memberships] = await Promise.all([
        db.selectFrom('role_grants').select(['role', 'granted_at']).where('user_id', '=', u.id).execute(),
        db
          .selectFrom('network_memberships as m')
          .innerJoin('networks as n', 'n.id', 'm.network_id')
          .select(['m.id', 'n.id as network_id', 'n.name as network_name', 'm.role', 'm.status'])
          .where('m.user_id', '=', u.id)
          .where('m.status', 'in', ['requested', 'endorsed', 'active'])
          .execute(),
      ]);
      const manage = canManageUser(a, { ...u, roles: roles.map((g) => g.role) });
      return {
        ...u,
        roles,
        memberships,
        abilities: {
          update: manage,
          grantableRoles: manage
            ? grantableRoles(a, { id: u.organisation_id, type: u.organisation_type })
            : [],
        },
      };
    },
  );

  r.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user (platform administrators; NCPs in their organisation)',
        body: z.strictObject({
          email: z.string().trim().email().max(254),
          displayName: z.string().trim().min(1).max(200),
          organisationId: z.uuid(),
          locale: z.enum(['en', 'fr', 'de']).default('en'),
        }),
      },
    },
    async (req, reply) => {
      const a = requireUser(req);
      const b = req.body;
      if (!canManageUsersOf(a, b.organisationId))
        throw forbidden('You may create users only in the organisation you manage.');
      const exists = await db.selectFrom('users').select('id').where(emailIs(b.email)).executeTakeFirst();
      if (exists) throw conflict('A user with this e-mail address already exists.');
      const u = await change(deps, async (trx) => {
        const u = await trx
          .insertInto('users')
          .values({
            email: b.email,
            display_name: b.displayName,
            organisation_id: b.organisationId,
            locale: b.locale,
          })
          .returning(['id', 'email', 'display_name', 'organisation_id', 'locale', 'status'])
          .executeTakeFirstOrThrow();
        await recordAudit(trx, a, {
          action: 'user.created',
          recordKind: 'user',
          recordId: u.id,
          organisationId: u.organisation_id,
          changes: diffFields(null, u, ['email', 'display_name', 'locale']),
        });
        return u;
      });
      return reply.status(201).send({
        ...u,
        note: 'The user sets a password with "Forgot password" (an e-mailed link) or signs in through the organisation\'s identity provider.',
      });
    },
  );

  r.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change a user: name, language, disable or enable, unlock',
        params: z.strictObject({ id: z.uuid() }),
        body: z.strictObject({
          displayName: z.string().trim().min(1).max(200).optional(),
          locale: z.enum(['en', 'fr', 'de']).optional(),
          status: z.enum(['active', 'disabled']).optional(),
          unlock: z.literal(true).optional(),
        }),
      },
    },
    async (req) => {
      const a = requireUser(req);
      const out = await change(deps, async (trx) => {
        const before = await trx
          .selectFrom('users')
          .selectAll()
          .where('id', '=', req.params.id)
          .forUpdate()
          .executeTakeFirst();
        if (!before || !canViewUserDetails(a, before)) throw notFound();
        if (!canManageUsersOf(a, before.organisation_id))
          throw forbidden('You may change users only in the organisation you manage.');
        if (!canManageUser(a, { ...before, roles: await userOrgRoles(trx, before.id) }))
          throw forbidden(
            'This user holds rights equal to or higher than yours (NCP, NCP deputy or platform administrator): ask the NCP or a platform administrator.',
          );
        if (req.body.status === 'disabled' && before.id === a.userId)
          throw badRequest('You cannot disable your own account.');
        const next = {
          display_name: req.body.displayName ?? before.display_name,
          locale: req.body.locale ?? before.locale,
          status: req.body.status ?? before.status,
          locked_until: req.body.unlock ? null : before.locked_until,
          failed_logins: req.body.unlock ? 0 : before.failed_logins,
        };
        const u = await trx
          .updateTable('users')
          .set({ ...next, updated_at: new Date() })
          .where('id', '=', before.id)
          .returning(['id', 'email', 'display_name', 'locale', 'status', 'organisation_id'])
          .executeTakeFirstOrThrow();
        await recordAudit(trx, a, {
          action: 'user.updated',
          recordKind: 'user',
          recordId: u.id,
          organisationId: u.organisation_id,
          changes: diffFields(before, next, ['display_name', 'locale', 'status', 'locked_until']),
        });
        return u;
      });
      if (out.status === 'disabled') await destroyUserSessions(db, out.id);
      // An unlock also forgets the failed passwords counted for the address (no wait left).
      if (req.body.unlock) await forgetAddressFailures(db, out.email);
      return out;
    },
  );

  r.put(
    '/users/:id/roles/:role',
    {
      schema: {
        tags: ['users'],
        summary: 'Grant an organisation role',
        params: z.strictObject({ id: z.uuid(), role: z.enum(ORG_ROLES) }),
      },
    },
    async (req, reply) => {
      const a = requireUser(req);
      await setRole(a, req.params.id, req.params.role, true);
      return reply.status(204).send();
    },
  );

  r.delete(
    '/users/:id/roles/:role',
    {
      schema: {
        tags: ['users'],
        summary: 'Revoke an organisation role',
        params: z.strictObject({ id: z.uuid(), role: z.enum(ORG_ROLES) }),
      },
    },
    async (req, reply) => {
      const a = requireUser(req);
      await setRole(a, req.params.id, req.params.role, false);
      return reply.status(204).send();
    },
  );

  async function setRole(a: ReturnType<typeof requireUser>, userId: string, role: OrgRole, grant: boolean) {
    await change(deps, async (trx) => {
      const u = await trx
        .selectFrom('users as u')
        .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
        .select(['u.id', 'u.organisation_id', 'o.type'])
        .where('u.id', '=', userId)
        .executeTakeFirst();
      if (!u || !canViewUserDetails(a, u)) throw notFound();
      if (
        !canManageUser(a, { ...u, roles: await userOrgRoles(trx, u.id) }) ||
        !grantableRoles(a, { id: u.organisation_id, type: u.type }).includes(role)
      ) {
        throw forbidden(`You may not ${grant ? 'grant' : 'revoke'} the role ${role} in this organisation.`);
      }
      if (!grant && u.id === a.userId && (role === 'ncp' || role === 'platform_admin')) {
        throw badRequest(
          'You cannot revoke your own NCP or administrator role: ask a platform administrator.',
        );
      }
      if (grant) {
        const added = await trx
          .insertInto('role_grants')
          .values({ user_id: u.id, organisation_id: u.organisation_id, role, granted_by: a.userId })
          .onConflict((oc) => oc.columns(['user_id', 'organisation_id', 'role']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!added) return;
      } else {
        const removed = await trx
          .deleteFrom('role_grants')
          .where('user_id', '=', u.id)
          .where('organisation_id', '=', u.organisation_id)
          .where('role', '=', role)
          .returning('id')
          .executeTakeFirst();
        if (!removed) return;
      }
      await recordAudit(trx, a, {
        action: grant ? 'user.role_granted' : 'user.role_revoked',
        recordKind: 'user',
        recordId: u.id,
        organisationId: u.organisation_id,
        changes: { role },
      });
    });
  }

  await userImportRoutes(app, deps);
}
