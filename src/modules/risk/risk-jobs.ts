import { createHash } from 'node:crypto';
import { setImmediate as yieldLoop } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { z } from 'zod';
import { riskDatasetPolicy } from '../../access/risk-policy.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { DATE_FORMATS, type DialectOverrides, ENCODINGS } from '../../engines/risk/dialect.ts';
import { compileMapping, type Mapping, ROLES } from '../../engines/risk/mapping.ts';
import { type JobContext, JobFailedError, type JobKind } from '../../jobs/job-types.ts';
import {
  applyMandatorySources,
  type MandatoryDeclaration,
  mandatorySourceNames,
} from './mandatory-sources.ts';
import { readableRuleSet } from './risk-rules.ts';
import {
  activateModel,
  compatibleMappings,
  datasetChunks,
  insertModel,
  recomputeBatchStats,
  storeDataset,
} from './risk-service.ts';
import { type DatasetPart, decodeChunk, type TASKS, type TaskName } from './risk-tasks.ts';
import { runRiskTask, TaskError } from './risk-worker.ts';

export const mappingSchema = z.strictObject({
  format: z.literal('eucab-risk-mapping').default('eucab-risk-mapping'),
  version: z.literal(1).default(1),
  columns: z.record(z.string().max(200), z.enum(ROLES)),
});

/** Overrides of a file's detected dialect (the upload form's encoding, delimiter, decimal and date fields). */
export const dialectSchema = z.strictObject({
  encoding: z.enum(ENCODINGS).optional(),
  delimiter: z.enum(['comma', 'semicolon', 'tab', 'pipe']).optional(),
  decimal: z.enum(['.', ',']).optional(),
  dateFormat: z.enum(DATE_FORMATS).optional(),
});

const budgetSchema = z.union([
  z.strictObject({ percent: z.number().gt(0).max(100) }),
  z.strictObject({ k: z.number().int().min(1).max(1_000_000) }),
]);

function guard(ctx: JobContext<unknown>) {
  if (!riskDatasetPolicy.abilities(ctx.actor, { organisation_id: ctx.organisationId }).change)
    throw new JobFailedError('Only a risk analyst of the administration may run this job.');
}

/** Failures inside the worker are the analyst's to fix (bad stored rows, too few rows …). */
async function inWorker<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof TaskError) throw new JobFailedError(e.message);
    throw e;
  }
}

/**
 * Runs a risk task in a worker for the job: its progress goes to the job (its heartbeat; a
 * cancelled job's progress rejects and stops the worker), as does the job's abort signal.
 */
function runJobTask<N extends TaskName>(
  ctx: JobContext<unknown>,
  name: N,
  input: Parameters<(typeof TASKS)[N]>[0],
) {
  return inWorker(() => runRiskTask(name, input, { onProgress: (p) => ctx.progress(p), signal: ctx.signal }));
}

/** Reads and checks the job's file against the mapping (every bad cell by line and column). */
function validateJobFile(
  ctx: JobContext<unknown>,
  file: { bytes: Buffer; name: string },
  mapping: Mapping,
  requireLabel: boolean,
  read: { dialect?: DialectOverrides; rename?: Record<string, string> } = {},
) {
  return runJobTask(ctx, 'validateTask', {
    bytes: file.bytes,
    fileName: file.name,
    mapping,
    requireLabel,
    limits: ctx.tableLimits,
    ...read,
  }).then((v) => {
    // A file refused by a limit of the table reader: the limit is the job's failure reason.
    if (v.tableError) throw new JobFailedError(v.tableError.message, v.problems);
    return v;
  });
}

async function requireFile(ctx: JobContext<unknown>) {
  const f = await ctx.file();
  if (!f) throw new JobFailedError('The job has no file.');
  return f;
}

// ---------------------------------------------------------------- upload of a declaration history

export const uploadData = z.strictObject({
  name: z.string().trim().min(1).max(200),
  mapping: mappingSchema,
  dialect: dialectSchema.default({}),
});
export type UploadData = z.infer<typeof uploadData>;

export const riskUploadJob: JobKind<UploadData, { datasetId: string; rows: number; positives: number }> = {
  kind: 'risk.upload',
  parse: (d) => uploadData.parse(d),
  async run(ctx) {
    guard(ctx);
    const done = await ctx.db
      .selectFrom('risk_datasets')
      .select(['id', 'row_count', 'positives'])
      .where(sql<boolean>`report->>'jobId' = ${ctx.jobId}`)
      .executeTakeFirst();
    if (done) return { datasetId: done.id, rows: done.row_count, positives: done.positives };
    const file = await requireFile(ctx);
    const mapping = ctx.data.mapping as Mapping;
    const v = await validateJobFile(ctx, file, mapping, true, { dialect: ctx.data.dialect });
    if (v.problems.length > 0)
      throw new JobFailedError(
        `The file has ${v.problems.length === 100 ? 'at least 100' : v.problems.length} problem(s): nothing was stored.`,
        v.problems,
      );
    await ctx.progress({ done: v.rows, total: v.rows, phase: 'saving' });
    return ctx.db.transaction().execute(async (trx) => {
      const datasetId = await storeDataset(trx, {
        organisationId: ctx.organisationId,
        createdBy: ctx.actor.userId!,
        name: ctx.data.name,
        purpose: 'history',
        file: { name: file.name, sha256: sha256(file.bytes) },
        mapping,
        validated: v,
        report: { jobId: ctx.jobId, problems: [], dialect: v.dialect?.notes ?? [] },
      });
      await recordAudit(trx, ctx.actor, {
        action: 'risk.dataset.upload',
        recordKind: 'risk_dataset',
        recordId: datasetId,
        organisationId: ctx.organisationId,
        changes: { name: { after: ctx.data.name }, rows: { after: v.rows }, file: { after: file.name } },
      });
      return { datasetId, rows: v.rows, positives: v.positives };
    });
  },
};

function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

// ---------------------------------------------------------------- training

export const trainData = z.strictObject({
  datasetIds: z.array(z.uuid()).min(1).max(20),
  includeOutcomes: z.boolean().default(true),
  budgetPercent: z.number().gt(0).max(100).default(5),
  explorationShare: z.number().min(0).max(0.5).default(0.1),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
  activate: z.boolean().default(true),
  /** Number of trees (default 300): fewer for quick demos and tests. */
  trees: z.number().int().min(10).max(1000).optional(),
  /**
   * Columns to keep although the leakage guard finds that they alone nearly decide the label
   * (explicit override, recorded in the audit event).
   */
  allowLeakyColumns: z.array(z.string().min(1).max(200)).max(50).default([]),
});
export type TrainData = z.infer<typeof trainData>;

export const riskTrainJob: JobKind<TrainData, { modelId: string; version: number }> = {
  kind: 'risk.train',
  parse: (d) => trainData.parse(d),
  async run(ctx) {
    guard(ctx);
    const done = await ctx.db
      .selectFrom('risk_models')
      .select(['id', 'version'])
      .where(sql<boolean>`settings->>'jobId' = ${ctx.jobId}`)
      .executeTakeFirst();
    if (done) return { modelId: done.id, version: done.version };
    const d = ctx.data;
    const datasets = await ctx.db
      .selectFrom('risk_datasets')
      .select(['id', 'header', 'mapping', 'purpose'])
      .where('organisation_id', '=', ctx.organisationId)
      .where('id', 'in', d.datasetIds)
      .execute();
    const ordered = d.datasetIds.map((id) => datasets.find((x) => x.id === id));
    if (ordered.some((x) => x?.purpose !== 'history'))
      throw new JobFailedError('A chosen dataset does not exist any more or is not a declaration history.');
    const first = ordered[0]!;
    const mapping = first.mapping as Mapping;
    const problems = compatibleMappings(
      mapping,
      ordered.slice(1).map((x) => x!.mapping as Mapping),
    );
    if (problems.length)
      throw new JobFailedError(`The datasets are mapped differently: ${problems.join('; ')}`);
    await ctx.progress({ done: 0, total: null, phase: 'reading' });
    const parts: DatasetPart[] = [];
    for (const ds of ordered) parts.push({ header: ds!.header, chunks: await datasetChunks(ctx.db, ds!.id) });
    const batchIds: string[] = [];
    if (d.includeOutcomes) {
      const batches = await ctx.db
        .selectFrom('risk_batches as b')
        .innerJoin('risk_datasets as ds', 'ds.id', 'b.dataset_id')
        .select(['b.id', 'b.dataset_id', 'ds.header'])
        .where('b.organisation_id', '=', ctx.organisationId)
        .where('b.outcomes_count', '>', 0)
        .orderBy('b.created_at')
        .execute();
      for (const b of batches) {
        const outcomes = await ctx.db
          .selectFrom('risk_outcomes')
          .select(['declaration_id', 'fraud', 'revenue'])
          .where('batch_id', '=', b.id)
          .execute();
        parts.push({
          header: b.header,
          chunks: await datasetChunks(ctx.db, b.dataset_id),
          outcomes: outcomes.map((o) => [o.declaration_id, o.fraud ? 1 : 0, o.revenue]),
        });
        batchIds.push(b.id);
      }
    }
    const rules = await readableRuleSet(ctx.db, ctx.actor);
    const res = await runJobTask(ctx, 'trainTask', {
      mapping,
      header: first.header,
      parts,
      seed: d.seed,
      rules: rules.ruleSet,
      holdout: 0.2,
      allowLeaky: d.allowLeakyColumns,
      ...(d.trees ? { nTrees: d.trees } : {}),
    });
    return ctx.db.transaction().execute(async (trx) => {
      // one version sequence per organisation (the unique index refuses a concurrent duplicate)
      const last = await trx
        .selectFrom('risk_models')
        .select((eb) => eb.fn.max('version').as('v'))
        .where('organisation_id', '=', ctx.organisationId)
        .executeTakeFirst();
      const version = Number(last?.v ?? 0) + 1;
      const m = await insertModel(trx, {
        organisationId: ctx.organisationId,
        createdBy: ctx.actor.userId!,
        version,
        trained: res,
        mapping: res.mapping,
        header: first.header,
        settings: {
          jobId: ctx.jobId,
          budgetPercent: d.budgetPercent,
          explorationShare: d.explorationShare,
          seed: d.seed,
          trees: d.trees ?? 300,
        },
        trainedOn: {
          datasetIds: d.datasetIds,
          batchIds,
          rules: rules.ruleSet?.rules.map((r) => r.id) ?? [],
          skippedRules: rules.skipped,
        },
      });
      await recordAudit(trx, ctx.actor, {
        action: 'risk.model.train',
        recordKind: 'risk_model',
        recordId: m.id,
        organisationId: ctx.organisationId,
        changes: {
          version: { after: version },
          rows: { after: res.rows },
          datasets: { after: d.datasetIds },
          outcome_batches: { after: batchIds.length },
          leakage_excluded: {
            after: res.metrics.leakage.filter((l) => l.excluded).map((l) => l.column),
          },
          ...(d.allowLeakyColumns.length > 0 ? { leakage_override: { after: d.allowLeakyColumns } } : {}),
        },
      });
      if (d.activate) await activateModel(trx, ctx.actor, m);
      return { modelId: m.id, version };
    });
  },
};

// ---------------------------------------------------------------- scoring a batch

export const scoreData = z.strictObject({
  name: z.string().trim().min(1).max(200),
  modelId: z.uuid(),
  mapping: mappingSchema,
  dialect: dialectSchema.default({}),
  /** File column → the model's column name (a batch mapped differently is stored under the model's names). */
  rename: z.record(z.string().max(200), z.string().max(200)).default({}),
  budget: budgetSchema,
  explorationShare: z.number().min(0).max(0.5),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
});
export type ScoreData = z.infer<typeof scoreData>;

const PARTY_ROLES = ['importer', 'exporter', 'consignor', 'consignee', 'declarant'] as const;
const COUNTRY_ROLES = ['origin', 'departure', 'destination'] as const;

/** Runs the registered mandatory sources over stored rows, chunk by chunk, yielding between chunks. */
async function mandatoryHits(
  ctx: JobContext<unknown>,
  header: string[],
  mapping: Mapping,
  chunks: Uint8Array[],
) {
  const out: Record<string, string[]> = {};
  if (mandatorySourceNames().length === 0) return out;
  const cols = compileMapping(mapping, header);
  for (const chunk of chunks) {
    const decls: MandatoryDeclaration[] = decodeChunk(chunk).map((row) => {
      const roles: Record<string, string> = {};
      for (const c of cols) roles[c.field] = (row[c.index] ?? '').trim();
      const parties: MandatoryDeclaration['parties'] = {};
      for (const r of PARTY_ROLES) if (roles[r]) parties[r] = roles[r];
      const countries: MandatoryDeclaration['countries'] = {};
      for (const r of COUNTRY_ROLES) if (roles[r]) countries[r] = roles[r];
      return {
        id: roles.id ?? '',
        date: roles.date ? roles.date.slice(0, 10) : null,
        direction: roles.direction || null,
        hs: roles.hs ? roles.hs.replace(/[\s.]/g, '') : null,
        countries,
        parties,
        roles,
      };
    });
    const hits = await applyMandatorySources(ctx.db, ctx.organisationId, decls);
    for (const [id, reasons] of hits) out[id] = reasons;
    await yieldLoop();
  }
  return out;
}

export const riskScoreJob: JobKind<ScoreData, { batchId: string; rows: number; selected: number }> = {
  kind: 'risk.score',
  parse: (d) => scoreData.parse(d),
  async run(ctx) {
    guard(ctx);
    const done = await ctx.db
      .selectFrom('risk_batches')
      .select(['id', 'row_count', 'selected_count'])
      .where(sql<boolean>`settings->>'jobId' = ${ctx.jobId}`)
      .executeTakeFirst();
    if (done) return { batchId: done.id, rows: done.row_count, selected: done.selected_count };
    const d = ctx.data;
    const model = await ctx.db
      .selectFrom('risk_models')
      .select(['id', 'version', 'document'])
      .where('id', '=', d.modelId)
      .where('organisation_id', '=', ctx.organisationId)
      .executeTakeFirst();
    if (!model) throw new JobFailedError('The model does not exist any more.');
    const file = await requireFile(ctx);
    const mapping = d.mapping as Mapping;
    const v = await validateJobFile(ctx, file, mapping, false, { dialect: d.dialect, rename: d.rename });
    if (v.problems.length > 0)
      throw new JobFailedError(`The batch file has problems: nothing was scored or stored.`, v.problems);
    await ctx.progress({ done: 0, total: v.rows, phase: 'screening' });
    const mandatory = await mandatoryHits(ctx, v.header, mapping, v.chunks);
    const scored = await runJobTask(ctx, 'scoreTask', {
      document: model.document,
      header: v.header,
      mapping,
      chunks: v.chunks,
      budget: d.budget,
      explorationShare: d.explorationShare,
      seed: d.seed,
      mandatory,
      topK: 5,
    });
    await ctx.progress({ done: v.rows, total: v.rows, phase: 'saving' });
    return ctx.db.transaction().execute(async (trx) => {
      const datasetId = await storeDataset(trx, {
        organisationId: ctx.organisationId,
        createdBy: ctx.actor.userId!,
        name: d.name,
        purpose: 'batch',
        file: { name: file.name, sha256: sha256(file.bytes) },
        mapping,
        validated: v,
        report: { jobId: ctx.jobId, dialect: v.dialect?.notes ?? [] },
      });
      const b = await trx
        .insertInto('risk_batches')
        .values({
          organisation_id: ctx.organisationId,
          name: d.name,
          dataset_id: datasetId,
          model_id: model.id,
          model_version: model.version,
          settings: JSON.stringify({
            jobId: ctx.jobId,
            budget: d.budget,
            explorationShare: d.explorationShare,
            seed: d.seed,
            k: scored.k,
            mandatorySources: mandatorySourceNames(),
          }),
          row_count: scored.rows,
          selected_count: scored.selected.length,
          mandatory_count: scored.mandatoryCount,
          explore_count: scored.exploreCount,
          created_by: ctx.actor.userId!,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (let i = 0; i < scored.selected.length; i += 1000) {
        await trx
          .insertInto('risk_selections')
          .values(
            scored.selected.slice(i, i + 1000).map((s) => ({
              batch_id: b.id,
              organisation_id: ctx.organisationId,
              rank: s.rank,
              declaration_id: s.id,
              reason: s.reason,
              score: s.score,
              probability: s.probability,
              base: s.base,
              contributions: JSON.stringify(s.contributions),
              rest: s.rest,
              rule_hits: JSON.stringify(s.ruleHits),
              mandatory_reasons: JSON.stringify(s.mandatoryReasons),
            })),
          )
          .execute();
      }
      await recordAudit(trx, ctx.actor, {
        action: 'risk.batch.score',
        recordKind: 'risk_batch',
        recordId: b.id,
        organisationId: ctx.organisationId,
        changes: {
          name: { after: d.name },
          rows: { after: scored.rows },
          selected: { after: scored.selected.length },
          mandatory: { after: scored.mandatoryCount },
          model_version: { after: model.version },
        },
      });
      return { batchId: b.id, rows: scored.rows, selected: scored.selected.length };
    });
  },
};

// ---------------------------------------------------------------- outcomes of a batch

export const outcomesData = z.strictObject({ batchId: z.uuid() });
export type OutcomesData = z.infer<typeof outcomesData>;

export interface OutcomesResult {
  batchId: string;
  matched: number;
  unmatchedCount: number;
  /** The first 500 ids that are not in the batch, with their line. */
  unmatched: Array<{ line: number; id: string }>;
}

export const riskOutcomesJob: JobKind<OutcomesData, OutcomesResult> = {
  kind: 'risk.outcomes',
  parse: (d) => outcomesData.parse(d),
  async run(ctx) {
    guard(ctx);
    const b = await ctx.db
      .selectFrom('risk_batches as b')
      .innerJoin('risk_datasets as d', 'd.id', 'b.dataset_id')
      .select(['b.id', 'b.dataset_id', 'd.header', 'd.mapping'])
      .where('b.id', '=', ctx.data.batchId)
      .where('b.organisation_id', '=', ctx.organisationId)
      .executeTakeFirst();
    if (!b) throw new JobFailedError('The batch does not exist any more.');
    const file = await requireFile(ctx);
    const idColumn = Object.entries((b.mapping as Mapping).columns).find(([, r]) => r === 'id')![0];
    const res = await inWorker(async () =>
      runRiskTask('outcomesTask', {
        bytes: file.bytes,
        fileName: file.name,
        header: b.header,
        idColumn,
        chunks: await datasetChunks(ctx.db, b.dataset_id),
        limits: ctx.tableLimits,
      }),
    );
    if (res.tableError) throw new JobFailedError(res.tableError.message, res.problems);
    if (res.problems.length > 0)
      throw new JobFailedError('The outcomes file has problems: nothing was recorded.', res.problems);
    if (res.matched.length === 0)
      throw new JobFailedError(
        `None of the ${res.unmatched.length} ids is a declaration of this batch: nothing was recorded.`,
        res.unmatched
          .slice(0, 100)
          .map((u) => ({ line: u.line, column: 'id', reason: `"${u.id}" is not in the batch` })),
      );
    await ctx.db.transaction().execute(async (trx) => {
      for (let i = 0; i < res.matched.length; i += 1000) {
        await trx
          .insertInto('risk_outcomes')
          .values(
            res.matched.slice(i, i + 1000).map(([id, fraud, revenue]) => ({
              batch_id: b.id,
              organisation_id: ctx.organisationId,
              declaration_id: id,
              fraud: fraud === 1,
              revenue,
              recorded_by: ctx.actor.userId!,
            })),
          )
          .onConflict((oc) =>
            oc.columns(['batch_id', 'declaration_id']).doUpdateSet((eb) => ({
              fraud: eb.ref('excluded.fraud'),
              revenue: eb.ref('excluded.revenue'),
              recorded_by: eb.ref('excluded.recorded_by'),
              recorded_at: sql`now()`,
            })),
          )
          .execute();
      }
      await recomputeBatchStats(trx, b.id);
      await recordAudit(trx, ctx.actor, {
        action: 'risk.outcomes.upload',
        recordKind: 'risk_batch',
        recordId: b.id,
        organisationId: ctx.organisationId,
        changes: {
          matched: { after: res.matched.length },
          unmatched: { after: res.unmatched.length },
          file: { after: file.name },
        },
      });
    });
    return {
      batchId: b.id,
      matched: res.matched.length,
      unmatchedCount: res.unmatched.length,
      unmatched: res.unmatched.slice(0, 500),
    };
  },
};

export const RISK_JOB_KINDS = [riskUploadJob, riskTrainJob, riskScoreJob, riskOutcomesJob] as const;

/** Gzip-compressed model document → parsed JSON (for the model detail). */
export function modelDocument(bytes: Buffer): unknown {
  return JSON.parse(gunzipSync(bytes).toString('utf8'));
}
