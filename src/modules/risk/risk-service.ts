import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { riskBatchPolicy, riskDatasetPolicy, riskModelPolicy } from '../../access/risk-policy.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { Trx } from '../../core/context.ts';
import type { Database } from '../../db/connection.ts';
import type { DB } from '../../db/schema.ts';
import type { Mapping, Role } from '../../engines/risk/mapping.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import type { TrainResult, ValidateResult } from './risk-tasks.ts';

/** Every read of risk data starts here: rows of the caller's organisation, and only for its risk analysts. */
export function readableDatasets(db: Kysely<DB>, a: Actor) {
  return db.selectFrom('risk_datasets as d').where(riskDatasetPolicy.readable(a, 'd'));
}
export function readableModels(db: Kysely<DB>, a: Actor) {
  return db.selectFrom('risk_models as m').where(riskModelPolicy.readable(a, 'm'));
}
export function readableBatches(db: Kysely<DB>, a: Actor) {
  return db.selectFrom('risk_batches as b').where(riskBatchPolicy.readable(a, 'b'));
}

export const DATASET_COLUMNS = [
  'd.id',
  'd.name',
  'd.purpose',
  'd.file_name',
  'd.row_count',
  'd.labelled_count',
  'd.positives',
  'd.date_from',
  'd.date_to',
  'd.created_at',
  'd.is_demo',
] as const;

export const MODEL_COLUMNS = [
  'm.id',
  'm.version',
  'm.active',
  'm.settings',
  'm.trained_on',
  'm.training_rows',
  'm.positives',
  'm.metrics',
  'm.created_at',
  'm.activated_at',
  'm.is_demo',
] as const;

export const BATCH_COLUMNS = [
  'b.id',
  'b.name',
  'b.model_id',
  'b.model_version',
  'b.settings',
  'b.row_count',
  'b.selected_count',
  'b.mandatory_count',
  'b.explore_count',
  'b.outcomes_count',
  'b.controlled',
  'b.frauds_found',
  'b.explore_frauds',
  'b.revenue_found',
  'b.outcomes_at',
  'b.created_at',
  'b.is_demo',
] as const;

/** Hit rate of a batch's selection: frauds found among the selected declarations that were controlled. */
export function hitRate(b: { controlled: number; frauds_found: number }): number | null {
  return b.controlled === 0 ? null : b.frauds_found / b.controlled;
}

export async function datasetChunks(db: Kysely<DB>, datasetId: string): Promise<Buffer[]> {
  const rows = await db
    .selectFrom('risk_dataset_chunks')
    .select('rows')
    .where('dataset_id', '=', datasetId)
    .orderBy('chunk_no')
    .execute();
  return rows.map((r) => r.rows);
}

export async function insertChunks(
  trx: Trx,
  datasetId: string,
  organisationId: string,
  chunks: Uint8Array[],
  chunkRows: number[],
): Promise<void> {
  for (let i = 0; i < chunks.length; i += 20) {
    await trx
      .insertInto('risk_dataset_chunks')
      .values(
        chunks.slice(i, i + 20).map((c, j) => ({
          dataset_id: datasetId,
          organisation_id: organisationId,
          chunk_no: i + j,
          row_count: chunkRows[i + j]!,
          rows: Buffer.from(c.buffer, c.byteOffset, c.byteLength),
        })),
      )
      .execute();
  }
}

/**
 * Stores a validated file as a dataset: its row (header, mapping, counts, dates) and its compressed
 * chunks. A declaration history keeps its labelled and positive counts; a batch has none.
 */
export async function storeDataset(
  trx: Trx,
  s: {
    organisationId: string;
    createdBy: string;
    name: string;
    purpose: 'history' | 'batch';
    file: { name: string; sha256: string };
    mapping: Mapping;
    validated: ValidateResult;
    report: unknown;
    isDemo?: boolean;
  },
): Promise<string> {
  const v = s.validated;
  const d = await trx
    .insertInto('risk_datasets')
    .values({
      organisation_id: s.organisationId,
      name: s.name,
      purpose: s.purpose,
      file_name: s.file.name.slice(0, 300),
      file_sha256: s.file.sha256,
      header: JSON.stringify(v.header),
      mapping: JSON.stringify(s.mapping),
      row_count: v.rows,
      ...(s.purpose === 'history' ? { labelled_count: v.labelled, positives: v.positives } : {}),
      date_from: v.dateFrom,
      date_to: v.dateTo,
      report: JSON.stringify(s.report),
      created_by: s.createdBy,
      ...(s.isDemo ? { is_demo: true } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertChunks(trx, d.id, s.organisationId, v.chunks, v.chunkRows);
  return d.id;
}

/** Stores a trained model as the given version of the organisation (not yet active: see activateModel). */
export function insertModel(
  trx: Trx,
  s: {
    organisationId: string;
    createdBy: string;
    version: number;
    trained: TrainResult;
    mapping: Mapping;
    header: string[];
    settings: Record<string, unknown>;
    trainedOn: Record<string, unknown>;
    isDemo?: boolean;
  },
) {
  const res = s.trained;
  return trx
    .insertInto('risk_models')
    .values({
      organisation_id: s.organisationId,
      version: s.version,
      document: Buffer.from(res.document.buffer, res.document.byteOffset, res.document.byteLength),
      mapping: JSON.stringify(s.mapping),
      header: JSON.stringify(s.header),
      settings: JSON.stringify(s.settings),
      trained_on: JSON.stringify(s.trainedOn),
      training_rows: res.rows,
      positives: res.positives,
      metrics: JSON.stringify(res.metrics),
      importance: JSON.stringify(res.importance),
      rule_importance: JSON.stringify(res.ruleImportance),
      created_by: s.createdBy,
      ...(s.isDemo ? { is_demo: true } : {}),
    })
    .returning(['id', 'version', 'organisation_id'])
    .executeTakeFirstOrThrow();
}

/** The mapping a scored batch uses: the model's roles for the batch's columns; outcome columns and unknown columns are ignored. */
export function batchMapping(model: Mapping, header: string[]): Mapping {
  const columns: Record<string, Role> = {};
  const missing: string[] = [];
  for (const h of header) {
    const role = model.columns[h];
    columns[h] = !role || role === 'label' || role === 'revenue' ? 'ignore' : role;
  }
  for (const [col, role] of Object.entries(model.columns)) {
    if (role === 'ignore' || role === 'label' || role === 'revenue' || role === 'text') continue;
    if (!header.includes(col)) missing.push(`${col} (${role})`);
  }
  if (missing.length > 0)
    throw badRequest(
      `The batch file lacks columns the active model uses: ${missing.join(', ')}. Use the same columns as the history the model was trained on.`,
      missing.map((m) => ({ field: 'file', message: `missing column ${m}` })),
    );
  return { format: 'eucab-risk-mapping', version: 1, columns };
}

/** Checks that every dataset uses the same role for every column the first one maps (training over several files). */
export function compatibleMappings(first: Mapping, others: Mapping[]): string[] {
  const problems: string[] = [];
  for (const [i, m] of others.entries()) {
    for (const [col, role] of Object.entries(first.columns)) {
      if (role === 'ignore') continue;
      if (m.columns[col] !== role)
        problems.push(
          `dataset ${i + 2}: column "${col}" is ${m.columns[col] ?? 'missing'}, the first dataset has ${role}`,
        );
    }
  }
  return problems;
}

/** Makes a model the organisation's active one (rollback = activating an older version). */
export async function activateModel(
  trx: Trx,
  actor: Actor,
  model: { id: string; version: number; organisation_id: string },
) {
  const prev = await trx
    .selectFrom('risk_models')
    .select(['id', 'version'])
    .where('organisation_id', '=', model.organisation_id)
    .where('active', '=', true)
    .executeTakeFirst();
  if (prev?.id === model.id) return;
  await trx
    .updateTable('risk_models')
    .set({ active: false })
    .where('organisation_id', '=', model.organisation_id)
    .where('active', '=', true)
    .execute();
  await trx
    .updateTable('risk_models')
    .set({ active: true, activated_at: new Date() })
    .where('id', '=', model.id)
    .execute();
  await recordAudit(trx, actor, {
    action: 'risk.model.activate',
    recordKind: 'risk_model',
    recordId: model.id,
    organisationId: model.organisation_id,
    changes: { active_version: { before: prev?.version ?? null, after: model.version } },
  });
}

/** Recomputes a batch's hit-rate figures from its selection and outcomes. */
export async function recomputeBatchStats(trx: Trx, batchId: string): Promise<void> {
  await sql`
UPDATE risk_batches b SET
  outcomes_count = (SELECT count(*) FROM risk_outcomes o WHERE o.batch_id = b.id),
  controlled = (SELECT count(*) FROM risk_selections s JOIN risk_outcomes o
                  ON o.batch_id = s.batch_id AND o.declaration_id = s.declaration_id WHERE s.batch_id = b.id),
  frauds_found = (SELECT count(*) FROM risk_selections s JOIN risk_outcomes o
                  ON o.batch_id = s.batch_id AND o.declaration_id = s.declaration_id WHERE s.batch_id = b.id AND o.fraud),
  explore_frauds = (SELECT count(*) FROM risk_selections s JOIN risk_outcomes o
                  ON o.batch_id = s.batch_id AND o.declaration_id = s.declaration_id
                  WHERE s.batch_id = b.id AND o.fraud AND s.reason = 'explore'),
  revenue_found = COALESCE((SELECT sum(o.revenue) FROM risk_selections s JOIN risk_outcomes o
                  ON o.batch_id = s.batch_id AND o.declaration_id = s.declaration_id WHERE s.batch_id = b.id AND o.fraud), 0),
  outcomes_at = now()
WHERE b.id = ${batchId}::uuid`.execute(trx);
}

/** A dataset of the caller's organisation, or 404. */
export async function findDataset(db: Database, a: Actor, id: string) {
  const d = await readableDatasets(db, a).selectAll('d').where('d.id', '=', id).executeTakeFirst();
  if (!d) throw notFound('No such dataset, or it is not yours to see.');
  return d;
}

export async function findModel(db: Database, a: Actor, id: string) {
  const m = await readableModels(db, a).selectAll('m').where('m.id', '=', id).executeTakeFirst();
  if (!m) throw notFound('No such model, or it is not yours to see.');
  return m;
}

export async function findBatch(db: Database, a: Actor, id: string) {
  const b = await readableBatches(db, a).selectAll('b').where('b.id', '=', id).executeTakeFirst();
  if (!b) throw notFound('No such batch, or it is not yours to see.');
  return b;
}
