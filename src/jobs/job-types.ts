import type { Actor } from '../access/actor.ts';
import type { TableLimits } from '../config/table-limits.ts';
import type { JobError } from '../contract/jobs.ts';
import type { Database } from '../db/connection.ts';

/**
 * The contract of the upload-and-job module (src/jobs). Every long piece of work — registry and
 * user imports, risk-model training and scoring, screening batches and list re-screens — is a job
 * kind: a handler run in the background, durable across a server restart, with progress, cancel
 * and errors reported as line/column/reason.
 *
 * A job belongs to the organisation of the user who started it. Its input file is stored with the
 * job (so that a restarted server can run it again) and its result is JSON (plus optional files).
 */

/** One problem found in an input, reported to the user as line/column/reason; a job's state. Both
 * are part of what the API answers, so they are declared in the contract (src/contract/jobs.ts). */
export type { JobError, JobState } from '../contract/jobs.ts';

export interface JobProgress {
  done: number;
  total: number | null;
  /** A short machine word for the phase ('reading', 'training', 'scoring', …), translated by the UI. */
  phase?: string;
}

/** What a handler gets. */
export interface JobContext<D> {
  jobId: string;
  kind: string;
  data: D;
  /** The organisation the job belongs to, and the user who started it (as an Actor, loaded afresh). */
  organisationId: string;
  actor: Actor;
  db: Database;
  /** 1 for the first run; higher after a restart or retry: handlers must be safe to run again. */
  attempt: number;
  /** The uploaded input stored with the job, if any. */
  file(): Promise<{ name: string; bytes: Buffer; contentType: string } | null>;
  /** Records progress and is the job's heartbeat; throws JobCancelledError when the job was cancelled. */
  progress(p: JobProgress): Promise<void>;
  /** Aborted when the job is cancelled (for work in worker threads). */
  signal: AbortSignal;
  /** Limits for reading an uploaded table (TABLE_MAX_* of the configuration). */
  tableLimits: TableLimits;
}

export interface JobKind<D = unknown, R = unknown> {
  /** e.g. 'registry.import', 'risk.train', 'screening.batch' */
  kind: string;
  /** Validates data when the job is enqueued (bad input → 400 before anything is stored). */
  parse(data: unknown): D;
  /**
   * Runs the job. Return the result (JSON), or throw JobFailedError with errors for a clean,
   * user-facing failure (bad rows …). Any other exception fails the job with a generic message.
   */
  run(ctx: JobContext<D>): Promise<R>;
  /** Who besides the starter may read the job (status, result): default the starter only. */
  readableBy?: 'starter' | 'organisation';
}

export class JobCancelledError extends Error {
  constructor() {
    super('The job was cancelled.');
    this.name = 'JobCancelledError';
  }
}

export class JobFailedError extends Error {
  constructor(
    message: string,
    readonly errors: JobError[] = [],
  ) {
    super(message);
    this.name = 'JobFailedError';
  }
}

/**
 * The process running the job is stopping (or the job was taken over): the handler should stop
 * without cleaning up — the job is run again (attempt + 1) and that attempt starts afresh.
 */
export class JobInterruptedError extends Error {
  constructor() {
    super('The server is stopping; the job will run again.');
    this.name = 'JobInterruptedError';
  }
}
