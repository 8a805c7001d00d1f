import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { isOrgManager, isPlatformAdmin } from '../../access/actor.ts';
import {
  allowedNetworkRoles,
  canAppoint,
  canNominate,
  canPostInNetwork,
  canRequestMembership,
  membershipAbilities,
} from '../../access/admin-policy.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { userOrgRoles } from '../../auth/actor-loader.ts';
import { change } from '../../core/change.ts';
import type { MembershipStatus, NetworkRole, OrgRole } from '../../db/schema.ts';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors.ts';
import { enqueue } from '../../outbox/outbox-worker.ts';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';

const ROLES = ['coordinator', 'expert', 'observer'] as const;

export async function networkRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get(
    '/networks',
    { schema: { tags: ['networks'], summary: 'The national expert networks' } },
    async (req) => {
      const a = requireUser(req);
      const rows = await db
        .selectFrom('networks as n')
        .select((eb) => [
          'n.id',
          'n.code',
          'n.name',
          'n.description',
          eb
            .selectFrom('network_memberships as m')
            .select(eb.fn.countAll<number>().as('c'))
            .whereRef('m.network_id', '=', 'n.id')
            .where('m.status', '=', 'active')
            .as('member_count'),
        ])
        .orderBy('n.name')
        .execute();
      return {
        items: rows.map((n) => ({
          ...n,
          myRole: a.networkRoles.get(n.id) ?? null,
          abilities: {
            post: canPostInNetwork(a, n.id),
            request: canRequestMembership(a, 'expert') && !a.networkRoles.has(n.id),
          },
        })),
      };
    },
  );

  r.get(
    '/networks/:id',
    {
      schema: {
        tags: ['networks'],
        summary: 'A network and its active members',
        params: z.strictObject({ id: z.uuid() }),
      },
    },
    async (req) => {
      const a = requireUser(req);
      const n = await db
        .selectFrom('networks')
        .selectAll()
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (!n) throw notFound();
      const members = await db
        .selectFrom('network_memberships as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
        .select([
          'm.id',
          'm.role',
          'u.id as user_id',
          'u.display_name',
          'o.code as organisation_code',
          'o.name as organisation_name',
        ])
        .where('m.network_id', '=', n.id)
        .where('m.status', '=', 'active')
        .orderBy('m.role')
        .orderBy('o.code')
        .orderBy('u.display_name')
        .execute();
      return {
        ...n,
        members,
        myRole: a.networkRoles.get(n.id) ?? null,
        abilities: {
          post: canPostInNetwork(a, n.id),
          request: canRequestMembership(a, 'expert') && !a.networkRoles.has(n.id),
          appoint: canAppoint(a),
          nominate: a.orgRoles.has('ncp') || a.orgRoles.has('ncp_deputy'),
        },
      };
    },
  );

  r.get(
    '/memberships',
    {
      schema: {
        tags: ['networks'],
        summary:
          'Membership requests and nominations I can see: my own, those of my organisation (NCP), those of networks I coordinate',
        querystring: z.strictObject({
          status: z.enum(['requested', 'endorsed', 'active', 'rejected', 'withdrawn']).optional(),
          networkId: z.uuid().optional(),
        }),
      },
    },
    async (req) => {
      const a = requireUser(req);
      const coordinated = [...a.networkRoles].filter(([, role]) => role === 'coordinator').map(([id]) => id);
      const managesOrg = isOrgManager(a, a.orgId);
      let q = db
        .selectFrom('network_memberships as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
        .innerJoin('networks as n', 'n.id', 'm.network_id')
        .select([
          'm.id',
          'm.role',
          'm.status',
          'm.note',
          'm.created_at',
          'm.updated_at',
          'm.network_id',
          'n.name as network_name',
          'u.id as user_id',
          'u.display_name',
          'u.organisation_id',
          'o.code as organisation_code',
          sql<
            OrgRole[]
          >`coalesce((SELECT array_agg(g.role::text) FROM role_grants g WHERE g.user_id = u.id), '{}')`.as(
            'user_roles',
          ),
        ])
        .where((eb) =>
          isPlatformAdmin(a)
            ? eb.val(true)
            : eb.or([
                eb('m.user_id', '=', a.userId),
                ...(managesOrg ? [eb('u.organisation_id', '=', a.orgId)] : []),
                ...(coordinated.length ? [eb('m.network_id', 'in', coordinated)] : []),
              ]),
        );
      if (req.query.status) q = q.where('m.status', '=', req.query.status);
      if (req.query.networkId) q = q.where('m.network_id', '=', req.query.networkId);
      const rows = await q.orderBy('m.updated_at', 'desc').limit(500).execute();
      return {
        items: rows.map((m) => ({
          ...m,
          abilities: membershipAbilities(a, {
            userId: m.user_id,
            userOrgId: m.organisation_id,
            userRoles: m.user_roles,
            networkId: m.network_id,
            status: m.status,
          }),
        })),
      };
    },
  );

  r.post(
    '/networks/:id/memberships',
    {
      schema: {
        tags: ['networks'],
        summary:
          'Ask to join (yourself), nominate a user of your organisation (NCP), or appoint (platform administrator)',
        params: z.strictObject({ id: z.uuid() }),
        body: z.strictObject({
          userId: z.uuid().optional(),
          role: z.enum(ROLES),
          note: z.string().trim().max(1000).default(''),
        }),
      },
    },
    async (req, reply) => {
      const a = requireUser(req);
      const network = await db
        .selectFrom('networks')
        .select(['id', 'name'])
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (!network) throw notFound('No such network.');
      const targetId = req.body.userId ?? a.userId;
      const target = await db
        .selectFrom('users as u')
        .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
        .select(['u.id', 'u.organisation_id', 'u.status', 'o.type'])
        .where('u.id', '=', targetId)
        .executeTakeFirst();
      if (target?.status !== 'active')
        throw badRequest('No such active user.', [{ field: 'body.userId', message: 'unknown user' }]);
      const role: NetworkRole = req.body.role;
      if (!allowedNetworkRoles(target.type).includes(role))
        throw badRequest('Users of the Commission take part in networks as observers only.');
      let status: MembershipStatus;
      let action: string;
      if (canAppoint(a)) {
        status = 'active';
        action = 'membership.appointed';
      } else if (targetId === a.userId) {
        if (!canRequestMembership(a, role))
          throw forbidden(
            'You may ask to join as an expert or observer; coordinators are appointed by the Support unit.',
          );
        status = 'requested';
        action = 'membership.requested';
      } else {
        if (!canNominate(a, { ...target, roles: await userOrgRoles(db, target.id) }, role))
          throw forbidden(
            "Only the NCP of the user's organisation (or a deputy, for users of lower rank) nominates them (as expert or observer).",
          );
        status = 'endorsed';
        action = 'membership.nominated';
      }
      const open = await db
        .selectFrom('network_memberships')
        .select(['status'])
        .where('network_id', '=', network.id)
        .where('user_id', '=', targetId)
        .where('status', 'in', ['requested', 'endorsed', 'active'])
        .executeTakeFirst();
      if (open) throw conflict(`This user already has a ${open.status} membership of this network.`);
      const m = await change(deps, async (trx) => {
        const m = await trx
          .insertInto('network_memberships')
          .values({
            network_id: network.id,
            user_id: targetId,
            role,
            status,
            requested_by: a.userId,
            endorsed_by: status === 'endorsed' ? a.userId : null,
            decided_by: status === 'active' ? a.userId : null,
            note: req.body.note,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, a, {
          action,
          recordKind: 'membership',
          recordId: m.id,
          organisationId: target.organisation_id,
          changes: { network: network.name, user_id: targetId, role, status: { after: status } },
        });
        await enqueue(trx, 'membership.changed', { membershipId: m.id });
        return m;
      });
      return reply.status(201).send(m);
    },
  );

  const transitions = {
    endorse: { to: 'endorsed', ability: 'endorse' },
    approve: { to: 'active', ability: 'approve' },
    reject: { to: 'rejected', ability: 'reject' },
    withdraw: { to: 'withdrawn', ability: 'withdraw' },
  } as const;

  for (const [verb, t] of Object.entries(transitions)) {
    r.post(
      `/memberships/:id/${verb}`,
      {
        schema: {
          tags: ['networks'],
          summary: `${verb[0]!.toUpperCase()}${verb.slice(1)} a membership`,
          params: z.strictObject({ id: z.uuid() }),
          body: z.strictObject({ note: z.string().trim().max(1000).optional() }).nullish(),
        },
      },
      async (req) => {
        const a = requireUser(req);
        return change(deps, async (trx) => {
          const m = await trx
            .selectFrom('network_memberships as m')
            .innerJoin('users as u', 'u.id', 'm.user_id')
            .select(['m.id', 'm.status', 'm.network_id', 'm.user_id', 'm.role', 'u.organisation_id'])
            .where('m.id', '=', req.params.id)
            .forUpdate()
            .executeTakeFirst();
          if (!m) throw notFound();
          const abilities = membershipAbilities(a, {
            userId: m.user_id,
            userOrgId: m.organisation_id,
            userRoles: await userOrgRoles(trx, m.user_id),
            networkId: m.network_id,
            status: m.status,
          });
          if (!abilities[t.ability]) {
            throw forbidden(`You cannot ${verb} this membership (it is ${m.status}).`);
          }
          const updated = await trx
            .updateTable('network_memberships')
            .set({
              status: t.to,
              updated_at: new Date(),
              ...(t.to === 'endorsed' ? { endorsed_by: a.userId } : {}),
              ...(t.to === 'active' || t.to === 'rejected' ? { decided_by: a.userId } : {}),
              ...(req.body?.note ? { note: req.body.note } : {}),
            })
            .where('id', '=', m.id)
            .returningAll()
            .executeTakeFirstOrThrow();
          await recordAudit(trx, a, {
            action: `membership.${t.to}`,
            recordKind: 'membership',
            recordId: m.id,
            organisationId: m.organisation_id,
            changes: {
              status: { before: m.status, after: t.to },
              role: m.role,
              network_id: m.network_id,
              user_id: m.user_id,
            },
          });
          await enqueue(trx, 'membership.changed', { membershipId: m.id });
          return updated;
        });
      },
    );
  }
}
