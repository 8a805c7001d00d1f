import { createHash } from 'node:crypto';
import { canActScreeningOwn, screeningBatchPolicy } from '../../../access/screening-policy.ts';
import { recordAudit } from '../../../audit/audit-log.ts';
import { change } from '../../../core/change.ts';
import type { Database } from '../../../db/connection.ts';
import { badRequest, forbidden, HttpError, notFound } from '../../../http/errors.ts';
import { enqueueJob } from '../../../jobs/index.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';
import { THRESHOLDS } from '../cases.ts';
import { type ReportRow, reportCsv, reportXlsx } from '../report.ts';
import { batchJob, declarationsJob } from '../screening-jobs.ts';
import type { Download, ReadUpload, SignedIn } from './signed-in.ts';

/**
 * Screens a party file or a declaration file (CSV/XLSX) in the background: records the batch
 * (audited `screening.batch_uploaded`) and starts its job. Screening reviewers only.
 */
export async function uploadBatch(
  deps: AppDeps,
  a: SignedIn,
  input: { kind: 'parties' | 'declarations'; upload: ReadUpload },
) {
  if (!canActScreeningOwn(a)) throw forbidden('Screening files needs the screening reviewer role.');
  const up = await input.upload(input.kind === 'parties' ? 'party file' : 'declaration file');
  if (!/\.(csv|xlsx)$/i.test(up.filename)) throw badRequest('Upload a .csv or .xlsx file.');
  const batch = await change(deps, async (trx) => {
    const b = await trx
      .insertInto('screening_batches')
      .values({
        organisation_id: a.orgId,
        created_by: a.userId,
        kind: input.kind,
        filename: up.filename.slice(0, 200),
        file_hash: createHash('sha256').update(up.bytes).digest('hex'),
        summary: '{}',
        errors: '[]',
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, a, {
      action: 'screening.batch_uploaded',
      recordKind: 'screening_batch',
      recordId: b.id,
      changes: { kind: input.kind, bytes: up.bytes.length },
    });
    return b;
  });
  const kind = input.kind === 'parties' ? batchJob : declarationsJob;
  const job = await enqueueJob(deps, a, {
    kind: kind.kind,
    data: { batchId: batch.id },
    file: { name: up.filename, bytes: up.bytes, contentType: up.mimetype },
  });
  return { batchId: batch.id, jobId: job.id };
}

/** The screening batches of the caller's administration, newest first (empty for non-reviewers). */
export async function listBatches(db: Database, a: SignedIn) {
  const items = await db
    .selectFrom('screening_batches as b')
    .select([
      'b.id',
      'b.kind',
      'b.filename',
      'b.state',
      'b.done',
      'b.total',
      'b.summary',
      'b.created_at',
      'b.finished_at',
    ])
    .where(screeningBatchPolicy.readable(a, 'b'))
    .orderBy('b.created_at', 'desc')
    .limit(100)
    .execute();
  return { items };
}

async function loadBatch(db: Database, a: SignedIn, id: string) {
  const b = await db.selectFrom('screening_batches').selectAll().where('id', '=', id).executeTakeFirst();
  if (!b || !screeningBatchPolicy.abilities(a, b).read) throw notFound();
  return b;
}

async function batchRows(db: Database, id: string, limit: number): Promise<ReportRow[]> {
  const rows = await db
    .selectFrom('screening_batch_rows as r')
    .innerJoin('screening_parties as p', 'p.id', 'r.party_id')
    .select(['r.line', 'r.reference', 'r.hits', 'p.name', 'p.country', 'p.birth_date', 'r.party_id'])
    .where('r.batch_id', '=', id)
    .orderBy('r.line')
    .limit(limit)
    .execute();
  return rows.map((x) => ({ ...x, hits: x.hits as ReportRow['hits'] }));
}

/** A batch: progress, summary, problems and the first 1,000 results (party rows or declarations). */
export async function getBatch(db: Database, a: SignedIn, id: string) {
  const b = await loadBatch(db, a, id);
  const rows = b.kind === 'parties' ? await batchRows(db, b.id, 1000) : [];
  const declarations =
    b.kind === 'declarations'
      ? await db
          .selectFrom('screening_declaration_results')
          .select(['declaration_ref', 'line', 'parties', 'goods', 'selected', 'reasons'])
          .where('batch_id', '=', b.id)
          .orderBy('line')
          .limit(1000)
          .execute()
      : [];
  return { ...b, ...THRESHOLDS, rows, declarations };
}

/** The report of a finished party batch (CSV or XLSX), marked confidential to the administration. */
export async function batchReport(
  db: Database,
  a: SignedIn,
  input: { id: string; format: 'csv' | 'xlsx' },
): Promise<Download> {
  const b = await loadBatch(db, a, input.id);
  if (b.state !== 'succeeded') throw new HttpError(409, 'Conflict', 'The batch has not finished yet.');
  const org = await db
    .selectFrom('organisations')
    .select('code')
    .where('id', '=', b.organisation_id)
    .executeTakeFirstOrThrow();
  const rows = await batchRows(db, b.id, 200_000);
  const base = `screening-report-${b.id.slice(0, 8)}`;
  if (input.format === 'xlsx')
    return {
      filename: `${base}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await reportXlsx(rows, org.code),
    };
  return { filename: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: reportCsv(rows, org.code) };
}
