import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../db/connection.ts';

/**
 * A fresh database for one test file: an in-memory PGlite by default, or — when DATABASE_URL
 * is set — a new database created on that PostgreSQL server and dropped afterwards.
 */
export async function openTestDatabase(): Promise<DatabaseHandle & { label: string }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const h = await openDatabase({ dataDir: 'memory://' });
    return { ...h, label: 'pglite' };
  }
  const name = `eucab_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const h = await openDatabase({ databaseUrl: u.href });
  return {
    ...h,
    label: 'postgres',
    async close() {
      await h.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      // pool.end() resolves before its connections have gone: wait for them, then drop.
      for (let i = 0; i < 50; i++) {
        const r = await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (r.rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
