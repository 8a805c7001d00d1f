import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isUser } from '../../access/actor.ts';
import { canManageOrganisations, canManageUsersOf } from '../../access/admin-policy.ts';
import { diffFields, recordAudit } from '../../audit/audit-log.ts';
import { change } from '../../core/change.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';

const ORG_TYPES = ['national_administration', 'commission', 'eucab_body', 'eucab_unit'] as const;

export async function organisationRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get(
    '/organisations',
    {
      schema: {
        tags: ['organisations'],
        summary: 'All organisations of EUCAB',
        querystring: z.strictObject({ type: z.enum(ORG_TYPES).optional() }),
      },
    },
    async (req) => {
      const a = requireUser(req);
      let q = db
        .selectFrom('organisations as o')
        .select((eb) => [
          'o.id',
          'o.code',
          'o.type',
          'o.name',
          'o.names',
          'o.country_code',
          'o.is_demo',
          eb
            .selectFrom('users')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('users.organisation_id', '=', 'o.id')
            .where('users.status', '=', 'active')
            .as('user_count'),
        ])
        .orderBy('o.type')
        .orderBy('o.name');
      if (req.query.type) q = q.where('o.type', '=', req.query.type);
      const rows = await q.execute();
      return {
        items: rows.map((o) => ({
          ...o,
          abilities: { manageUsers: canManageUsersOf(a, o.id), update: canManageOrganisations(a) },
        })),
        abilities: { create: canManageOrganisations(a) },
      };
    },
  );

  r.get(
    '/organisations/:id',
    {
      schema: {
        tags: ['organisations'],
        summary: 'One organisation',
        params: z.strictObject({ id: z.uuid() }),
      },
    },
    async (req) => {
      const a = requireUser(req);
      const o = await db
        .selectFrom('organisations')
        .selectAll()
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (!o) throw notFound();
      const ncps = await db
        .selectFrom('role_grants as g')
        .innerJoin('users as u', 'u.id', 'g.user_id')
        .select(['u.id', 'u.display_name', 'g.role'])
        .where('g.organisation_id', '=', o.id)
        .where('g.role', 'in', ['ncp', 'ncp_deputy'])
        .where('u.status', '=', 'active')
        .execute();
      return {
        ...o,
        contacts: ncps,
        abilities: { manageUsers: canManageUsersOf(a, o.id), update: canManageOrganisations(a) },
      };
    },
  );

  const orgBody = z.strictObject({
    code: z
      .string()
      .trim()
      .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'use 2–32 capital letters, digits or hyphens'),
    type: z.enum(ORG_TYPES),
    name: z.string().trim().min(1).max(200),
    names: z.record(z.string().regex(/^[a-z]{2,3}$/), z.string().trim().min(1).max(200)).default({}),
    countryCode: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .nullable()
      .default(null),
  });

  r.post(
    '/organisations',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Create an organisation (platform administrators)',
        body: orgBody,
      },
    },
    async (req, reply) => {
      const a = requireUser(req);
      if (!canManageOrganisations(a)) throw forbidden('Only platform administrators create organisations.');
      const b = req.body;
      const row = await change(deps, async (trx) => {
        const o = await trx
          .insertInto('organisations')
          .values({
            code: b.code,
            type: b.type,
            name: b.name,
            names: JSON.stringify(b.names),
            country_code: b.countryCode,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, a, {
          action: 'organisation.created',
          recordKind: 'organisation',
          recordId: o.id,
          organisationId: o.id,
          changes: diffFields(null, { code: o.code, type: o.type, name: o.name }, ['code', 'type', 'name']),
        });
        return o;
      });
      return reply.status(201).send(row);
    },
  );

  r.patch(
    '/organisations/:id',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Rename an organisation (platform administrators)',
        params: z.strictObject({ id: z.uuid() }),
        body: z.strictObject({
          name: z.string().trim().min(1).max(200).optional(),
          names: orgBody.shape.names.optional(),
        }),
      },
    },
    async (req) => {
      const a = requireUser(req);
      if (!canManageOrganisations(a)) throw forbidden('Only platform administrators change organisations.');
      return change(deps, async (trx) => {
        const before = await trx
          .selectFrom('organisations')
          .selectAll()
          .where('id', '=', req.params.id)
          .forUpdate()
          .executeTakeFirst();
        if (!before) throw notFound();
        const next = { name: req.body.name ?? before.name, names: req.body.names ?? before.names };
        const o = await trx
          .updateTable('organisations')
          .set({ name: next.name, names: JSON.stringify(next.names) })
          .where('id', '=', before.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, a, {
          action: 'organisation.updated',
          recordKind: 'organisation',
          recordId: o.id,
          organisationId: o.id,
          changes: diffFields(before, o, ['name', 'names']),
        });
        return o;
      });
    },
  );

  r.get(
    '/sharing-groups',
    { schema: { tags: ['organisations'], summary: 'Named sharing groups of organisations' } },
    async (req) => {
      const a = requireUser(req);
      const groups = await db.selectFrom('sharing_groups').selectAll().orderBy('name').execute();
      const members = await db
        .selectFrom('sharing_group_members as m')
        .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
        .select(['m.sharing_group_id', 'o.id', 'o.code', 'o.name'])
        .execute();
      return {
        items: groups.map((g) => ({
          ...g,
          members: members
            .filter((m) => m.sharing_group_id === g.id)
            .map(({ sharing_group_id: _, ...m }) => m),
          includesMe: isUser(a) && a.sharingGroupIds.has(g.id),
        })),
        abilities: { create: canManageOrganisations(a) },
      };
    },
  );

  r.post(
    '/sharing-groups',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Create a sharing group (platform administrators)',
        body: z.strictObject({
          name: z.string().trim().min(1).max(200),
          description: z.string().trim().max(2000).default(''),
          organisationIds: z.array(z.uuid()).min(2).max(64),
        }),
      },
    },
    async (req, reply) => {
      const a = requireUser(req);
      if (!canManageOrganisations(a)) throw forbidden('Only platform administrators create sharing groups.');
      const ids = [...new Set(req.body.organisationIds)];
      const g = await change(deps, async (trx) => {
        const g = await trx
          .insertInto('sharing_groups')
          .values({ name: req.body.name, description: req.body.description, created_by: a.userId })
          .returningAll()
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('sharing_group_members')
          .values(ids.map((id) => ({ sharing_group_id: g.id, organisation_id: id })))
          .execute();
        await recordAudit(trx, a, {
          action: 'sharing_group.created',
          recordKind: 'sharing_group',
          recordId: g.id,
          changes: { name: g.name, organisations: ids },
        });
        return g;
      });
      return reply.status(201).send(g);
    },
  );
}
