import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Actor, isUser } from '../../access/actor.ts';
import { canChangeRisk, canReadRisk, riskAbilities } from '../../access/risk-policy.ts';
import { change } from '../../core/change.ts';
import { neutraliseCell } from '../../core/export-safety.ts';
import { TableError, type TableLimits, tableLimitsFrom } from '../../core/table-reader/limits.ts';
import { compileMapping, type Mapping, MappingError, proposeMapping } from '../../engines/risk/mapping.ts';
import { badRequest, forbidden, HttpError, unauthorized } from '../../http/errors.ts';
import { tableLimitError } from '../../http/table-errors.ts';
import { enqueueJob } from '../../jobs/index.ts';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { mappingSchema, modelDocument, outcomesData, scoreData, trainData } from './risk-jobs.ts';
import {
  activateModel,
  BATCH_COLUMNS,
  batchMapping,
  compatibleMappings,
  DATASET_COLUMNS,
  findBatch,
  findDataset,
  findModel,
  hitRate,
  MODEL_COLUMNS,
  readableBatches,
  readableDatasets,
  readableModels,
} from './risk-service.ts';
import { runRiskTask, TaskError } from './risk-worker.ts';

const idParams = z.strictObject({ id: z.uuid() });
const accepted = z.object({ jobId: z.uuid() });
const FILE_TYPES = /\.(csv|jsonl|ndjson)$/i;

/** Reads a multipart request: text fields and the one file (field "file"), in any order. */
async function readMultipart(req: FastifyRequest, what: string) {
  if (!req.isMultipart())
    throw new HttpError(
      415,
      'Unsupported media type',
      `Upload the ${what} as multipart/form-data in a field named "file".`,
    );
  const fields: Record<string, string> = {};
  let file: { name: string; bytes: Buffer; contentType: string } | null = null;
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') {
        await part.toBuffer();
        continue;
      }
      file = {
        name: part.filename || 'upload.csv',
        bytes: await part.toBuffer(),
        contentType: part.mimetype,
      };
    } else fields[part.fieldname] = String(part.value);
  }
  if (!file || file.bytes.length === 0)
    throw badRequest(`No file: send the ${what} in a field named "file".`, [
      { field: 'file', message: 'missing' },
    ]);
  if (!FILE_TYPES.test(file.name))
    throw badRequest('The file must be CSV (.csv, with a header row) or JSON lines (.jsonl).', [
      { field: 'file', message: 'must end in .csv or .jsonl' },
    ]);
  return { fields, file };
}

function parseField<T>(schema: z.ZodType<T>, raw: unknown, field: string): T {
  const r = schema.safeParse(raw);
  if (!r.success)
    throw badRequest(
      `The field "${field}" is invalid: ${r.error.issues.map((i) => `${i.path.join('.') || field}: ${i.message}`).join('; ')}`,
      [{ field, message: r.error.issues[0]?.message ?? 'invalid' }],
    );
  return r.data;
}

function jsonField(raw: string | undefined, field: string): unknown {
  if (raw === undefined)
    throw badRequest(`The field "${field}" is required.`, [{ field, message: 'required' }]);
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest(`The field "${field}" must be JSON.`, [{ field, message: 'not JSON' }]);
  }
}

function requireAnalyst(req: FastifyRequest, write: boolean): Actor & { userId: string; orgId: string } {
  const a = requireUser(req);
  const ok = write ? canChangeRisk(a, a.orgId) : canReadRisk(a, a.orgId);
  if (!ok)
    throw forbidden(
      write
        ? 'Only risk analysts of a national administration upload, train, score and record outcomes (read-only keys and observers cannot).'
        : 'Risk analysis is open to the risk analysts of a national administration only.',
    );
  return a;
}

async function sampleOf(file: { name: string; bytes: Buffer }, n: number, limits: TableLimits) {
  try {
    const s = await runRiskTask('sampleTask', { bytes: file.bytes, fileName: file.name, n, limits });
    // Refused by a limit of the table reader (TABLE_MAX_*): 413 / 422 naming it.
    if (s.tableError) throw tableLimitError(TableError.fromData(s.tableError));
    if (s.header.length === 0)
      throw badRequest('The file is empty (no header row).', [{ field: 'file', message: 'empty' }]);
    return s;
  } catch (e) {
    if (e instanceof TaskError)
      throw badRequest(`The file cannot be read: ${e.message}`, [{ field: 'file', message: e.message }]);
    throw e;
  }
}

function mappingProblems(mapping: Mapping, header: string[], requireLabel: boolean) {
  try {
    compileMapping(mapping, header, { requireLabel });
  } catch (e) {
    if (e instanceof MappingError)
      throw badRequest(
        `The mapping does not fit the file: ${e.problems.join('; ')}`,
        e.problems.map((p) => ({ field: 'mapping', message: p })),
      );
    throw e;
  }
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Routes of the risk analysis area (tag `risk`). */
export async function riskRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get(
    '/risk/abilities',
    {
      schema: {
        tags: ['risk'],
        summary: 'What the caller may do in risk analysis (the web app shows the area from this)',
        response: { 200: z.object({ use: z.boolean(), change: z.boolean() }) },
      },
    },
    async (req) => {
      if (!isUser(req.actor)) throw unauthorized();
      return riskAbilities(req.actor);
    },
  );

  r.post(
    '/risk/mapping-proposal',
    {
      config: { scope: 'read' },
      schema: {
        tags: ['risk'],
        summary: 'Propose a column → role mapping for a declaration file (multipart field "file")',
        description:
          "Reads the header and up to 1,000 rows and returns the engine's proposal with the reason for each role, plus 5 sample rows. Nothing is stored.",
      },
    },
    async (req) => {
      requireAnalyst(req, false); // a query: nothing is stored
      const { file } = await readMultipart(req, 'declaration file');
      const s = await sampleOf(file, 1000, tableLimitsFrom(deps.config));
      const p = proposeMapping(s.header, s.rows);
      return { header: s.header, sample: s.rows.slice(0, 5), mapping: p.mapping, inferred: p.inferred };
    },
  );

  r.post(
    '/risk/datasets',
    {
      schema: {
        tags: ['risk'],
        summary:
          'Upload a declaration history (multipart: file, name, mapping as JSON) — validated and stored by a background job',
        description:
          'Every column needs a role (`ignore` to skip), one column is the id and one the label (fraud 0/1). The job reports every bad row as line/column/reason and stores nothing then.',
        response: { 202: accepted },
      },
    },
    async (req, reply) => {
      const a = requireAnalyst(req, true);
      const { fields, file } = await readMultipart(req, 'declaration history');
      const name = parseField(z.string().trim().min(1).max(200), fields.name ?? file.name, 'name');
      const mapping = parseField(mappingSchema, jsonField(fields.mapping, 'mapping'), 'mapping') as Mapping;
      const s = await sampleOf(file, 1, tableLimitsFrom(deps.config));
      mappingProblems(mapping, s.header, true);
      const job = await enqueueJob(deps, a, { kind: 'risk.upload', data: { name, mapping }, file });
      return reply.code(202).send({ jobId: job.id });
    },
  );

  r.get(
    '/risk/datasets',
    {
      schema: {
        tags: ['risk'],
        summary: 'Declaration datasets of my administration (histories and scored batches)',
      },
    },
    async (req) => {
      requireAnalyst(req, false);
      const rows = await readableDatasets(db, req.actor)
        .select([...DATASET_COLUMNS, 'd.mapping', 'd.header'])
        .orderBy('d.created_at', 'desc')
        .limit(500)
        .execute();
      return { items: rows.map((d) => ({ ...d, created_at: iso(d.created_at) })) };
    },
  );

  r.get(
    '/risk/datasets/:id',
    {
      schema: {
        tags: ['risk'],
        summary: 'One dataset: mapping, counts, validation report',
        params: idParams,
      },
    },
    async (req) => {
      requireAnalyst(req, false);
      const d = await findDataset(db, req.actor, req.params.id);
      const { report, ...rest } = d;
      return { ...rest, created_at: iso(d.created_at), report };
    },
  );

  r.post(
    '/risk/models/train',
    {
      schema: {
        tags: ['risk'],
        summary: 'Train a new model version (background job in a worker thread)',
        description:
          'On the chosen histories plus, when includeOutcomes, the fed-back outcomes of every scored batch; with the rules, reference tables and party lists the caller may read in the registry (published). The most recent 20 % of rows are held out to measure AUC and precision / recall at 1, 2, 5, 10 %; the stored model is then trained on all rows. The new version becomes active unless activate is false.',
        body: trainData,
        response: { 202: accepted },
      },
    },
    async (req, reply) => {
      const a = requireAnalyst(req, true);
      const ds = await readableDatasets(db, a)
        .select(['d.id', 'd.purpose', 'd.mapping'])
        .where('d.id', 'in', req.body.datasetIds)
        .execute();
      const ordered = req.body.datasetIds.map((id) => ds.find((d) => d.id === id));
      const bad = req.body.datasetIds.filter((_, i) => !ordered[i] || ordered[i]!.purpose !== 'history');
      if (bad.length)
        throw badRequest(
          `Not a declaration history of your administration: ${bad.join(', ')}.`,
          bad.map(() => ({ field: 'body.datasetIds', message: 'not a history dataset of yours' })),
        );
      const problems = compatibleMappings(
        ordered[0]!.mapping as Mapping,
        ordered.slice(1).map((d) => d!.mapping as Mapping),
      );
      if (problems.length)
        throw badRequest(`The datasets are mapped differently: ${problems.join('; ')}`, [
          { field: 'body.datasetIds', message: 'incompatible mappings' },
        ]);
      const job = await enqueueJob(deps, a, { kind: 'risk.train', data: req.body });
      return reply.code(202).send({ jobId: job.id });
    },
  );

  r.get(
    '/risk/models',
    {
      schema: {
        tags: ['risk'],
        summary: 'Model versions of my administration, newest first; the active one is marked',
      },
    },
    async (req) => {
      const a = requireAnalyst(req, false);
      const rows = await readableModels(db, a).select(MODEL_COLUMNS).orderBy('m.version', 'desc').execute();
      const change = canChangeRisk(a, a.orgId);
      return {
        items: rows.map((m) => ({
          ...m,
          created_at: iso(m.created_at),
          activated_at: iso(m.activated_at),
          abilities: { activate: change && !m.active },
        })),
      };
    },
  );

  r.get(
    '/risk/models/:id',
    {
      schema: {
        tags: ['risk'],
        summary:
          "One model version: metrics, indicator and rule importance (add ?document=true for the engine's model JSON)",
        params: idParams,
        querystring: z.strictObject({ document: z.enum(['true', 'false']).default('false') }),
      },
    },
    async (req) => {
      const a = requireAnalyst(req, false);
      const m = await findModel(db, a, req.params.id);
      const { document, organisation_id: _o, ...rest } = m;
      return {
        ...rest,
        created_at: iso(m.created_at),
        activated_at: iso(m.activated_at),
        abilities: { activate: canChangeRisk(a, a.orgId) && !m.active },
        ...(req.query.document === 'true' ? { document: modelDocument(document) } : {}),
      };
    },
  );

  r.post(
    '/risk/models/:id/activate',
    {
      schema: {
        tags: ['risk'],
        summary: 'Make this version the active model (rollback to an older one); audited',
        params: idParams,
      },
    },
    async (req) => {
      const a = requireAnalyst(req, true);
      const m = await findModel(db, a, req.params.id);
      await change(deps, (trx) => activateModel(trx, a, m));
      return { id: m.id, version: m.version, active: true };
    },
  );

  r.post(
    '/risk/batches',
    {
      schema: {
        tags: ['risk'],
        summary:
          'Score a batch of new declarations with the active model (multipart: file, name, budgetPercent or budgetK, explorationShare, seed) — background job',
        description:
          'The file uses the same columns as the history (an outcome column, if present, is ignored). The selection: mandatory hits (mandatory rules and registered sources such as sanctions screening) outside the budget, then the highest scores, and an exploration share of the budget for declarations the model is least sure about. Each selected declaration carries its explanation (base + contributions = score).',
        response: { 202: accepted },
      },
    },
    async (req, reply) => {
      const a = requireAnalyst(req, true);
      const { fields, file } = await readMultipart(req, 'batch file');
      const model = await readableModels(db, a)
        .select(['m.id', 'm.mapping', 'm.settings'])
        .where('m.active', '=', true)
        .executeTakeFirst();
      if (!model) throw badRequest('Train a model first: your administration has no active model.');
      const settings = model.settings as { budgetPercent?: number; explorationShare?: number; seed?: number };
      const num = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number(v));
      const budgetK = num(fields.budgetK);
      const budget =
        budgetK !== undefined
          ? { k: budgetK }
          : { percent: num(fields.budgetPercent) ?? settings.budgetPercent ?? 5 };
      const s = await sampleOf(file, 1, tableLimitsFrom(deps.config));
      const mapping = batchMapping(model.mapping as Mapping, s.header);
      const data = parseField(
        scoreData,
        {
          name: fields.name ?? file.name,
          modelId: model.id,
          mapping,
          budget,
          explorationShare: num(fields.explorationShare) ?? settings.explorationShare ?? 0.1,
          seed: num(fields.seed) ?? settings.seed ?? 1,
        },
        'fields',
      );
      const job = await enqueueJob(deps, a, { kind: 'risk.score', data, file });
      return reply.code(202).send({ jobId: job.id });
    },
  );

  r.get(
    '/risk/batches',
    {
      schema: {
        tags: ['risk'],
        summary:
          'Scored batches of my administration, oldest first, with the hit rate of each selection (the history)',
      },
    },
    async (req) => {
      const a = requireAnalyst(req, false);
      const rows = await readableBatches(db, a)
        .select(BATCH_COLUMNS)
        .orderBy('b.created_at', 'asc')
        .execute();
      return {
        items: rows.map((b) => ({
          ...b,
          hit_rate: hitRate(b),
          created_at: iso(b.created_at),
          outcomes_at: iso(b.outcomes_at),
        })),
      };
    },
  );

  r.get(
    '/risk/batches/:id',
    {
      schema: {
        tags: ['risk'],
        summary: 'One scored batch and its selection in rank order, each with its explanation and outcome',
        params: idParams,
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(5000).default(500),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (req) => {
      const a = requireAnalyst(req, false);
      const b = await findBatch(db, a, req.params.id);
      const selection = await selectionRows(a, b.id, req.query.limit, req.query.offset);
      const { organisation_id: _o, ...rest } = b;
      return {
        ...rest,
        hit_rate: hitRate(b),
        created_at: iso(b.created_at),
        outcomes_at: iso(b.outcomes_at),
        selection,
        abilities: { outcomes: canChangeRisk(a, a.orgId), download: true },
      };
    },
  );

  async function selectionRows(a: Actor, batchId: string, limit: number, offset: number) {
    const rows = await db
      .selectFrom('risk_selections as s')
      .leftJoin('risk_outcomes as o', (j) =>
        j.onRef('o.batch_id', '=', 's.batch_id').onRef('o.declaration_id', '=', 's.declaration_id'),
      )
      .where('s.batch_id', 'in', readableBatches(db, a).select('b.id').where('b.id', '=', batchId))
      .select([
        's.rank',
        's.declaration_id',
        's.reason',
        's.score',
        's.probability',
        's.base',
        's.contributions',
        's.rest',
        's.rule_hits',
        's.mandatory_reasons',
        'o.fraud',
        'o.revenue',
      ])
      .orderBy('s.rank')
      .limit(limit)
      .offset(offset)
      .execute();
    return rows;
  }

  const EXPORT_HEADER = [
    'rank',
    'declaration_id',
    'reason',
    'score',
    'probability',
    'base',
    'contribution_1',
    'value_1',
    'contribution_2',
    'value_2',
    'contribution_3',
    'value_3',
    'contribution_4',
    'value_4',
    'contribution_5',
    'value_5',
    'other_contributions',
    'rule_hits',
    'mandatory_reasons',
    'explanation',
  ];

  /** One export row: numbers stay numbers; every text cell is neutralised against formula injection. */
  function exportRow(s: Awaited<ReturnType<typeof selectionRows>>[number]): Array<string | number> {
    const contributions = s.contributions as Array<{ name: string; value: number }>;
    const cells: Array<string | number> = [
      s.rank,
      neutraliseCell(s.declaration_id),
      s.reason,
      s.score,
      s.probability,
      s.base,
    ];
    for (let i = 0; i < 5; i++) {
      const c = contributions[i];
      cells.push(c ? neutraliseCell(c.name) : '', c ? c.value : '');
    }
    const fmt = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;
    cells.push(
      s.rest,
      neutraliseCell((s.rule_hits as string[]).join('; ')),
      neutraliseCell((s.mandatory_reasons as string[]).join('; ')),
      neutraliseCell(
        `base ${fmt(s.base)}; ${contributions.map((c) => `${c.name} ${fmt(c.value)}`).join('; ')}${contributions.length ? '; ' : ''}other ${fmt(s.rest)} = score ${s.score.toFixed(3)}`,
      ),
    );
    return cells;
  }

  r.get(
    '/risk/batches/:id/selection.:format',
    {
      schema: {
        tags: ['risk'],
        summary:
          'Download the selection with explanations (CSV or XLSX): base + contributions + other = score',
        params: z.strictObject({ id: z.uuid(), format: z.enum(['csv', 'xlsx']) }),
      },
    },
    async (req, reply) => {
      const a = requireAnalyst(req, false);
      const b = await findBatch(db, a, req.params.id);
      const rows = (await selectionRows(a, b.id, 1_000_000, 0)).map(exportRow);
      const base = `risk-selection-${b.name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60)}`;
      if (req.params.format === 'csv') {
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${base}.csv"`)
          .send(stringify([EXPORT_HEADER, ...rows]));
      }
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Selection');
      ws.addRow(EXPORT_HEADER);
      ws.getRow(1).font = { bold: true };
      for (const row of rows) ws.addRow(row);
      const buf = Buffer.from(await wb.xlsx.writeBuffer());
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${base}.xlsx"`)
        .send(buf);
    },
  );

  r.post(
    '/risk/batches/:id/outcomes',
    {
      schema: {
        tags: ['risk'],
        summary:
          'Feed back control results for a batch (multipart file: id, fraud yes/no, revenue) — background job',
        description:
          'Columns: id (or declaration_id), fraud (yes/no, 1/0), revenue (optional, ≥ 0). Ids not in the batch are reported (not stored); a bad row fails the whole file and nothing is recorded. Uploading again updates the outcomes of the same ids.',
        params: idParams,
        response: { 202: accepted },
      },
    },
    async (req, reply) => {
      const a = requireAnalyst(req, true);
      const b = await findBatch(db, a, req.params.id);
      const { file } = await readMultipart(req, 'outcomes file');
      const data = outcomesData.parse({ batchId: b.id });
      const job = await enqueueJob(deps, a, { kind: 'risk.outcomes', data, file });
      return reply.code(202).send({ jobId: job.id });
    },
  );
}
