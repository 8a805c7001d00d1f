import type { Actor } from '../../../access/actor.ts';
import { tableLimitsFrom } from '../../../core/table-reader/limits.ts';
import type { Database } from '../../../db/connection.ts';
import { type Mapping, MULTI_ROLES } from '../../../engines/risk/mapping.ts';
import { badRequest } from '../../../http/errors.ts';
import { enqueueJob } from '../../../jobs/index.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';
import { mappingSchema, scoreData } from '../risk-jobs.ts';
import {
  BATCH_COLUMNS,
  batchMapping,
  findBatch,
  hitRate,
  readableBatches,
  readableModels,
} from '../risk-service.ts';
import { iso, mayChange, requireAnalyst } from './analyst.ts';
import {
  checkMapping,
  dialectFields,
  jsonField,
  parseField,
  type ReadUpload,
  sampleOf,
} from './uploaded-file.ts';

/**
 * Starts scoring a batch of new declarations with the active model (job `risk.score`): the file
 * must carry the columns the model uses; budget, exploration share and seed default to the
 * model's settings.
 */
export async function scoreBatch(deps: AppDeps, actor: Actor, input: { upload: ReadUpload }) {
  const a = requireAnalyst(actor, true);
  const { fields, file } = await input.upload('batch file');
  const model = await readableModels(deps.db, a)
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
  const dialect = dialectFields(fields);
  const s = await sampleOf(file, 1, tableLimitsFrom(deps.config), dialect);
  const rename =
    fields.mapping === undefined || fields.mapping === ''
      ? {}
      : renameToModel(
          model.mapping as Mapping,
          parseField(mappingSchema, jsonField(fields.mapping, 'mapping'), 'mapping') as Mapping,
          s.header,
        );
  const mapping = batchMapping(
    model.mapping as Mapping,
    s.header.map((h) => rename[h] ?? h),
  );
  const data = parseField(
    scoreData,
    {
      name: fields.name ?? file.name,
      modelId: model.id,
      mapping,
      dialect,
      rename,
      budget,
      explorationShare: num(fields.explorationShare) ?? settings.explorationShare ?? 0.1,
      seed: num(fields.seed) ?? settings.seed ?? 1,
    },
    'fields',
  );
  const job = await enqueueJob(deps, a, { kind: 'risk.score', data, file });
  return { jobId: job.id };
}

/**
 * The batch's own mapping turned into column renames: a column given a single role (id, date, hs,
 * origin, importer …) is stored under the name the model knows for that role; categorical and
 * numeric columns keep their names (the model knows them by name). 400 when the mapping does not
 * fit the file.
 */
function renameToModel(model: Mapping, given: Mapping, header: string[]): Record<string, string> {
  checkMapping(given, header, false);
  const byRole = new Map<string, string>();
  for (const [col, role] of Object.entries(model.columns))
    if (!MULTI_ROLES.has(role) && role !== 'label' && role !== 'revenue') byRole.set(role, col);
  const rename: Record<string, string> = {};
  for (const [col, role] of Object.entries(given.columns)) {
    const target = byRole.get(role);
    if (target && target !== col) rename[col] = target;
  }
  // a column that already carries a target name but has another role is set aside
  const targets = new Set(Object.values(rename));
  for (const h of header) if (targets.has(h) && !(h in rename)) rename[h] = `${h} (not used)`;
  return rename;
}

/** The scored batches of the caller's administration, oldest first, with each selection's hit rate. */
export async function listBatches(db: Database, actor: Actor) {
  const a = requireAnalyst(actor, false);
  const rows = await readableBatches(db, a).select(BATCH_COLUMNS).orderBy('b.created_at', 'asc').execute();
  return {
    items: rows.map((b) => ({
      ...b,
      hit_rate: hitRate(b),
      created_at: iso(b.created_at),
      outcomes_at: iso(b.outcomes_at),
    })),
  };
}

/** One scored batch and a page of its selection in rank order; 404 when not the caller's. */
export async function getBatch(
  db: Database,
  actor: Actor,
  input: { id: string; limit: number; offset: number },
) {
  const a = requireAnalyst(actor, false);
  const b = await findBatch(db, a, input.id);
  const selection = await selectionRows(db, a, b.id, input.limit, input.offset);
  const { organisation_id: _o, ...rest } = b;
  return {
    ...rest,
    hit_rate: hitRate(b),
    created_at: iso(b.created_at),
    outcomes_at: iso(b.outcomes_at),
    selection,
    abilities: { outcomes: mayChange(a), download: true },
  };
}

/** A batch's selected declarations in rank order, each with its explanation and outcome (if any). */
export function selectionRows(db: Database, a: Actor, batchId: string, limit: number, offset: number) {
  return db
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
}

export type SelectionRow = Awaited<ReturnType<typeof selectionRows>>[number];
