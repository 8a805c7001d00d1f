import { CompiledQuery, type Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import type { DB } from '../db/schema.ts';

/** The one pg-boss queue (created by migration 0007); a message carries a job id. */
export const JOB_QUEUE = 'eucab-jobs';
export const PGBOSS_SCHEMA = 'pgboss';

export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * pg-boss runs its SQL through our Kysely (the same pg.Pool; on PGlite the one session) or
 * through a transaction, so a job's row and its queue message commit together.
 */
export function executorFor(db: Kysely<DB>): SqlExecutor {
  return {
    async executeSql(text, values) {
      const q = CompiledQuery.raw(text, values ?? []);
      // pg-boss's maintenance sends "BEGIN; …; COMMIT" as one text. If it fails half-way, the
      // connection would stay in an aborted transaction — fatal on PGlite's single session — so
      // such texts run on one pinned connection that is rolled back on error.
      if (!db.isTransaction && /^\s*BEGIN\b/i.test(text)) {
        return db.connection().execute(async (conn) => {
          try {
            const r = await conn.executeQuery(q);
            return { rows: (r.rows ?? []) as Record<string, unknown>[] };
          } catch (err) {
            await conn.executeQuery(CompiledQuery.raw('ROLLBACK')).catch(() => undefined);
            throw err;
          }
        });
      }
      const r = await db.executeQuery(q);
      return { rows: r.rows as Record<string, unknown>[] };
    },
  };
}

export function createBoss(db: Kysely<DB>): PgBoss {
  return new PgBoss({
    db: executorFor(db),
    schema: PGBOSS_SCHEMA,
    // The schema comes from committed migrations only: pg-boss checks its version and refuses
    // to start on a schema it does not know; it never creates or migrates it itself.
    migrate: false,
    // No cron schedules; no state monitoring. Maintenance (expiry, archive) stays on.
    schedule: false,
    supervise: true,
    maintenanceIntervalSeconds: 300,
  } as unknown as PgBoss.ConstructorOptions);
}

/** A pg-boss instance that is never started: it only writes messages through a given executor. */
let sender: PgBoss | null = null;
function getSender(): PgBoss {
  sender ??= new PgBoss({
    db: { executeSql: () => Promise.reject(new Error('use options.db')) },
    schema: PGBOSS_SCHEMA,
    migrate: false,
  } as unknown as PgBoss.ConstructorOptions);
  return sender;
}

/** Sends the queue message for a job inside the given transaction (or database). */
export async function sendJobMessage(trx: Kysely<DB>, jobId: string): Promise<string> {
  const id = await getSender().send(JOB_QUEUE, { jobId }, {
    db: executorFor(trx),
  } as unknown as PgBoss.SendOptions);
  if (!id) throw new Error('The job queue refused the message.');
  return id;
}
