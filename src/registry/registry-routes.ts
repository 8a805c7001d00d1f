import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { markingBody } from '../access/marking-schema.ts';
import { checkMarking, EXPORTABLE, IMPORTABLE, TLP_RULES } from '../access/tlp.ts';
import { change } from '../core/change.ts';
import { importStatusView } from '../core/import-job.ts';
import { tableLimitsFrom } from '../core/table-reader/limits.ts';
import type { Tlp } from '../db/schema.ts';
import { badRequest, forbidden, HttpError, notFound } from '../http/errors.ts';
import { isTableLimit, tableLimitError } from '../http/table-errors.ts';
import { readUpload } from '../http/uploads.ts';
import { cancelJob, enqueueJob, getJob } from '../jobs/job-service.ts';
import { requireUser } from '../server/auth-plugin.ts';
import type { AppDeps } from '../server/deps.ts';
import { reviewerIdsSchema } from './approval-schema.ts';
import { approvalSteps, type KindDefinition } from './definition.ts';
import { exportCsv, exportJson, exportXlsx } from './export.ts';
import { describeFields, EU_LANGUAGES } from './field-schema.ts';
import { formatOf, readTable, type Table, TableError } from './import/read-table.ts';
import { analyseImport } from './import/registry-import.ts';
import { registryImportJob } from './import/registry-import-job.ts';
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
import { authoriseCreate, canCreateRecords, recordAbilities } from './registry-policy.ts';

const idParams = z.strictObject({ id: z.uuid() });

/** Imports take the kind's default marking, narrowed where an import cannot carry it (groups, RED recipients). */
function importDistribution(kind: KindDefinition): 'organisation' | 'network' | 'eucab' | 'public' {
  const d = kind.access.distribution;
  return d === 'sharing_group' || d === 'organisations' ? 'organisation' : d;
}
function importTlp(kind: KindDefinition): Tlp {
  return IMPORTABLE.includes(kind.access.tlp) ? kind.access.tlp : IMPORTABLE[IMPORTABLE.length - 1]!;
}
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

/**
 * Query of the statistics endpoint (matrix and map views): group by a filter field or a field a
 * matrix/map view names, optionally sum a number field, narrowed by the list's own filters.
 */
function statsQuery(kind: KindDefinition, lq: ReturnType<typeof listQuery>) {
  const groupable = [
    ...new Set([
      ...kind.filters,
      ...kind.views.flatMap((v) => ((v.type === 'matrix' || v.type === 'map') && v.field ? [v.field] : [])),
    ]),
  ];
  const numeric = Object.keys(kind.fields).filter((f) => kind.fields[f]!.type === 'number');
  return lq.omit({ limit: true, offset: true, sort: true, status: true }).extend({
    groupBy: z.enum(groupable as [string, ...string[]]),
    sumField: numeric.length ? z.enum(numeric as [string, ...string[]]).optional() : z.never().optional(),
  });
}

/** REST endpoints for every registry kind, derived from its definition (no per-kind code). */
export async function registryRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get(
    '/registry',
    { schema: { tags: ['registry'], summary: 'The registry kinds, their fields, filters and views' } },
    async (req) => ({
      // What the caller may do with each kind (the web app shows "New" and "Import" from this).
      kinds: KINDS.map((k) => ({
        ...k,
        fields: describeFields(k),
        abilities: { create: canCreateRecords(req.actor, k), import: canCreateRecords(req.actor, k) },
      })),
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
          .orderBy(sortExpression(kind, sortBy, Boolean(f.q)), sortBy.startsWith('-') ? 'desc' : 'asc')
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
          rows.filter((x) => TLP_RULES[x.tlp].namedRecipientsOnly).map((x) => x.id),
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
          .where('r.tlp', 'in', EXPORTABLE)
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
          querystring: statsQuery(kind, lq),
        },
      },
      async (req) => {
        const a = req.actor;
        const q = req.query as Record<string, unknown> & { groupBy: string; sumField?: string };
        const { groupBy, sumField } = q;
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
        // The same filters as the list (other fields, owner, search): a view can narrow its figures.
        const rows = await readableKindQuery(db, a, kind, { ...splitQuery(kind, q), status: 'published' })
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
            .leftJoin('users as u', 'u.id', 'v.changed_by')
            .select([
              'v.version',
              'v.status',
              'v.changed_at',
              'v.note',
              sql<string>`coalesce(u.display_name, 'EUCAB platform')`.as('changed_by'),
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
      onBehalfOf: z
        .uuid()
        .optional()
        .describe('Platform administrators: the national administration that owns the new record'),
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
            onBehalfOf: req.body.onBehalfOf,
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
            body: z
              .strictObject({
                note: z.string().trim().min(1).max(1000).optional(),
                ...(action === 'submit' ? { reviewerIds: reviewerIdsSchema } : {}),
              })
              .nullish(),
          },
        },
        async (req) => {
          const a = requireUser(req);
          const b = req.body as { note?: string; reviewerIds?: string[] } | null | undefined;
          return change(deps, (trx) =>
            transitionRecord(trx, a, kind, req.params.id, action, b?.note, b?.reviewerIds),
          );
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

    r.post(
      `${base}/import`,
      {
        schema: {
          tags,
          summary: `Import ${kind.labelPlural.toLowerCase()} from CSV, XLSX or JSON (multipart field "file"): dry run, or commit as a background job`,
          description: `Columns are field names (${Object.keys(kind.fields).join(', ')}); list cells separate values with ";", structured cells hold JSON. Rows with the same ${kind.importKey.join(' + ')} as an existing record of your organisation update it. A dry run reports every bad cell (line, column, reason) and how many records would be inserted or updated; a commit with any error writes nothing.`,
          querystring: z.strictObject({
            dryRun: z.enum(['true', 'false']).default('true'),
            publish: z.enum(['true', 'false']).default('false'),
            distribution: z
              .enum(['organisation', 'network', 'eucab', 'public'])
              .default(importDistribution(kind)),
            tlp: z.enum(IMPORTABLE).default(importTlp(kind)),
            language: z.enum(EU_LANGUAGES).default('en'),
          }),
        },
      },
      async (req, reply) => {
        const a = requireUser(req);
        authoriseCreate(a, kind);
        const q = req.query;
        const markingProblem = checkMarking(q.distribution, q.tlp);
        if (markingProblem) throw badRequest(markingProblem);
        if (q.publish === 'true' && approvalSteps(kind).length) {
          throw forbidden(
            `Imported ${kind.labelPlural.toLowerCase()} are published only after a second person approves each.`,
          );
        }
        const file = await readUpload(req, 'file');
        const format = formatOf(file.filename);
        if (!format)
          throw new HttpError(415, 'Unsupported media type', 'Upload a .csv, .xlsx or .json file.');
        let table: Table;
        try {
          // Off the main thread and within the limits (src/core/table-reader).
          table = await readTable(format, file.bytes, tableLimitsFrom(deps.config));
        } catch (e) {
          if (e instanceof TableError && isTableLimit(e)) throw tableLimitError(e);
          if (e instanceof TableError) {
            const errors = [{ line: e.line, column: e.column, reason: e.message }];
            if (q.dryRun === 'true')
              return {
                dryRun: true,
                rows: 0,
                wouldInsert: 0,
                wouldUpdate: 0,
                unchanged: 0,
                errors,
                errorCount: 1,
              };
            return reply.status(422).type('application/problem+json').send({
              type: 'about:blank',
              title: 'Unprocessable file',
              status: 422,
              detail: e.message,
              errors,
              errorCount: 1,
            });
          }
          throw e;
        }
        const analysis = await analyseImport(db, a, kind, table, q.language);
        const report = {
          rows: analysis.rows,
          wouldInsert: analysis.wouldInsert,
          wouldUpdate: analysis.wouldUpdate,
          unchanged: analysis.unchanged,
          errors: analysis.errors.slice(0, 5000),
          errorCount: analysis.errors.length,
        };
        if (q.dryRun === 'true') return { dryRun: true, ...report };
        if (analysis.errors.length) {
          return reply
            .status(422)
            .type('application/problem+json')
            .send({
              type: 'about:blank',
              title: 'Unprocessable file',
              status: 422,
              detail: `${analysis.errors.length} problem(s) in the file: nothing was imported. Fix them and upload again.`,
              ...report,
            });
        }
        const networkId =
          q.distribution === 'network'
            ? (
                await db
                  .selectFrom('networks')
                  .select('id')
                  .where('code', '=', kind.network)
                  .executeTakeFirstOrThrow()
              ).id
            : null;
        const { id: jobId } = await enqueueJob(deps, a, {
          kind: registryImportJob.kind,
          data: {
            kind: kind.name,
            distribution: q.distribution,
            tlp: q.tlp,
            networkId,
            publish: q.publish === 'true',
            language: q.language,
          },
          file: { name: file.filename, bytes: file.bytes, contentType: file.mimetype },
        });
        return reply.status(202).send({ dryRun: false, jobId, ...report });
      },
    );

    /** The import job, if the caller may read it and it imports this kind. */
    const importJob = async (a: Parameters<typeof getJob>[1], id: string) => {
      const job = await getJob(db, a, id);
      const data = await db
        .selectFrom('jobs')
        .select(sql<string>`data->>'kind'`.as('kind'))
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      if (job.kind !== registryImportJob.kind || data.kind !== kind.name) throw notFound();
      return job;
    };

    r.get(
      `${base}/import/:jobId`,
      {
        schema: {
          tags,
          summary: 'Progress of an import (the job, as GET /jobs/:id, in the import status shape)',
          params: z.strictObject({ jobId: z.uuid() }),
        },
      },
      async (req) => {
        const a = requireUser(req);
        return importStatusView(await importJob(a, req.params.jobId));
      },
    );

    r.post(
      `${base}/import/:jobId/cancel`,
      {
        schema: {
          tags,
          summary: 'Cancel an import that is queued or still staging (as POST /jobs/:id/cancel)',
          params: z.strictObject({ jobId: z.uuid() }),
        },
      },
      async (req) => {
        const a = requireUser(req);
        const job = await importJob(a, req.params.jobId);
        await cancelJob(db, a, job.id, deps.jobs);
        return { status: 'cancelled' };
      },
    );

    r.get(
      `${base}/import-template`,
      { schema: { tags, summary: 'An empty CSV with the columns of this kind' } },
      async (_req, reply) => {
        return reply
          .type('text/csv; charset=utf-8')
          .header('Content-Disposition', `attachment; filename="${kind.name}-template.csv"`)
          .send(`${Object.keys(kind.fields).join(',')}\n`);
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
