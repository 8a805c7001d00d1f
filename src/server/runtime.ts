import type { Config } from '../config/config.ts';
import { tableLimitsFrom } from '../core/table-reader/limits.ts';
import { type DatabaseHandle, openDatabase } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createJobRunner, type JobRunner, type JobRunnerOptions } from '../jobs/job-runner.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import { registerModuleWork, scheduledTasks } from '../modules/index.ts';
import { createOutboxWorker } from '../outbox/outbox-worker.ts';
import type { AppDeps } from '../route-kit/deps.ts';
import { createScheduler } from '../scheduler/scheduler.ts';
import { ensureReferenceData } from '../seed/reference-data.ts';
import { failInterruptedImports } from './interrupted-jobs.ts';

/** Opens the database, applies migrations and reference data, and wires the dependencies. */
export async function createRuntime(
  config: Config,
  opts: {
    handle?: DatabaseHandle;
    mailer?: Mailer;
    log?: (msg: string, err?: unknown) => void;
    jobs?: Partial<JobRunnerOptions>;
  } = {},
): Promise<AppDeps & { handle: DatabaseHandle; jobs: JobRunner; close(): Promise<void> }> {
  const log = opts.log ?? ((msg: string, err?: unknown) => console.error(msg, err ?? ''));
  const handle =
    opts.handle ?? (await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }));
  await migrateToLatest(handle.db as never);
  await ensureReferenceData(handle.db);
  await failInterruptedImports(handle.db, handle.engine);
  const outbox = createOutboxWorker(handle.db, log);
  // Job kinds, outbox handlers and mandatory sources of every module's manifest.
  registerModuleWork(outbox);
  // Background jobs (src/jobs): started by `serve` and by the test app (`rt.jobs.start()`).
  const jobs = createJobRunner(
    handle.db,
    handle.engine,
    log,
    { afterFinish: () => outbox.kick() },
    { tableLimits: tableLimitsFrom(config), ...opts.jobs },
  );
  const mailer = opts.mailer ?? createMailer(config, (m) => console.log(m));
  // Scheduled tasks of every manifest: `serve` starts the scheduler; tests call runDue().
  const scheduler = createScheduler({ db: handle.db, config, mailer }, scheduledTasks(), log);
  return {
    db: handle.db,
    engine: handle.engine,
    config,
    mailer,
    outbox,
    jobs,
    scheduler,
    handle,
    async close() {
      await scheduler.stop();
      await jobs.stop();
      await outbox.stop();
      await handle.close();
    },
  };
}
