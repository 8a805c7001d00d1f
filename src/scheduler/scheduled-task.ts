import type { Config } from '../config/config.ts';
import type { Database } from '../db/connection.ts';
import type { Mailer } from '../mail/mailer.ts';

/**
 * A scheduled task: work a module runs every few minutes or hours (purges, reminders, digests,
 * publications at an embargo time). Declared in the module's manifest (`scheduledTasks`).
 */
export interface ScheduledTask {
  /** Lower-case words joined by dots, e.g. `auth.purge-expired`. */
  name: string;
  /** What it does, for the administrators' page (English; the web translates by name). */
  description: string;
  /** How often it runs. */
  everyMinutes: number;
  /**
   * The work. It runs in one process at a time (the run is claimed in the database), must be
   * safe to run again after a crash, and returns a short summary of what it did.
   */
  run(ctx: ScheduledTaskContext): Promise<string>;
}

/** What a scheduled task is given: the database, the time of this run, the configuration, the mailer. */
export interface ScheduledTaskContext {
  db: Database;
  now: Date;
  config: Config;
  mailer: Mailer;
}

export function defineScheduledTask(t: ScheduledTask): ScheduledTask {
  if (!/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/.test(t.name))
    throw new Error(`Scheduled task ${t.name}: lower-case words separated by dots, e.g. area.thing`);
  if (!(t.everyMinutes >= 1)) throw new Error(`Scheduled task ${t.name}: runs at most every minute`);
  return t;
}
