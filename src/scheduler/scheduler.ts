import { sql } from 'kysely';
import type { Config } from '../config/config.ts';
import type { Database } from '../db/connection.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { ScheduledTask } from './scheduled-task.ts';

/**
 * Runs the scheduled tasks of every module's manifest. The schedule lives in the database
 * (`scheduled_task_runs`: when each task last started and finished, how, and when it is next
 * due), so it survives restarts, and a run is claimed with one conditional upsert, so with
 * several processes on one PostgreSQL database each run happens once. A run that crashed is
 * simply due again at its next period. (pg-boss schedules were considered: their cron runs in
 * every process's maintenance loop and needs its own cron tables and timers; a due-time row per
 * task is enough here and is what the administrators' page reads.)
 */
export interface TaskStatus {
  name: string;
  description: string;
  everyMinutes: number;
  lastStartedAt: Date | null;
  lastFinishedAt: Date | null;
  lastStatus: 'succeeded' | 'failed' | 'running' | null;
  lastMessage: string | null;
  nextDueAt: Date | null;
}

export interface Scheduler {
  /** Checks every `intervalMs` which tasks are due and runs them. */
  start(intervalMs?: number): void;
  stop(): Promise<void>;
  /** Runs the tasks due at `now` (tests, and each tick); returns the names it ran. */
  runDue(now?: Date): Promise<string[]>;
  status(): Promise<TaskStatus[]>;
  readonly tasks: readonly ScheduledTask[];
}

export function createScheduler(
  { db, config, mailer }: { db: Database; config: Config; mailer: Mailer },
  tasks: readonly ScheduledTask[],
  log: (msg: string, err?: unknown) => void,
): Scheduler {
  const names = new Set<string>();
  for (const t of tasks) {
    if (names.has(t.name)) throw new Error(`Scheduled task ${t.name} is declared twice.`);
    names.add(t.name);
  }
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<string[]> | null = null;

  /** Claims the task's run if it is due: one process wins, the others get no row. */
  async function claim(t: ScheduledTask, now: Date): Promise<boolean> {
    const next = new Date(now.getTime() + t.everyMinutes * 60_000);
    const r = await sql<{ name: string }>`
      INSERT INTO scheduled_task_runs (name, last_started_at, last_status, next_due_at)
      VALUES (${t.name}, ${now}, 'running', ${next})
      ON CONFLICT (name) DO UPDATE
        SET last_started_at = EXCLUDED.last_started_at, last_status = 'running',
            next_due_at = EXCLUDED.next_due_at
        WHERE scheduled_task_runs.next_due_at <= ${now}
      RETURNING name`.execute(db);
    return r.rows.length === 1;
  }

  async function finish(t: ScheduledTask, status: 'succeeded' | 'failed', message: string) {
    await db
      .updateTable('scheduled_task_runs')
      .set({ last_finished_at: new Date(), last_status: status, last_message: message.slice(0, 2000) })
      .where('name', '=', t.name)
      .execute();
  }

  async function runDue(now = new Date()): Promise<string[]> {
    const ran: string[] = [];
    for (const t of tasks) {
      if (!(await claim(t, now))) continue;
      ran.push(t.name);
      try {
        const summary = await t.run({ db, now, config, mailer });
        await finish(t, 'succeeded', summary);
      } catch (err) {
        log(`scheduled task ${t.name} failed`, err);
        await finish(t, 'failed', (err as Error).message ?? String(err));
      }
    }
    return ran;
  }

  function tick() {
    if (running) return;
    running = runDue()
      .catch((err) => {
        log('scheduler: checking the due tasks failed', err);
        return [];
      })
      .finally(() => {
        running = null;
      });
  }

  return {
    tasks,
    start(intervalMs = 30_000) {
      if (timer || tasks.length === 0) return;
      timer = setInterval(tick, intervalMs);
      timer.unref();
      tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
    runDue,
    async status() {
      const rows = await db.selectFrom('scheduled_task_runs').selectAll().execute();
      return tasks.map((t) => {
        const r = rows.find((x) => x.name === t.name);
        return {
          name: t.name,
          description: t.description,
          everyMinutes: t.everyMinutes,
          lastStartedAt: r?.last_started_at ?? null,
          lastFinishedAt: r?.last_finished_at ?? null,
          lastStatus: (r?.last_status as TaskStatus['lastStatus']) ?? null,
          lastMessage: r?.last_message ?? null,
          nextDueAt: r?.next_due_at ?? null,
        };
      });
    },
  };
}
