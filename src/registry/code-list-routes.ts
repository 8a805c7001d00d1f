import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { canManageOrganisations } from '../access/admin-policy.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { change } from '../core/change.ts';
import { conflict, forbidden, notFound } from '../http/errors.ts';
import { requireUser } from '../route-kit/caller.ts';
import type { AppDeps } from '../route-kit/deps.ts';
import { EU_LANGUAGES } from './field-schema.ts';

const labels = z
  .partialRecord(z.enum(EU_LANGUAGES), z.string().trim().min(1).max(300))
  .refine((l) => !!l.en, 'an English label is required');

/** Code lists: multilingual, versioned reference data; platform administrators extend them. */
export async function codeListRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get(
    '/code-lists',
    { schema: { tags: ['code lists'], summary: 'All code lists with their version' } },
    async (req) => {
      requireUser(req);
      const rows = await db
        .selectFrom('code_lists as l')
        .select((eb) => [
          'l.name',
          'l.labels',
          'l.version',
          'l.updated_at',
          eb
            .selectFrom('code_list_entries as e')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('e.list', '=', 'l.name')
            .as('codes'),
        ])
        .orderBy('l.name')
        .execute();
      return { items: rows, abilities: { extend: canManageOrganisations(req.actor) } };
    },
  );

  r.get(
    '/code-lists/:name',
    {
      schema: {
        tags: ['code lists'],
        summary: 'The codes of one list',
        params: z.strictObject({ name: z.string().max(60) }),
        querystring: z.strictObject({ includeInactive: z.enum(['true', 'false']).default('false') }),
      },
    },
    async (req) => {
      requireUser(req);
      const list = await db
        .selectFrom('code_lists')
        .selectAll()
        .where('name', '=', req.params.name)
        .executeTakeFirst();
      if (!list) throw notFound('No such code list.');
      let q = db
        .selectFrom('code_list_entries')
        .select(['code', 'labels', 'meta', 'active', 'since_version'])
        .where('list', '=', list.name);
      if (req.query.includeInactive !== 'true') q = q.where('active', '=', true);
      return { ...list, codes: await q.orderBy('code').execute() };
    },
  );

  r.post(
    '/code-lists/:name/codes',
    {
      schema: {
        tags: ['code lists'],
        summary: 'Add a code (platform administrators); the list version goes up',
        params: z.strictObject({ name: z.string().max(60) }),
        body: z.strictObject({
          code: z
            .string()
            .trim()
            .regex(/^[A-Za-z0-9_.-]{1,60}$/, 'letters, digits, _ . -'),
          labels,
          meta: z.record(z.string(), z.unknown()).default({}),
        }),
      },
    },
    async (req, reply) => {
      const a = requireUser(req);
      if (!canManageOrganisations(a)) throw forbidden('Only platform administrators extend code lists.');
      const out = await change(deps, async (trx) => {
        const list = await trx
          .selectFrom('code_lists')
          .selectAll()
          .where('name', '=', req.params.name)
          .forUpdate()
          .executeTakeFirst();
        if (!list) throw notFound('No such code list.');
        const exists = await trx
          .selectFrom('code_list_entries')
          .select('code')
          .where('list', '=', list.name)
          .where('code', '=', req.body.code)
          .executeTakeFirst();
        if (exists) throw conflict(`The code ${req.body.code} is already in ${list.name}.`);
        const version = list.version + 1;
        await trx
          .updateTable('code_lists')
          .set({ version, updated_at: sql`now()` as never })
          .where('name', '=', list.name)
          .execute();
        await trx
          .insertInto('code_list_entries')
          .values({
            list: list.name,
            code: req.body.code,
            labels: JSON.stringify(req.body.labels),
            meta: JSON.stringify(req.body.meta),
            since_version: version,
          })
          .execute();
        await recordAudit(trx, a, {
          action: 'code_list.code_added',
          recordKind: 'code_list',
          recordId: list.name,
          changes: { code: req.body.code, labels: req.body.labels, version },
        });
        return { list: list.name, code: req.body.code, version };
      });
      return reply.status(201).send(out);
    },
  );

  r.patch(
    '/code-lists/:name/codes/:code',
    {
      schema: {
        tags: ['code lists'],
        summary: 'Relabel or deactivate a code (platform administrators)',
        params: z.strictObject({ name: z.string().max(60), code: z.string().max(60) }),
        body: z.strictObject({ labels: labels.optional(), active: z.boolean().optional() }),
      },
    },
    async (req) => {
      const a = requireUser(req);
      if (!canManageOrganisations(a)) throw forbidden('Only platform administrators change code lists.');
      return change(deps, async (trx) => {
        const before = await trx
          .selectFrom('code_list_entries')
          .selectAll()
          .where('list', '=', req.params.name)
          .where('code', '=', req.params.code)
          .executeTakeFirst();
        if (!before) throw notFound('No such code.');
        const list = await trx
          .selectFrom('code_lists')
          .select('version')
          .where('name', '=', req.params.name)
          .forUpdate()
          .executeTakeFirstOrThrow();
        const version = list.version + 1;
        await trx.updateTable('code_lists').set({ version }).where('name', '=', req.params.name).execute();
        await trx
          .updateTable('code_list_entries')
          .set({
            ...(req.body.labels ? { labels: JSON.stringify(req.body.labels) } : {}),
            ...(req.body.active !== undefined ? { active: req.body.active } : {}),
          })
          .where('list', '=', req.params.name)
          .where('code', '=', req.params.code)
          .execute();
        await recordAudit(trx, a, {
          action: 'code_list.code_changed',
          recordKind: 'code_list',
          recordId: req.params.name,
          changes: {
            code: req.params.code,
            labels: { before: before.labels, after: req.body.labels ?? before.labels },
            active: { before: before.active, after: req.body.active ?? before.active },
            version,
          },
        });
        return { list: req.params.name, code: req.params.code, version };
      });
    },
  );
}
