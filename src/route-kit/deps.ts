import type { Config } from '../config/config.ts';
import type { Database } from '../db/connection.ts';
import type { JobRunner } from '../jobs/job-runner.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { OutboxWorker } from '../outbox/outbox-worker.ts';
import type { Scheduler } from '../scheduler/scheduler.ts';

/**
 * What the HTTP layer is given: every module's routes receive it (src/server builds it at start;
 * tests build their own).
 */
export interface AppDeps {
  db: Database;
  engine: 'pglite' | 'postgres';
  config: Config;
  mailer: Mailer;
  outbox: OutboxWorker;
  /** Background jobs (src/jobs); absent in hand-built test deps. */
  jobs?: JobRunner;
  /** The modules' scheduled tasks (src/scheduler); started by `serve`. */
  scheduler: Scheduler;
}
