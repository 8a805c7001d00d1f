import type { Database } from '../db/connection.ts';

/**
 * Imports now run as jobs (src/jobs): one interrupted by a restart is run again from its stored
 * file (see src/core/import-job.ts). Only import rows written before migration 0007 — not linked to
 * a job, their file gone — cannot resume: at start they are marked failed and their staged rows
 * removed, so nothing half-written remains and their owner sees why.
 */
export async function failInterruptedImports(
  db: Database,
  engine: 'pglite' | 'postgres',
  staleMinutes = 10,
): Promise<number> {
  // PGlite serves one process, so every unfinished one is orphaned; on a PostgreSQL server other
  // (older) processes may still be running one, so only those without a recent heartbeat are.
  const cutoff = engine === 'pglite' ? new Date() : new Date(Date.now() - staleMinutes * 60_000);
  const jobs = await db
    .updateTable('import_jobs')
    .set({
      status: 'failed',
      error: 'Interrupted by a server restart: nothing was imported. Upload the file again.',
      finished_at: new Date(),
    })
    .where('status', 'in', ['staging', 'staged', 'publishing'])
    .where('job_id', 'is', null)
    .where('heartbeat_at', '<=', cutoff)
    .returning('id')
    .execute();
  if (jobs.length)
    await db
      .deleteFrom('import_rows')
      .where(
        'job_id',
        'in',
        jobs.map((j) => j.id),
      )
      .execute();
  return jobs.length;
}
