import type { Config } from '../config/config.ts';
import { type DatabaseHandle, openDatabase } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import { registerNotificationHandlers } from '../modules/notifications/notification-handlers.ts';
import { createOutboxWorker } from '../outbox/outbox-worker.ts';
import { registerRegistryNotifications } from '../registry/registry-notifications.ts';
import { ensureReferenceData } from '../seed/reference-data.ts';
import type { AppDeps } from './deps.ts';
import { failInterruptedImports } from './interrupted-jobs.ts';

/** Opens the database, applies migrations and reference data, and wires the dependencies. */
export async function createRuntime(
  config: Config,
  opts: { handle?: DatabaseHandle; mailer?: Mailer; log?: (msg: string, err?: unknown) => void } = {},
): Promise<AppDeps & { handle: DatabaseHandle; close(): Promise<void> }> {
  const log = opts.log ?? ((msg: string, err?: unknown) => console.error(msg, err ?? ''));
  const handle =
    opts.handle ?? (await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }));
  await migrateToLatest(handle.db as never);
  await ensureReferenceData(handle.db);
  await failInterruptedImports(handle.db, handle.engine);
  const outbox = createOutboxWorker(handle.db, log);
  registerNotificationHandlers(outbox);
  registerRegistryNotifications(outbox);
  const mailer = opts.mailer ?? createMailer(config, (m) => console.log(m));
  return {
    db: handle.db,
    engine: handle.engine,
    config,
    mailer,
    outbox,
    handle,
    async close() {
      await outbox.stop();
      await handle.close();
    },
  };
}
