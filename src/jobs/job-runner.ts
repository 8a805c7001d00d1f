import { randomUUID } from 'node:crypto';
import { type ExpressionBuilder, sql } from 'kysely';
import type PgBoss from 'pg-boss';
import { systemActor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { loadActor } from '../auth/actor-loader.ts';
import { DEFAULT_TABLE_LIMITS, type TableLimits } from '../config/table-limits.ts';
import type { Database, Trx } from '../db/connection.ts';
import { outsideQueryContext } from '../db/query-context.ts';
import type { DB } from '../db/schema.ts';
import { enqueue } from '../outbox/outbox-worker.ts';
import { getJobKind } from './job-registry.ts';
import { activeRunners, type JobRow } from './job-service.ts';
import {
  JobCancelledError,
  type JobContext,
  type JobError,
  JobFailedError,
  JobInterruptedError,
  type JobProgress,
} from './job-types.ts';
import { createBoss, executorFor, JOB_QUEUE, sendJobMessage } from './queue.ts';

export interface JobRunnerOptions {
  /** Jobs run at the same time by this process. */
  concurrency: number;
  /** How often the queue is polled (a new job of this process wakes it at once). */
  pollMs: number;
  /** Heartbeat of running jobs (also picks up cancel requests made through another process). */
  heartbeatMs: number;
  /** PostgreSQL: a running job without a heartbeat for this long is taken as orphaned and run again. */
  staleSeconds: number;
  /** On a graceful stop, how long running handlers get to notice the abort before being requeued. */
  shutdownGraceMs: number;
  /** Limits for reading uploaded tables, given to handlers as `ctx.tableLimits`. */
  tableLimits: TableLimits;
}

export interface JobRunner {
  start(): Promise<void>;
  /** Graceful: running handlers are aborted and their jobs queued again (run again at the next start
   * or by another process). `crash: true` simulates a killed process (tests): nothing more is written. */
  stop(opts?: { crash?: boolean }): Promise<void>;
  kick(): void;
  /** Aborts a job running in this process (after a cancel request was stored). */
  cancelLocal(jobId: string): void;
  /** Resolves with the job's row once it is finished (tests). */
  waitForJob(jobId: string, timeoutMs?: number): Promise<JobRow>;
}

const FINAL = new Set(['succeeded', 'failed', 'cancelled']);

interface Running {
  controller: AbortController;
  abandoned: boolean;
  done: Promise<void>;
}

/**
 * Runs the jobs of the `jobs` table, delivered by pg-boss on the same database. The jobs row is
 * the truth (state, attempt, progress, result, errors); a pg-boss message only says "job X is
 * ready". A message runs its job only if it is the job's current message and the job is still
 * queued (the claim is one conditional UPDATE), so duplicate or stale messages are harmless.
 */
export function createJobRunner(
  db: Database,
  engine: 'pglite' | 'postgres',
  log: (msg: string, err?: unknown) => void,
  hooks: { afterFinish?: () => void } = {},
  options: Partial<JobRunnerOptions> = {},
): JobRunner {
  const opts: JobRunnerOptions = {
    concurrency: 2,
    pollMs: 1000,
    heartbeatMs: 5000,
    staleSeconds: 120,
    shutdownGraceMs: 3000,
    tableLimits: DEFAULT_TABLE_LIMITS,
    ...options,
  };
  let me = `${process.pid}:${randomUUID()}`;
  let boss: PgBoss | null = null;
  const running = new Map<string, Running>();
  let stopped = true;
  let pumping: Promise<void> | null = null;
  let again = false;
  let pollTimer: NodeJS.Timeout | null = null;
  let beatTimer: NodeJS.Timeout | null = null;
  let lastRecovery = 0;

  async function requeue(
    trx: Trx,
    job: Pick<JobRow, 'id' | 'organisation_id' | 'queue_message_id' | 'cancel_requested' | 'kind'>,
    why: string,
  ) {
    if (job.queue_message_id)
      await boss
        ?.cancel(JOB_QUEUE, job.queue_message_id, { db: executorFor(trx) } as never)
        .catch(() => undefined);
    if (job.cancel_requested) {
      await trx
        .updateTable('jobs')
        .set({ state: 'cancelled', finished_at: new Date(), worker: null, phase: null })
        .where('id', '=', job.id)
        .execute();
      return;
    }
    const messageId = await sendJobMessage(trx, job.id);
    await trx
      .updateTable('jobs')
      .set({ state: 'queued', worker: null, queue_message_id: messageId })
      .where('id', '=', job.id)
      .execute();
    await recordAudit(trx, systemActor('jobs'), {
      action: 'job.requeued',
      recordKind: 'job',
      recordId: job.id,
      organisationId: job.organisation_id,
      changes: { kind: { after: job.kind }, reason: { after: why } },
    });
  }

  /**
   * Jobs whose process is gone are run again (attempt + 1). At start on PGlite (one process) every
   * running job is orphaned; on PostgreSQL only those without a recent heartbeat.
   */
  async function recoverOrphans(atStart: boolean): Promise<number> {
    lastRecovery = Date.now();
    let q = db
      .selectFrom('jobs')
      .select(['id', 'organisation_id', 'queue_message_id', 'cancel_requested', 'kind'])
      .where('state', '=', 'running');
    // Jobs this process marked running but no longer runs (a finish that failed) are orphans too.
    const mine = [...running.keys()];
    // (Only without a heartbeat for a while: a job claimed while this query was queued is not lost.)
    const quiet = new Date(Date.now() - opts.heartbeatMs * 3);
    const lostHere = (eb: ExpressionBuilder<DB, 'jobs'>) =>
      eb.and([
        eb('worker', '=', me),
        eb('heartbeat_at', '<', quiet),
        ...(mine.length ? [eb('id', 'not in', mine)] : []),
      ]);
    if (engine === 'pglite') {
      if (!atStart)
        q = q.where((eb) => eb.or([eb('worker', 'is', null), eb('worker', '!=', me), lostHere(eb)]));
    } else {
      const stale = new Date(Date.now() - opts.staleSeconds * 1000);
      q = q.where((eb) => eb.or([eb('heartbeat_at', '<', stale), lostHere(eb)]));
    }
    const orphans = await q.execute();
    for (const job of orphans) {
      await db.transaction().execute((trx) => requeue(trx, job, 'The process running it stopped.'));
    }
    if (orphans.length) log(`jobs: ${orphans.length} interrupted job(s) queued again`);
    return orphans.length;
  }

  async function heartbeat() {
    const ids = [...running.entries()].filter(([, r]) => !r.abandoned).map(([id]) => id);
    if (!ids.length || stopped) return;
    const rows = await db
      .updateTable('jobs')
      .set({ heartbeat_at: new Date() })
      .where('id', 'in', ids)
      .where('worker', '=', me)
      .returning(['id', 'cancel_requested'])
      .execute();
    for (const r of rows)
      if (r.cancel_requested) running.get(r.id)?.controller.abort(new JobCancelledError());
  }

  async function finish(
    job: JobRow,
    messageId: string,
    outcome:
      | { state: 'succeeded'; result: unknown }
      | { state: 'failed'; error: string; errors: JobError[] }
      | { state: 'cancelled' },
  ) {
    await db.transaction().execute(async (trx) => {
      const errors = outcome.state === 'failed' ? outcome.errors : [];
      await trx
        .updateTable('jobs')
        .set({
          state: outcome.state,
          result: outcome.state === 'succeeded' ? JSON.stringify(outcome.result ?? null) : null,
          // A job that succeeded did all it counted: "N of N", not the last report before saving.
          ...(outcome.state === 'succeeded'
            ? { progress_done: sql<number>`coalesce(progress_total, progress_done)` }
            : {}),
          error: outcome.state === 'failed' ? outcome.error.slice(0, 2000) : null,
          error_count: errors.length,
          finished_at: new Date(),
          heartbeat_at: new Date(),
          worker: null,
        })
        .where('id', '=', job.id)
        .execute();
      await trx.deleteFrom('job_errors').where('job_id', '=', job.id).execute();
      for (let i = 0; i < errors.length; i += 1000)
        await trx
          .insertInto('job_errors')
          .values(
            errors.slice(i, i + 1000).map((e, k) => ({
              job_id: job.id,
              seq: i + k,
              line: Number.isInteger(e.line) ? (e.line as number) : null,
              column_name: e.column ?? null,
              reason: String(e.reason).slice(0, 2000),
            })),
          )
          .execute();
      await recordAudit(trx, systemActor('jobs'), {
        action: `job.${outcome.state}`,
        recordKind: 'job',
        recordId: job.id,
        organisationId: job.organisation_id,
        changes: {
          kind: { after: job.kind },
          attempt: { after: job.attempt },
          ...(outcome.state === 'failed'
            ? { error: { after: outcome.error.slice(0, 500) }, errors: { after: errors.length } }
            : {}),
        },
      });
      await enqueue(trx, 'job.finished', { jobId: job.id, state: outcome.state });
      await boss?.complete(JOB_QUEUE, messageId, { state: outcome.state }, { db: executorFor(trx) } as never);
    });
    hooks.afterFinish?.();
  }

  async function execute(job: JobRow, messageId: string, entry: Running) {
    const kind = getJobKind(job.kind);
    const signal = entry.controller.signal;
    const isShutdown = () => signal.aborted && signal.reason instanceof JobInterruptedError;
    try {
      if (!kind) throw new JobFailedError(`This server does not know the job kind ${job.kind}.`);
      const actor = await loadActor(db, job.created_by, null);
      if (!actor) throw new JobFailedError('The account that started this job is no longer active.');
      let lastWrite = 0;
      let lastPhase: string | undefined;
      let pending: JobProgress | null = null;
      let flushTimer: NodeJS.Timeout | null = null;
      const write = async (p: JobProgress) => {
        lastWrite = Date.now();
        lastPhase = p.phase;
        const row = await db
          .updateTable('jobs')
          .set({
            progress_done: Math.max(0, Math.floor(p.done)),
            progress_total: p.total === null ? null : Math.max(0, Math.floor(p.total)),
            phase: p.phase ?? null,
            heartbeat_at: new Date(),
          })
          .where('id', '=', job.id)
          .where('worker', '=', me)
          .returning('cancel_requested')
          .executeTakeFirst();
        if (row?.cancel_requested) entry.controller.abort(new JobCancelledError());
      };
      const checkAbort = () => {
        if (entry.abandoned || isShutdown()) throw new JobInterruptedError();
        if (signal.aborted) throw new JobCancelledError();
      };
      const ctx: JobContext<unknown> = {
        jobId: job.id,
        kind: job.kind,
        data: job.data,
        organisationId: job.organisation_id,
        actor,
        db,
        attempt: job.attempt,
        tableLimits: opts.tableLimits,
        async file() {
          const f = await db
            .selectFrom('job_files')
            .select(['name', 'bytes', 'content_type'])
            .where('job_id', '=', job.id)
            .executeTakeFirst();
          return f ? { name: f.name, bytes: Buffer.from(f.bytes), contentType: f.content_type } : null;
        },
        async progress(p) {
          checkAbort();
          const now = Date.now();
          // Throttled to about 4 writes a second; a phase change or the last step is written at once.
          if (p.phase !== lastPhase || p.done === p.total || now - lastWrite >= 250) {
            if (flushTimer) clearTimeout(flushTimer);
            flushTimer = null;
            pending = null;
            await write(p);
          } else {
            pending = p;
            flushTimer ??= setTimeout(
              () => {
                flushTimer = null;
                const q = pending;
                pending = null;
                if (q && !entry.abandoned && !signal.aborted)
                  write(q).catch((err) => log('jobs: progress', err));
              },
              250 - (now - lastWrite),
            );
          }
          checkAbort();
        },
        signal,
      };
      const result = await kind.run(ctx);
      if (flushTimer) clearTimeout(flushTimer);
      if (entry.abandoned) return;
      await finish(job, messageId, { state: 'succeeded', result });
    } catch (err) {
      if (entry.abandoned || isShutdown() || err instanceof JobInterruptedError) return;
      if (
        err instanceof JobCancelledError ||
        (signal.aborted && signal.reason instanceof JobCancelledError)
      ) {
        await finish(job, messageId, { state: 'cancelled' });
      } else if (err instanceof JobFailedError) {
        await finish(job, messageId, { state: 'failed', error: err.message, errors: err.errors });
      } else {
        log(`jobs: ${job.kind} ${job.id} failed`, err);
        await finish(job, messageId, {
          state: 'failed',
          error:
            'The job stopped on an unexpected error; it has been logged. Try again, or ask the support unit.',
          errors: [],
        });
      }
    }
  }

  async function launch(msg: { id: string; data: unknown }) {
    const jobId = String((msg.data as { jobId?: unknown })?.jobId ?? '');
    const job = await db
      .updateTable('jobs')
      .set((eb) => ({
        state: 'running',
        attempt: eb('attempt', '+', 1),
        started_at: eb.fn.coalesce('started_at', eb.val(new Date())),
        heartbeat_at: new Date(),
        worker: me,
      }))
      .where('id', '=', jobId)
      .where('state', '=', 'queued')
      .where('queue_message_id', '=', msg.id)
      .returningAll()
      .executeTakeFirst();
    if (!job) {
      // A stale or duplicate message (job cancelled, requeued with a new message, or finished).
      await boss?.complete(JOB_QUEUE, msg.id).catch(() => undefined);
      return;
    }
    const entry: Running = { controller: new AbortController(), abandoned: false, done: Promise.resolve() };
    running.set(job.id, entry);
    entry.done = execute(job, msg.id, entry)
      .catch((err) => log(`jobs: finishing ${job.id} failed`, err))
      .finally(() => {
        running.delete(job.id);
        if (!stopped) runner.kick();
      });
  }

  async function pump() {
    while (!stopped && boss && running.size < opts.concurrency) {
      const msgs = (await boss.fetch(JOB_QUEUE, { batchSize: opts.concurrency - running.size })) ?? [];
      if (!msgs.length) break;
      for (const m of msgs) await launch(m);
    }
  }

  const runner: JobRunner = {
    async start() {
      if (!stopped) return;
      me = `${process.pid}:${randomUUID()}`;
      boss = createBoss(db);
      boss.on('error', (err) => log('jobs: pg-boss', err));
      await boss.start();
      stopped = false;
      await recoverOrphans(true);
      activeRunners.add(runner);
      pollTimer = setInterval(() => {
        if (Date.now() - lastRecovery > Math.max(30_000, opts.staleSeconds * 500))
          recoverOrphans(false).catch((err) => log('jobs: recovery', err));
        runner.kick();
      }, opts.pollMs);
      pollTimer.unref();
      beatTimer = setInterval(
        () => heartbeat().catch((err) => log('jobs: heartbeat', err)),
        opts.heartbeatMs,
      );
      beatTimer.unref();
      runner.kick();
    },
    async stop(o = {}) {
      if (stopped) return;
      stopped = true;
      activeRunners.delete(runner);
      // Synchronously: from here on, running handlers get JobInterruptedError at their next
      // progress report, and (crash) nothing more is written for them.
      const entries = [...running.entries()];
      for (const [, r] of entries) {
        if (o.crash) r.abandoned = true;
        r.controller.abort(new JobInterruptedError());
      }
      if (pollTimer) clearInterval(pollTimer);
      if (beatTimer) clearInterval(beatTimer);
      if (pumping) await pumping.catch(() => undefined);
      for (const e of running.entries()) {
        if (entries.some(([id]) => id === e[0])) continue;
        if (o.crash) e[1].abandoned = true;
        e[1].controller.abort(new JobInterruptedError());
        entries.push(e);
      }
      if (entries.length) {
        // Give handlers a moment to notice (in a test process, a "crashed" handler must not keep
        // writing while the next runner starts).
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.allSettled(entries.map(([, r]) => r.done)),
          new Promise((r) => {
            timer = setTimeout(r, opts.shutdownGraceMs);
          }),
        ]);
        clearTimeout(timer);
      }
      if (!o.crash && entries.length) {
        for (const [, r] of entries) r.abandoned = true;
        const left = await db
          .selectFrom('jobs')
          .select(['id', 'organisation_id', 'queue_message_id', 'cancel_requested', 'kind'])
          .where('state', '=', 'running')
          .where('worker', '=', me)
          .execute();
        for (const job of left)
          await db.transaction().execute((trx) => requeue(trx, job, 'The server stopped while it ran.'));
      }
      await boss?.stop({ graceful: false, close: false, wait: true }).catch(() => undefined);
      boss = null;
    },
    kick() {
      if (stopped) return;
      if (pumping) {
        again = true;
        return;
      }
      // Background work: not cancelled with the request that woke the queue.
      pumping = outsideQueryContext(async () => {
        do {
          again = false;
          await pump();
        } while (again && !stopped);
      })
        .catch((err) => log('jobs: queue', err))
        .finally(() => {
          pumping = null;
        });
    },
    cancelLocal(jobId) {
      running.get(jobId)?.controller.abort(new JobCancelledError());
    },
    async waitForJob(jobId, timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const row = await db.selectFrom('jobs').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
        if (FINAL.has(row.state)) {
          await running.get(jobId)?.done;
          return row;
        }
        if (Date.now() > until) throw new Error(`job ${jobId} did not finish (state ${row.state})`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
  return runner;
}
