import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { JobView } from '../jobs/job-service.ts';
import { JobCancelledError, JobInterruptedError, type JobProgress } from '../jobs/job-types.ts';

/**
 * The staged phases every import shares (users, registry kinds). An import runs as a job
 * (src/jobs): its `import_jobs` row has the job's id and holds the file facts and the staged rows'
 * bookkeeping; what users see (state, progress, errors, counts) is the job.
 *  0. prepare — (re)creates the import_jobs row; a later attempt (after a restart) deletes the rows
 *     a previous attempt staged and stages again from the stored file; an import whose publish
 *     committed before the interruption is not published twice;
 *  1. staging — rows go to import_rows in short batches, each its own statement, reporting progress
 *     (the job's heartbeat, and where a cancel is noticed), yielding to the event loop in between;
 *  2. publishing — `publish` runs everything in one short transaction (all or nothing).
 * A cancelled or failed import deletes its staged rows: nothing half-written remains.
 */
export async function prepareImport(
  db: Kysely<DB>,
  job: {
    id: string;
    kind: string;
    organisationId: string;
    createdBy: string;
    fileName: string;
    fileSha256: string;
    totalRows: number;
  },
): Promise<{ published: { inserted: number; updated: number } | null }> {
  const prev = await db
    .selectFrom('import_jobs')
    .select(['status', 'inserted', 'updated'])
    .where('id', '=', job.id)
    .executeTakeFirst();
  if (prev?.status === 'published') return { published: { inserted: prev.inserted, updated: prev.updated } };
  await db.deleteFrom('import_rows').where('job_id', '=', job.id).execute();
  await db
    .insertInto('import_jobs')
    .values({
      id: job.id,
      job_id: job.id,
      kind: job.kind,
      organisation_id: job.organisationId,
      created_by: job.createdBy,
      file_name: job.fileName.slice(0, 200),
      file_sha256: job.fileSha256,
      status: 'staging',
      total_rows: job.totalRows,
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        status: 'staging',
        total_rows: job.totalRows,
        staged_rows: 0,
        inserted: 0,
        updated: 0,
        error: null,
        finished_at: null,
        heartbeat_at: new Date(),
      }),
    )
    .execute();
  return { published: null };
}

export async function runStagedImport<R extends { line: number }>(
  db: Kysely<DB>,
  importId: string,
  rows: readonly R[],
  publish: () => Promise<void>,
  opts: { batchSize?: number; progress: (p: JobProgress) => Promise<void> },
): Promise<void> {
  const batchSize = opts.batchSize ?? 500;
  try {
    await opts.progress({ done: 0, total: rows.length, phase: 'staging' });
    for (let i = 0; i < rows.length; i += batchSize) {
      const batch = rows.slice(i, i + batchSize);
      await db
        .insertInto('import_rows')
        .values(batch.map((r) => ({ job_id: importId, line: r.line, data: JSON.stringify(r) })))
        .execute();
      await db
        .updateTable('import_jobs')
        .set({ staged_rows: i + batch.length, heartbeat_at: new Date() })
        .where('id', '=', importId)
        .execute();
      await opts.progress({ done: i + batch.length, total: rows.length, phase: 'staging' });
      await yieldToEventLoop();
    }
    await db
      .updateTable('import_jobs')
      .set({ status: 'publishing' })
      .where('id', '=', importId)
      .where('status', '=', 'staging')
      .execute();
    await opts.progress({ done: rows.length, total: rows.length, phase: 'publishing' });
    await publish();
  } catch (err) {
    // Interrupted (server stopping): leave the staged rows; the next attempt deletes them first.
    if (err instanceof JobInterruptedError) throw err;
    await db.deleteFrom('import_rows').where('job_id', '=', importId).execute();
    await db
      .updateTable('import_jobs')
      .set({
        status: err instanceof JobCancelledError ? 'cancelled' : 'failed',
        error: String((err as Error).message ?? err).slice(0, 500),
        finished_at: new Date(),
      })
      .where('id', '=', importId)
      .execute();
    throw err;
  }
}

/** What an import job returns as its result. */
export interface ImportResult {
  rows: number;
  inserted: number;
  updated: number;
  unchanged?: number;
}

/**
 * The former import status shape (`GET …/import/:jobId`), derived from the job — the one place
 * an import's state lives — so existing clients keep working.
 */
export function importStatusView(job: JobView) {
  const r = (job.result ?? {}) as Partial<ImportResult>;
  const status =
    job.state === 'succeeded'
      ? 'published'
      : job.state === 'failed' || job.state === 'cancelled'
        ? job.state
        : job.progress.phase === 'publishing'
          ? 'publishing'
          : 'staging';
  const total = r.rows ?? job.progress.total ?? 0;
  return {
    id: job.id,
    jobId: job.id,
    status,
    total_rows: total,
    staged_rows:
      status === 'staging'
        ? job.progress.phase === 'staging'
          ? job.progress.done
          : 0
        : status === 'publishing' || status === 'published'
          ? total
          : 0,
    inserted: r.inserted ?? 0,
    updated: r.updated ?? 0,
    unchanged: r.unchanged ?? 0,
    error: job.error,
    errors: job.errors,
    errorCount: job.errorCount,
    file_name: job.file?.name ?? null,
    created_at: job.createdAt,
    finished_at: job.finishedAt,
    abilities: job.abilities,
    job,
  };
}
