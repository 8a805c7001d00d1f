import type { Database, Trx } from '../db/connection.ts';
import { outsideQueryContext } from '../db/query-context.ts';

export type OutboxHandler = (trx: Trx, payload: Record<string, unknown>) => Promise<void>;

/** Enqueue work to run after the current transaction commits (same transaction as the change). */
export async function enqueue(trx: Trx, topic: string, payload: Record<string, unknown>): Promise<void> {
  await trx
    .insertInto('outbox')
    .values({ topic, payload: JSON.stringify(payload) })
    .execute();
}

export interface OutboxWorker {
  register(topic: string, handler: OutboxHandler): void;
  /** Wake the worker (after a commit that enqueued work). */
  kick(): void;
  /** Process everything pending now (tests and CLI). */
  drain(): Promise<number>;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

/**
 * Work after commit (notifications now; indexing and re-scoring later) runs from outbox rows
 * written in the same transaction as the change. Each row is handled in its own short
 * transaction, so on PGlite (one session) no request waits long behind it.
 */
export function createOutboxWorker(db: Database, log: (msg: string, err?: unknown) => void): OutboxWorker {
  const handlers = new Map<string, OutboxHandler>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let again = false;

  async function processOne(): Promise<boolean> {
    const row = await db
      .selectFrom('outbox')
      .selectAll()
      .where('processed_at', 'is', null)
      .where('attempts', '<', 5)
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    if (!row) return false;
    const handler = handlers.get(row.topic);
    try {
      if (!handler) throw new Error(`no handler for topic ${row.topic}`);
      await db.transaction().execute(async (trx) => {
        await handler(trx, row.payload as Record<string, unknown>);
        await trx.updateTable('outbox').set({ processed_at: new Date() }).where('id', '=', row.id).execute();
      });
    } catch (err) {
      log(`outbox ${row.topic} #${row.id} failed`, err);
      await db
        .updateTable('outbox')
        .set({ attempts: row.attempts + 1, last_error: String((err as Error).message ?? err).slice(0, 500) })
        .where('id', '=', row.id)
        .execute();
    }
    return true;
  }

  async function loop(): Promise<number> {
    let n = 0;
    do {
      again = false;
      while (await processOne()) n++;
    } while (again);
    return n;
  }

  const worker: OutboxWorker = {
    register(topic, handler) {
      handlers.set(topic, handler);
    },
    kick() {
      if (running) {
        again = true;
        return;
      }
      // Background work: not cancelled with the request whose change woke it.
      running = outsideQueryContext(loop).finally(() => {
        running = null;
      });
      running.catch((err) => log('outbox loop failed', err));
    },
    async drain() {
      if (running) await running;
      return outsideQueryContext(loop);
    },
    start(intervalMs = 2000) {
      if (!timer) timer = setInterval(() => worker.kick(), intervalMs);
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      if (running) await running.catch(() => 0);
    },
  };
  return worker;
}
