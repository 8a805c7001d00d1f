import { z } from 'zod';
import type { Actor } from '../../../access/actor.ts';
import { tableLimitsFrom } from '../../../core/table-reader/limits.ts';
import type { Database } from '../../../db/connection.ts';
import { type Mapping, proposeMapping } from '../../../engines/risk/mapping.ts';
import { enqueueJob } from '../../../jobs/index.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';
import { mappingSchema } from '../risk-jobs.ts';
import { DATASET_COLUMNS, findDataset, readableDatasets } from '../risk-service.ts';
import { iso, requireAnalyst } from './analyst.ts';
import {
  checkMapping,
  dialectFields,
  jsonField,
  parseField,
  type ReadUpload,
  sampleOf,
} from './uploaded-file.ts';

/**
 * Proposes a column → role mapping for a declaration file: the engine's proposal over the header
 * and up to 1,000 rows (each column with its reason and confidence, the uncertain ones listed),
 * with 5 sample rows and the file's detected dialect. A query: nothing is stored.
 */
export async function proposeDatasetMapping(
  deps: Pick<AppDeps, 'config'>,
  actor: Actor,
  input: { upload: ReadUpload },
) {
  requireAnalyst(actor, false);
  const { fields, file } = await input.upload('declaration file');
  const s = await sampleOf(file, 1000, tableLimitsFrom(deps.config), dialectFields(fields));
  const d = s.dialect?.dialect;
  const p = proposeMapping(s.header, s.rows, d ? { decimal: d.decimal, dateFormat: d.dateFormat } : {});
  return {
    header: s.header,
    sample: s.rows.slice(0, 5),
    mapping: p.mapping,
    inferred: p.inferred,
    uncertain: p.uncertain,
    dialect: d
      ? {
          encoding: d.encoding,
          delimiter: d.delimiter,
          decimal: d.decimal === ',' ? 'comma' : 'point',
          dateFormat: d.dateFormat,
          gzip: d.gzip,
          notes: s.dialect!.notes,
        }
      : null,
  };
}

/**
 * Starts the upload of a declaration history (job `risk.upload`) once its name and mapping are
 * valid and the mapping fits the file's header; the job validates every row and stores it.
 */
export async function uploadDataset(deps: AppDeps, actor: Actor, input: { upload: ReadUpload }) {
  const a = requireAnalyst(actor, true);
  const { fields, file } = await input.upload('declaration history');
  const name = parseField(z.string().trim().min(1).max(200), fields.name ?? file.name, 'name');
  const mapping = parseField(mappingSchema, jsonField(fields.mapping, 'mapping'), 'mapping') as Mapping;
  const dialect = dialectFields(fields);
  const s = await sampleOf(file, 1, tableLimitsFrom(deps.config), dialect);
  checkMapping(mapping, s.header, true);
  const job = await enqueueJob(deps, a, { kind: 'risk.upload', data: { name, mapping, dialect }, file });
  return { jobId: job.id };
}

/** The datasets of the caller's administration (histories and scored batches), newest first. */
export async function listDatasets(db: Database, actor: Actor) {
  requireAnalyst(actor, false);
  const rows = await readableDatasets(db, actor)
    .select([...DATASET_COLUMNS, 'd.mapping', 'd.header'])
    .orderBy('d.created_at', 'desc')
    .limit(500)
    .execute();
  return { items: rows.map((d) => ({ ...d, created_at: iso(d.created_at) })) };
}

/** One dataset with its mapping, counts and validation report; 404 when not the caller's. */
export async function getDataset(db: Database, actor: Actor, id: string) {
  requireAnalyst(actor, false);
  const d = await findDataset(db, actor, id);
  const { report, ...rest } = d;
  return { ...rest, created_at: iso(d.created_at), report };
}
