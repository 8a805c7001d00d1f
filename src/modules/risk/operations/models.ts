import type { Actor } from '../../../access/actor.ts';
import { change } from '../../../core/change.ts';
import type { Database } from '../../../db/connection.ts';
import type { Mapping } from '../../../engines/risk/mapping.ts';
import { badRequest } from '../../../http/errors.ts';
import { enqueueJob } from '../../../jobs/index.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';
import { modelDocument, type TrainData } from '../risk-jobs.ts';
import {
  activateModel,
  compatibleMappings,
  findModel,
  MODEL_COLUMNS,
  readableDatasets,
  readableModels,
} from '../risk-service.ts';
import { iso, mayChange, requireAnalyst } from './analyst.ts';

/**
 * Starts training a model version (job `risk.train`) on the caller's declaration histories, once
 * every dataset is a history of theirs and all are mapped alike.
 */
export async function trainModel(deps: AppDeps, actor: Actor, input: TrainData) {
  const a = requireAnalyst(actor, true);
  const ds = await readableDatasets(deps.db, a)
    .select(['d.id', 'd.purpose', 'd.mapping'])
    .where('d.id', 'in', input.datasetIds)
    .execute();
  const ordered = input.datasetIds.map((id) => ds.find((d) => d.id === id));
  const bad = input.datasetIds.filter((_, i) => !ordered[i] || ordered[i]!.purpose !== 'history');
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
  const job = await enqueueJob(deps, a, { kind: 'risk.train', data: input });
  return { jobId: job.id };
}

/** The model versions of the caller's administration, newest first; the active one is marked. */
export async function listModels(db: Database, actor: Actor) {
  const a = requireAnalyst(actor, false);
  const rows = await readableModels(db, a).select(MODEL_COLUMNS).orderBy('m.version', 'desc').execute();
  const change = mayChange(a);
  return {
    items: rows.map((m) => ({
      ...m,
      created_at: iso(m.created_at),
      activated_at: iso(m.activated_at),
      abilities: { activate: change && !m.active },
    })),
  };
}

/** One model version (with the engine's model JSON when `document`); 404 when not the caller's. */
export async function getModel(db: Database, actor: Actor, input: { id: string; document: boolean }) {
  const a = requireAnalyst(actor, false);
  const m = await findModel(db, a, input.id);
  const { document, organisation_id: _o, ...rest } = m;
  return {
    ...rest,
    created_at: iso(m.created_at),
    activated_at: iso(m.activated_at),
    abilities: { activate: mayChange(a) && !m.active },
    ...(input.document ? { document: modelDocument(document) } : {}),
  };
}

/** Makes a version the active model (a rollback when older); audited `risk.model.activate`. */
export async function activateModelVersion(deps: AppDeps, actor: Actor, id: string) {
  const a = requireAnalyst(actor, true);
  const m = await findModel(deps.db, a, id);
  await change(deps, (trx) => activateModel(trx, a, m));
  return { id: m.id, version: m.version, active: true };
}
