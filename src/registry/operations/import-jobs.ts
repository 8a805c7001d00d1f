import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { importStatusView } from '../../core/import-job.ts';
import type { Database } from '../../db/connection.ts';
import { notFound } from '../../http/errors.ts';
import { cancelJob, getJob } from '../../jobs/job-service.ts';
import type { AppDeps } from '../../server/deps.ts';
import type { KindDefinition } from '../definition.ts';
import { registryImportJob } from '../import/registry-import-job.ts';

/** The import job, if the caller may read it (404 otherwise) and it imports this kind. */
async function importJob(db: Database, a: Actor, kind: KindDefinition, id: string) {
  const job = await getJob(db, a, id);
  const data = await db
    .selectFrom('jobs')
    .select(sql<string>`data->>'kind'`.as('kind'))
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  if (job.kind !== registryImportJob.kind || data.kind !== kind.name) throw notFound();
  return job;
}

/** An import's progress: the job, in the former import status shape. */
export async function importStatus(db: Database, a: Actor, kind: KindDefinition, input: { jobId: string }) {
  return importStatusView(await importJob(db, a, kind, input.jobId));
}

/** Cancels an import that is queued or still staging (as cancelling its job). */
export async function cancelImport(
  deps: Pick<AppDeps, 'db' | 'jobs'>,
  a: Actor,
  kind: KindDefinition,
  input: { jobId: string },
) {
  const job = await importJob(deps.db, a, kind, input.jobId);
  await cancelJob(deps.db, a, job.id, deps.jobs);
  return { status: 'cancelled' as const };
}
