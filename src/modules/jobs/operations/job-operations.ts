import { stringify } from 'csv-stringify/sync';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../access/actor.ts';
import { neutraliseCell } from '../../../core/export-safety.ts';
import type { DB } from '../../../db/schema.ts';
import { cancelJob, getJob, type JobView, jobErrors } from '../../../jobs/job-service.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';

/**
 * All of a job's errors as a CSV file (line, column, reason), for whoever may read the job; cells
 * a spreadsheet would run as a formula are neutralised.
 */
export async function jobErrorsCsv(
  db: Kysely<DB>,
  a: Actor,
  id: string,
): Promise<{ filename: string; csv: string }> {
  const job = await getJob(db, a, id);
  const errors = await jobErrors(db, job.id);
  const csv = stringify([
    ['line', 'column', 'reason'],
    ...errors.map((e) => [
      neutraliseCell(e.line ?? ''),
      neutraliseCell(e.column ?? ''),
      neutraliseCell(e.reason),
    ]),
  ]);
  return { filename: `job-${job.id}-errors.csv`, csv };
}

/** Cancels a queued or running job (its starter, or their NCP / deputy) and shows it afterwards. */
export async function cancelJobAndShow(
  deps: Pick<AppDeps, 'db' | 'jobs'>,
  a: Actor,
  id: string,
): Promise<JobView> {
  await cancelJob(deps.db, a, id, deps.jobs);
  return getJob(deps.db, a, id);
}
