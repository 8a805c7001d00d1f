import { type RawBuilder, sql } from 'kysely';
import type { Actor } from './actor.ts';
import { canWrite, isOrgManager, isUser } from './actor.ts';
import { definePolicy } from './policy.ts';

/**
 * Background jobs (src/jobs): a job belongs to the organisation of the user who started it.
 * - read (status, progress, errors, result): the starter; and every user of the same organisation
 *   when the job kind says `readableBy: 'organisation'`. Nobody else — not other administrations,
 *   not network coordinators, not platform administrators (risk and screening data are the
 *   administration's alone).
 * - cancel (while queued or running): a reader who is the starter or the organisation's NCP /
 *   NCP deputy, with write rights (not an API key limited to reading, not a Commission observer).
 * Lists use `jobPolicy.readable`, the same rule in SQL.
 */
export interface JobEnvelope {
  kind: string;
  organisation_id: string;
  created_by: string;
  state: string;
}

export interface JobAbilities {
  read: boolean;
  cancel: boolean;
}

/**
 * The job kinds whose jobs every user of the starter's organisation may read (`readableBy:
 * 'organisation'`). The job registry (src/jobs/job-registry.ts) declares each kind here as it
 * registers it, so this policy needs nothing from src/jobs; an unknown kind is readable by its
 * starter only.
 */
const organisationReadable = new Set<string>();

export function declareJobKindReaders(
  kind: string,
  readableBy: 'starter' | 'organisation' | undefined,
): void {
  if (readableBy === 'organisation') organisationReadable.add(kind);
  else organisationReadable.delete(kind);
}

export function canReadJob(actor: Actor, job: JobEnvelope): boolean {
  if (!isUser(actor) || actor.orgId !== job.organisation_id) return false;
  if (actor.userId === job.created_by) return true;
  return organisationReadable.has(job.kind);
}

export function jobAbilities(actor: Actor, job: JobEnvelope): JobAbilities {
  const read = canReadJob(actor, job);
  const unfinished = job.state === 'queued' || job.state === 'running';
  const cancel =
    read &&
    unfinished &&
    canWrite(actor) &&
    (actor.userId === job.created_by || isOrgManager(actor, job.organisation_id));
  return { read, cancel };
}

/** SQL over `alias` of `jobs`: the jobs this actor may read (the same rule as `canReadJob`). */
function readableJobs(actor: Actor, alias: string): RawBuilder<boolean> {
  if (!isUser(actor)) return sql<boolean>`false`;
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  const shared = [...organisationReadable];
  const own = sql<boolean>`${col('created_by')} = ${actor.userId}::uuid`;
  const readers = shared.length ? sql<boolean>`(${own} OR ${col('kind')} IN (${sql.join(shared)}))` : own;
  return sql<boolean>`(${col('organisation_id')} = ${actor.orgId}::uuid AND ${readers})`;
}

/**
 * Jobs and their parts (uploaded file, error lines, and the staged rows of the imports that run
 * as jobs): read through the job.
 */
export const jobPolicy = definePolicy<JobEnvelope, JobAbilities>({
  resource: 'job',
  tables: ['jobs', 'job_files', 'job_errors', 'import_jobs', 'import_rows'],
  abilities: jobAbilities,
  readable: readableJobs,
});
