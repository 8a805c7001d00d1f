import type { Database } from '../db/connection.ts';

/**
 * Imports run in the server process. One that was staging or publishing when the process stopped
 * cannot be resumed (its file is gone), so at start it is marked failed and its staged rows are
 * removed: nothing half-written remains, and its owner sees why in the job's status.
 */
export async function failInterruptedImports(
  db: Database,
  engine: 'pglite' | 'postgres',
  staleMinutes = 10,
): Promise<number> {
  // PGlite serves one process, so every unfinished job is orphaned; on a PostgreSQL server other
  // processes may be running imports, so only jobs without a recent heartbeat are.
  const cutoff = engine === 'pglite' ? new Date() : new Date(Date.now() - staleMinutes * 60_000);
  const jobs = await db
    .updateTable('import_jobs')
    .set({
      status: 'failed',
      error: 'Interrupted by a server restart: nothing was imported. Upload the file again.',
      finished_at: new Date(),
    })
    .where('status', 'in', ['staging', 'staged', 'publishing'])
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
