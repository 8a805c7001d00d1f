import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/**
 * The two phases every import shares (users, registry kinds):
 *  1. staging — rows go to import_rows in short batches, each its own statement, with a heartbeat,
 *     yielding to the event loop in between (other requests run between batches; PGlite has one session);
 *  2. publishing — `publish` runs everything in one short transaction (all or nothing).
 * A cancelled job deletes its staged rows; a failure marks the job failed and removes them too.
 */
export async function runStagedImport<R extends { line: number }>(
  db: Kysely<DB>,
  jobId: string,
  rows: readonly R[],
  publish: () => Promise<void>,
  batchSize = 500,
): Promise<void> {
  try {
    for (let i = 0; i < rows.length; i += batchSize) {
      const st = await db
        .selectFrom('import_jobs')
        .select('status')
        .where('id', '=', jobId)
        .executeTakeFirstOrThrow();
      if (st.status === 'cancelled') {
        await db.deleteFrom('import_rows').where('job_id', '=', jobId).execute();
        return;
      }
      const batch = rows.slice(i, i + batchSize);
      await db
        .insertInto('import_rows')
        .values(batch.map((r) => ({ job_id: jobId, line: r.line, data: JSON.stringify(r) })))
        .execute();
      await db
        .updateTable('import_jobs')
        .set({ staged_rows: i + batch.length, heartbeat_at: new Date() })
        .where('id', '=', jobId)
        .execute();
      await yieldToEventLoop();
    }
    await db
      .updateTable('import_jobs')
      .set({ status: 'publishing' })
      .where('id', '=', jobId)
      .where('status', '=', 'staging')
      .execute();
    await publish();
  } catch (err) {
    await db.deleteFrom('import_rows').where('job_id', '=', jobId).execute();
    await db
      .updateTable('import_jobs')
      .set({
        status: 'failed',
        error: String((err as Error).message ?? err).slice(0, 500),
        finished_at: new Date(),
      })
      .where('id', '=', jobId)
      .execute();
  }
}
