import type { Actor } from '../../../access/actor.ts';
import { importStatusView } from '../../../core/import-job.ts';
import type { Database } from '../../../db/connection.ts';
import { notFound } from '../../../http/errors.ts';
import { cancelJob, getJob } from '../../../jobs/job-service.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';
import { userImportJob } from '../user-import-job.ts';

/** A user import job the caller may read (404 for any other job). */
async function userImport(db: Database, a: Actor, jobId: string) {
  const job = await getJob(db, a, jobId);
  if (job.kind !== userImportJob.kind) throw notFound();
  return job;
}

/** Progress of a user import, in the shape the import had before it became a job. */
export async function userImportStatus(db: Database, a: Actor, jobId: string) {
  return importStatusView(await userImport(db, a, jobId));
}

/** Cancels a user import that is queued or still staging (as POST /jobs/:id/cancel). */
export async function cancelUserImport(deps: AppDeps, a: Actor, jobId: string) {
  const job = await userImport(deps.db, a, jobId);
  await cancelJob(deps.db, a, job.id, deps.jobs);
  return { status: 'cancelled' as const };
}
