import type { ExpressionBuilder, SqlBool } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from './actor.ts';
import { canWrite, isOrgManager, isUser } from './actor.ts';

/**
 * Background jobs (src/jobs): a job belongs to the organisation of the user who started it.
 * - read (status, progress, errors, result): the starter; and every user of the same organisation
 *   when the job kind says `readableBy: 'organisation'`. Nobody else — not other administrations,
 *   not network coordinators, not platform administrators (risk and screening data are the
 *   administration's alone).
 * - cancel (while queued or running): a reader who is the starter or the organisation's NCP /
 *   NCP deputy, with write rights (not an API key limited to reading, not a Commission observer).
 * Lists use `jobReadableFilter`, the same rule in SQL.
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

/** SQL filter for `jobs` (aliased or not): the jobs this actor may read. */
export function jobReadableFilter(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'jobs'>) => {
    if (!isUser(actor)) return eb.val(false) as unknown as ReturnType<typeof eb.and>;
    const shared = [...organisationReadable];
    const own = eb('jobs.created_by', '=', actor.userId);
    return eb.and([
      eb('jobs.organisation_id', '=', actor.orgId),
      shared.length ? eb.or([own, eb('jobs.kind', 'in', shared)]) : own,
    ]) as unknown as ReturnType<typeof eb.and> & SqlBool;
  };
}
