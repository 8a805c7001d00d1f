import { createHash } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import { ZodError } from 'zod';
import type { Actor } from '../access/actor.ts';
import { canWrite, isUser } from '../access/actor.ts';
import { jobPolicy } from '../access/job-policy.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { JobListItem, JobView } from '../contract/jobs.ts';
import type { Database, Trx } from '../db/connection.ts';
import type { DB, JobsTable } from '../db/schema.ts';
import { badRequest, forbidden, HttpError, notFound } from '../http/errors.ts';
import { getJobKind } from './job-registry.ts';
import type { JobError } from './job-types.ts';
import { sendJobMessage } from './queue.ts';

export type JobRow = Selectable<JobsTable>;

/** Jobs one user may have waiting or running at the same time (more → 429). */
export const MAX_OPEN_JOBS_PER_USER = 20;

/** How many errors a job's status carries (all of them are in errors.csv). */
export const ERRORS_IN_STATUS = 100;

export interface JobFileInput {
  name: string;
  bytes: Buffer;
  contentType: string;
}

export interface EnqueueInput {
  kind: string;
  data: unknown;
  file?: JobFileInput;
}

/** What enqueueJob accepts: the app's dependencies, or a database. */
export type JobDeps = Database | { db: Database; jobs?: { kick(): void } | undefined };

/** Runners of this process (one per runtime); a new job wakes them instead of waiting for a poll. */
export const activeRunners = new Set<{ kick(): void }>();

function toHttpError(err: unknown): unknown {
  if (err instanceof ZodError) {
    const errors = err.issues.map((i) => ({ field: i.path.join('.') || 'data', message: i.message }));
    return badRequest(
      `The job's input is invalid: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
      errors,
    );
  }
  return err;
}

/**
 * Validates and stores a job inside the caller's transaction: the job row, its file (bytea), the
 * audit event `job.enqueued` and the queue message commit together. After the commit, call
 * `kickJobRunners()` (enqueueJob does) so the job starts without waiting for the next poll.
 */
export async function enqueueJobInTransaction(
  trx: Trx,
  actor: Actor,
  input: EnqueueInput,
): Promise<{ id: string }> {
  if (!isUser(actor)) throw forbidden('Sign in as a user to start a job.');
  if (!canWrite(actor)) throw forbidden('Your account may not start jobs (read-only access).');
  const kind = getJobKind(input.kind);
  if (!kind) throw badRequest(`Unknown job kind: ${input.kind}.`);
  const open = await trx
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('created_by', '=', actor.userId)
    .where('state', 'in', ['queued', 'running'])
    .executeTakeFirstOrThrow();
  if (Number(open.n) >= MAX_OPEN_JOBS_PER_USER)
    throw new HttpError(
      429,
      'Too many requests',
      `You already have ${MAX_OPEN_JOBS_PER_USER} jobs waiting or running: wait until some have finished, or cancel some (My jobs).`,
    );
  let data: unknown;
  try {
    data = kind.parse(input.data);
  } catch (err) {
    const e = toHttpError(err);
    if (e instanceof HttpError) throw e;
    throw badRequest(`The job's input is invalid: ${(err as Error).message}`);
  }
  const job = await trx
    .insertInto('jobs')
    .values({
      kind: kind.kind,
      organisation_id: actor.orgId,
      created_by: actor.userId,
      data: JSON.stringify(data ?? {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let fileFacts: Record<string, unknown> = {};
  if (input.file) {
    const sha256 = createHash('sha256').update(input.file.bytes).digest('hex');
    await trx
      .insertInto('job_files')
      .values({
        job_id: job.id,
        name: input.file.name.slice(0, 300),
        content_type: input.file.contentType || 'application/octet-stream',
        sha256,
        size: input.file.bytes.length,
        bytes: input.file.bytes,
      })
      .execute();
    fileFacts = {
      file: { after: input.file.name },
      sha256: { after: sha256 },
      size: { after: input.file.bytes.length },
    };
  }
  const messageId = await sendJobMessage(trx, job.id);
  await trx.updateTable('jobs').set({ queue_message_id: messageId }).where('id', '=', job.id).execute();
  await recordAudit(trx, actor, {
    action: 'job.enqueued',
    recordKind: 'job',
    recordId: job.id,
    changes: { kind: { after: kind.kind }, ...fileFacts },
  });
  return { id: job.id };
}

/** Wakes this process's job runners (after a commit that enqueued jobs). */
export function kickJobRunners(): void {
  for (const r of activeRunners) r.kick();
}

/** Validates, stores and queues a job in its own transaction (see enqueueJobInTransaction). */
export async function enqueueJob(deps: JobDeps, actor: Actor, input: EnqueueInput): Promise<{ id: string }> {
  const db = 'selectFrom' in deps ? deps : deps.db;
  const res = await db.transaction().execute((trx) => enqueueJobInTransaction(trx, actor, input));
  kickJobRunners();
  return res;
}

/** A job as GET /api/v1/jobs/:id answers it: declared in the contract (src/contract/jobs.ts). */
export type { JobView } from '../contract/jobs.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

async function loadReadable(db: Kysely<DB>, actor: Actor, id: string): Promise<JobRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
  const job = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!job || !jobPolicy.abilities(actor, job).read) throw notFound();
  return job;
}

export async function jobErrors(db: Kysely<DB>, jobId: string, limit?: number): Promise<JobError[]> {
  let q = db
    .selectFrom('job_errors')
    .select(['line', 'column_name', 'reason'])
    .where('job_id', '=', jobId)
    .orderBy('seq');
  if (limit !== undefined) q = q.limit(limit);
  const rows = await q.execute();
  return rows.map((e) => ({
    ...(e.line !== null ? { line: e.line } : {}),
    ...(e.column_name !== null ? { column: e.column_name } : {}),
    reason: e.reason,
  }));
}

/** One job as its reader sees it (404 when the caller may not read it). */
export async function getJob(db: Kysely<DB>, actor: Actor, id: string): Promise<JobView> {
  const job = await loadReadable(db, actor, id);
  const [file, starter, errors] = await Promise.all([
    db.selectFrom('job_files').select(['name', 'size', 'sha256']).where('job_id', '=', id).executeTakeFirst(),
    db.selectFrom('users').select(['display_name']).where('id', '=', job.created_by).executeTakeFirst(),
    jobErrors(db, id, ERRORS_IN_STATUS),
  ]);
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    attempt: job.attempt,
    progress: {
      done: Number(job.progress_done),
      total: job.progress_total === null ? null : Number(job.progress_total),
      phase: job.phase,
    },
    error: job.error,
    errorCount: job.error_count,
    errors,
    result: job.result ?? null,
    file: file ?? null,
    createdBy: { id: job.created_by, name: starter?.display_name ?? null },
    createdAt: iso(job.created_at)!,
    startedAt: iso(job.started_at),
    finishedAt: iso(job.finished_at),
    heartbeatAt: iso(job.heartbeat_at),
    abilities: { cancel: jobPolicy.abilities(actor, job).cancel },
  };
}

/** A row of GET /api/v1/jobs: declared in the contract (src/contract/jobs.ts). */
export type { JobListItem } from '../contract/jobs.ts';

/** The caller's jobs (and, for organisation-readable kinds, their organisation's), newest first. */
export async function listJobs(
  db: Kysely<DB>,
  actor: Actor,
  opts: { kind?: string | undefined; limit: number; offset: number },
): Promise<{ items: JobListItem[]; total: number }> {
  let base = db.selectFrom('jobs').where(jobPolicy.readable(actor, 'jobs'));
  if (opts.kind) base = base.where('jobs.kind', '=', opts.kind);
  const [rows, count] = await Promise.all([
    base
      .leftJoin('job_files', 'job_files.job_id', 'jobs.id')
      .selectAll('jobs')
      .select('job_files.name as file_name')
      .orderBy('jobs.created_at', 'desc')
      .orderBy('jobs.id')
      .limit(opts.limit)
      .offset(opts.offset)
      .execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((j) => ({
      id: j.id,
      kind: j.kind,
      state: j.state,
      progress: {
        done: Number(j.progress_done),
        total: j.progress_total === null ? null : Number(j.progress_total),
        phase: j.phase,
      },
      errorCount: j.error_count,
      fileName: j.file_name,
      createdAt: iso(j.created_at)!,
      finishedAt: iso(j.finished_at),
      abilities: { cancel: jobPolicy.abilities(actor, j).cancel },
    })),
  };
}

/**
 * Cancels a job: a queued one at once; a running one is asked to stop (its handler sees the
 * request at its next progress report or heartbeat, and its signal is aborted).
 */
export async function cancelJob(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  local?: { cancelLocal(id: string): void },
): Promise<void> {
  const job = await loadReadable(db, actor, id);
  if (!jobPolicy.abilities(actor, job).cancel) {
    if (job.state !== 'queued' && job.state !== 'running')
      throw new HttpError(409, 'Conflict', 'This job has already finished.');
    throw forbidden('Only the person who started the job, or their NCP, may cancel it.');
  }
  await db.transaction().execute(async (trx) => {
    const queued = await trx
      .updateTable('jobs')
      .set({ state: 'cancelled', cancel_requested: true, finished_at: new Date(), phase: null })
      .where('id', '=', id)
      .where('state', '=', 'queued')
      .returning('id')
      .executeTakeFirst();
    if (!queued)
      await trx
        .updateTable('jobs')
        .set({ cancel_requested: true })
        .where('id', '=', id)
        .where('state', '=', 'running')
        .execute();
    await recordAudit(trx, actor, {
      action: queued ? 'job.cancelled' : 'job.cancel_requested',
      recordKind: 'job',
      recordId: id,
      organisationId: job.organisation_id,
      changes: { kind: { after: job.kind } },
    });
  });
  local?.cancelLocal(id);
}
