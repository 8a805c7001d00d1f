import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { markingBody } from '../access/marking-schema.ts';
import { change } from '../core/change.ts';
import { requireUser } from '../server/auth-plugin.ts';
import type { AppDeps } from '../server/deps.ts';
import { notFound } from '../server/errors.ts';
import type { KindDefinition } from './definition.ts';
import { exportCsv, exportJson, exportXlsx } from './export.ts';
import { describeFields, EU_LANGUAGES } from './field-schema.ts';
import { KINDS } from './kinds/index.ts';
import { dataDiff } from './record-data.ts';
import {
  META_COLUMNS,
  present,
  readableKindQuery,
  recipientsByRecord,
  sortExpression,
} from './record-queries.ts';
import {
  addComment,
  authoriseRecord,
  createRecord,
  shareRecord,
  transitionRecord,
  updateRecord,
} from './record-service.ts';
import { recordAbilities } from './registry-policy.ts';

const idParams = z.strictObject({ id: z.uuid() });
const STATUSES = ['draft', 'submitted', 'published', 'retracted'] as const;

function listQuery(kind: KindDefinition) {
  const filterFields = Object.fromEntries(
    kind.filters.map((f) => [f, z.string().trim().max(500).optional()]),
  );
  return z.strictObject({
    q: z.string().trim().max(200).optional(),
    language: z.enum(EU_LANGUAGES).optional(),
    status: z.enum(STATUSES).optional(),
    owner: z.string().trim().max(32).optional(),
    sort: z
      .string()
      .regex(/^-?[a-z_]+$/)
      .default('-updated_at'),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
    ...filterFields,
  });
}

function splitQuery(kind: KindDefinition, q: Record<string, unknown>) {
  const fields: Record<string, string | undefined> = {};
  for (const f of kind.filters) fields[f] = q[f] as string | undefined;
  return {
    q: q.q as string | undefined,
    language: q.language as string | undefined,
    status: q.status as string | undefined,
    owner: q.owner as string | undefined,
    fields,
  };
}

/** REST endpoints for every registry kind, derived from its definition (no per-kind code). */
export async function registryRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get(
    '/registry',
    { schema: { tags: ['registry'], summary: 'The registry kinds, their fields, filters and views' } },
    async () => ({
      kinds: KINDS.map((k) => ({ ...k, fields: describeFields(k) })),
    }),
  );

  for (const kind of KINDS) {
    const base = `/registry/${kind.name}`;
    const tags = [`registry: ${kind.labelPlural}`];
    const lq = listQuery(kind);
    const sortable = new Set(['title', 'updated_at', 'created_at', 'status', ...kind.listColumns]);

    r.get(
      base,
      {
        schema: {
          tags,
          summary: `List ${kind.labelPlural.toLowerCase()} I may read (filters, search, sort, facets)`,
          querystring: lq,
        },
      },
      async (req) => {
        const a = req.actor;
        const q = req.query as z.infer<typeof lq>;
        const f = splitQuery(kind, q);
        const sortField = q.sort.replace(/^-/, '');
        const sortBy = sortable.has(sortField) ? q.sort : '-updated_at';
        const baseQ = readableKindQuery(db, a, kind, f);
        const total = await baseQ.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        const rows = await baseQ
          .select([...META_COLUMNS])
          .orderBy(sortExpression(kind, sortBy), sortBy.startsWith('-') ? 'desc' : 'asc')
          .orderBy('r.id')
          .limit(q.limit)
          .offset(q.offset)
          .execute();
        const facets: Record<string, Record<string, number>> = {};
        for (const field of kind.filters) {
          const def = kind.fields[field]!;
          const expr =
            def.type === 'list'
              ? sql<string>`jsonb_array_elements_text(CASE WHEN jsonb_typeof(r.data->${field}) = 'array' THEN r.data->${field} ELSE '[]'::jsonb END)`
              : sql<string>`r.data->>${field}`;
          if (
            !['code', 'country', 'list', 'text'].includes(def.type) ||
            (def.type === 'list' && def.of.type !== 'code')
          )
            continue;
          const counts = await baseQ
            .select([expr.as('v'), (eb) => eb.fn.countAll<number>().as('n')])
            .groupBy('v')
            .orderBy('n', 'desc')
            .limit(50)
            .execute();
          facets[field] = Object.fromEntries(counts.filter((c) => c.v !== null).map((c) => [c.v, c.n]));
        }
        const rec = await recipientsByRecord(
          db,
          kind.name,
          rows.filter((x) => x.tlp === 'red').map((x) => x.id),
        );
        return {
          total: total.n,
          facets,
          items: rows.map((row) => present(a, kind, row, rec.get(row.id) ?? [])),
        };
      },
    );

    r.get(
      `${base}/export`,
      {
        schema: {
          tags,
          summary: `Export the ${kind.labelPlural.toLowerCase()} I may export (CSV, XLSX, JSON; never TLP:RED)`,
          querystring: lq
            .omit({ limit: true, offset: true, sort: true })
            .extend({ format: z.enum(['csv', 'xlsx', 'json']).default('csv') }),
        },
      },
      async (req, reply) => {
        const a = requireUser(req);
        const q = req.query as Record<string, unknown> & { format: 'csv' | 'xlsx' | 'json' };
        const rows = await readableKindQuery(db, a, kind, splitQuery(kind, q))
          .where('r.tlp', '<>', 'red')
          .select([...META_COLUMNS])
          .orderBy('r.updated_at', 'desc')
          .limit(200_000)
          .execute();
        const shown = rows.map((row) => present(a, kind, row, [])).filter((x) => x.abilities.export);
        const fields = Object.keys(kind.fields).filter(
          (f) => !kind.fields[f]!.visibleTo || shown.every((s) => s.abilities.restrictedFields),
        );
        const items = shown.map((s) => ({ ...s, data: s.data as Record<string, unknown> }));
        const stamp = new Date().toISOString().slice(0, 10);
        const name = `${kind.name}-${stamp}`;
        if (q.format === 'json') {
          reply.header('Content-Disposition', `attachment; filename="${name}.json"`);
          return exportJson(kind, items, a.label);
        }
        if (q.format === 'xlsx') {
          const buf = await exportXlsx(kind, items, fields, a.label);
          return reply
            .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
            .header('Content-Disposition', `attachment; filename="${name}.xlsx"`)
            .send(buf);
        }
        return reply
          .type('text/csv; charset=utf-8')
          .header('Content-Disposition', `attachment; filename="${name}.csv"`)
          .send(exportCsv(kind, items, fields, a.label));
      },
    );

    r.get(
      `${base}/stats`,
      {
        schema: {
          tags,
          summary:
            'Counts or sums per owning organisation and field value (matrix and map views), over the records I may read',
          querystring: z.strictObject({
            groupBy: z.enum(kind.filters as [string, ...string[]]),
            sumField: z.string().max(50).optional(),
          }),
        },
      },
      async (req) => {
        const a = req.actor;
        const { groupBy, sumField } = req.query;
        const sumDef = sumField ? kind.fields[sumField] : undefined;
        const measure =
          sumDef?.type === 'number'
            ? sql<number>`coalesce(sum((r.data->>${sumField!})::numeric), 0)`
            : sql<number>`count(*)`;
        const def = kind.fields[groupBy]!;
        const expr =
          def.type === 'list'
            ? sql<string>`jsonb_array_elements_text(coalesce(r.data->${groupBy}, '[]'::jsonb))`
            : sql<string>`r.data->>${groupBy}`;
        const rows = await readableKindQuery(db, a, kind, { fields: {} })
          .where('r.status', '=', 'published')
          .select(['o.code as organisation', expr.as('value'), measure.as('measure')])
          .groupBy(['o.code', 'value'])
          .orderBy('o.code')
          .execute();
        return {
          groupBy,
          measure: sumDef ? `sum of ${sumField}` : 'count',
          cells: rows.map((x) => ({ ...x, measure: Number(x.measure) })),
        };
      },
    );

    r.get(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: `One ${kind.label.toLowerCase()}: data, marking, history, comments, abilities`,
          params: idParams,
        },
      },
      async (req) => {
        const a = req.actor;
        const row = await db
          .selectFrom('registry_records as r')
          .innerJoin('organisations as o', 'o.id', 'r.owner_org_id')
          .select([...META_COLUMNS])
          .where('r.kind', '=', kind.name)
          .where('r.id', '=', req.params.id)
          .executeTakeFirst();
        if (!row) throw notFound();
        const rec = (await recipientsByRecord(db, kind.name, [row.id])).get(row.id) ?? [];
        const shown = present(a, kind, row, rec);
        if (!shown.abilities.read) throw notFound();
        const [versions, comments] = await Promise.all([
          db
            .selectFrom('registry_versions as v')
            .innerJoin('users as u', 'u.id', 'v.changed_by')
            .select([
              'v.version',
              'v.status',
              'v.changed_at',
              'v.note',
              'u.display_name as changed_by',
              'v.data',
            ])
            .where('v.record_id', '=', row.id)
            .orderBy('v.version')
            .execute(),
          db
            .selectFrom('registry_comments as c')
            .innerJoin('users as u', 'u.id', 'c.author_id')
            .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
            .select([
              'c.id',
              'c.kind',
              'c.body',
              'c.created_at',
              'u.display_name as author',
              'o.code as organisation',
            ])
            .where('c.record_id', '=', row.id)
            .orderBy('c.created_at')
            .execute(),
        ]);
        // History: each version with the fields it changed (owner-only fields hidden from others).
        const history = versions.map((v, i) => {
          const prev = i > 0 ? (versions[i - 1]!.data as Record<string, unknown>) : null;
          const diff = dataDiff(prev, v.data as Record<string, unknown>);
          if (!shown.abilities.restrictedFields)
            for (const f of Object.keys(diff)) if (kind.fields[f]?.visibleTo) delete diff[f];
          return {
            version: v.version,
            status: v.status,
            changedAt: v.changed_at,
            changedBy: v.changed_by,
            note: v.note,
            changes: diff,
          };
        });
        return { ...shown, history, comments };
      },
    );

    const createBody = z.strictObject({
      data: z.record(z.string(), z.unknown()),
      marking: markingBody.partial().optional(),
      language: z.enum(EU_LANGUAGES).optional(),
      publish: z.boolean().optional(),
    });
    r.post(
      base,
      {
        schema: {
          tags,
          summary: `Create a ${kind.label.toLowerCase()} (draft, or published at once where no second person must approve)`,
          body: createBody,
        },
      },
      async (req, reply) => {
        const a = requireUser(req);
        const out = await change(deps, (trx) =>
          createRecord(trx, a, kind, {
            data: req.body.data,
            marking: req.body.marking,
            language: req.body.language,
            publish: req.body.publish,
          }),
        );
        return reply.status(201).send(out);
      },
    );

    r.put(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: 'Replace the data (a published record gets a corrected version)',
          params: idParams,
          body: z.strictObject({
            data: z.record(z.string(), z.unknown()),
            note: z.string().trim().max(1000).optional(),
          }),
        },
      },
      async (req) => {
        const a = requireUser(req);
        return change(deps, (trx) => updateRecord(trx, a, kind, req.params.id, req.body));
      },
    );

    for (const action of ['submit', 'publish', 'retract'] as const) {
      r.post(
        `${base}/:id/${action}`,
        {
          schema: {
            tags,
            summary: `${action[0]!.toUpperCase()}${action.slice(1)}`,
            params: idParams,
            body: z.strictObject({ note: z.string().trim().min(1).max(1000).optional() }).nullish(),
          },
        },
        async (req) => {
          const a = requireUser(req);
          return change(deps, (trx) => transitionRecord(trx, a, kind, req.params.id, action, req.body?.note));
        },
      );
    }

    r.post(
      `${base}/:id/share`,
      {
        schema: {
          tags,
          summary: 'Change distribution, TLP marking and named recipients (owning organisation only)',
          params: idParams,
          body: markingBody,
        },
      },
      async (req) => {
        const a = requireUser(req);
        return change(deps, (trx) => shareRecord(trx, a, kind, req.params.id, req.body));
      },
    );

    r.post(
      `${base}/:id/comments`,
      {
        schema: {
          tags,
          summary: 'Comment, give feedback or register interest (e.g. in joint procurement)',
          params: idParams,
          body: z.strictObject({
            kind: z.enum(['comment', 'feedback', 'interest']).default('comment'),
            body: z.string().trim().min(1).max(5000),
          }),
        },
      },
      async (req, reply) => {
        const a = requireUser(req);
        const c = await change(deps, (trx) => addComment(trx, a, kind, req.params.id, req.body));
        return reply.status(201).send(c);
      },
    );

    r.get(
      `${base}/:id/abilities`,
      { schema: { tags, summary: 'What I may do with this record', params: idParams } },
      async (req) => {
        const env = await authoriseRecord(db, req.actor, kind, req.params.id, 'read');
        return recordAbilities(req.actor, env, kind);
      },
    );
  }
}
