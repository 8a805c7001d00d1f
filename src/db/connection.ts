import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { type CancellationStats, cancellablePool } from './cancellable-pool.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import type { DB } from './schema.ts';

export type Database = Kysely<DB>;

/** A transaction: every change runs on its own transaction's connection (src/core/change.ts). */
export type Trx = Transaction<DB>;

export interface DatabaseHandle {
  db: Database;
  /** 'pglite' (embedded, one session) or 'postgres' (a real server, a pool). */
  engine: 'pglite' | 'postgres';
  /** The underlying PGlite instance, when embedded (tests clone it). */
  pglite?: PGlite;
  /** The data folder lock, when this handle opened a PGlite folder on disk (see data-dir-lock.ts). */
  lock?: DataDirLock;
  /** Queries of cancelled requests refused or interrupted (cancellable-pool.ts). */
  cancellations: CancellationStats;
  close(): Promise<void>;
}

// Keep bigint counts and timestamps as JS-friendly values on both engines.
pg.types.setTypeParser(20, (v: string) => Number(v));

/**
 * One driver path for both engines: Kysely's PostgresDialect over a pg.Pool. PGlite provides a
 * pg-compatible connection (pool size 1: PGlite has exactly one session, so a transaction that
 * is held open blocks every other request — see ARCHITECTURE.md "PGlite has one session").
 */
export async function openDatabase(opts: {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  pglite?: PGlite;
  /** What this process does, recorded in the data folder lock (default: from the command line). */
  lockCommand?: string;
}): Promise<DatabaseHandle> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // A connection the server ends (restart, administrator, dropped database) must not crash the
    // process: the pool discards it and the next query opens a new one. pg emits such errors on
    // the client — also on a client the pool is closing, which no pool listener sees any more.
    const lost = (err: Error) => console.warn(`database connection lost: ${err.message}`);
    pool.on('error', lost);
    pool.on('connect', (client) => client.on('error', lost));
    // A query whose request is cancelled is cancelled on the server, over a connection of its own
    // (the pool's may all be busy).
    const canceller = new pg.Pool({ connectionString: opts.databaseUrl, max: 1 });
    canceller.on('error', lost);
    const { pool: cancellable, stats } = cancellablePool(pool, {
      cancelBackend: async (pid) => {
        await canceller.query('SELECT pg_cancel_backend($1)', [pid]);
      },
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: cancellable }) });
    return {
      db,
      engine: 'postgres',
      cancellations: stats,
      close: async () => {
        await db.destroy();
        await canceller.end();
      },
    };
  }
  let instance = opts.pglite;
  let lock: DataDirLock | undefined;
  if (!instance) {
    const dir = opts.dataDir ?? 'memory://';
    if (!dir.startsWith('memory://')) {
      // One process per folder (PGlite has no postmaster to refuse a second one): take the lock
      // before PGlite touches the folder; throws DataDirInUseError naming the holder.
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      lock = acquireDataDirLock(dir, opts.lockCommand ? { command: opts.lockCommand } : {});
    }
    try {
      instance = await PGlite.create({ dataDir: dir, extensions: { unaccent, pg_trgm } });
    } catch (e) {
      lock?.release();
      throw e;
    }
  }
  const pglite = instance;
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 } as pg.PoolConfig);
  // PGlite runs one statement at a time and cannot interrupt it: the work of a cancelled request
  // stops at its next query or connection (cancellable-pool.ts).
  const { pool: cancellable, stats } = cancellablePool(pool);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: cancellable }) });
  return {
    db,
    engine: 'pglite',
    cancellations: stats,
    pglite,
    ...(lock ? { lock } : {}),
    close: async () => {
      try {
        await db.destroy();
        if (!opts.pglite) await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}
