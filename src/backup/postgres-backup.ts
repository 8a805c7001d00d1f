import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../db/connection.ts';
import { collectFacts } from './database-facts.ts';
import { BackupFailed, BackupRefused } from './errors.ts';
import type { DatabaseFacts } from './manifest.ts';
import { choosePgTool, findPgTools, libpqConnection, majorOf, type PgTool, runPgTool } from './pg-tools.ts';

/**
 * PostgreSQL's part of a backup (`pg_dump --format=custom`) and the steps of a restore
 * (`pg_restore --no-owner --no-privileges` into an empty database; with --force, into a new
 * database beside the old one, swapped in by renaming both).
 */

export async function serverMajor(db: Database): Promise<{ major: number; version: string }> {
  const r = await sql<{
    n: string;
    v: string;
  }>`SELECT current_setting('server_version_num') AS n, current_setting('server_version') AS v`.execute(db);
  return { major: Math.floor(Number(r.rows[0]!.n) / 10_000), version: r.rows[0]!.v };
}

export async function clientServerMajor(client: pg.Client): Promise<number> {
  const r = await client.query<{ n: string }>(`SELECT current_setting('server_version_num') AS n`);
  return Math.floor(Number(r.rows[0]!.n) / 10_000);
}

/**
 * Dumps the database with pg_dump. The facts are read in a REPEATABLE READ transaction whose
 * snapshot pg_dump takes over (`--snapshot`), so the counts and the dump are of the same moment
 * while the server goes on working.
 */
export async function dumpPostgres(
  db: Database,
  databaseUrl: string,
  partPath: string,
  env: NodeJS.ProcessEnv,
): Promise<{ facts: DatabaseFacts; serverVersion: string; dumpedWith: string }> {
  const server = await serverMajor(db);
  const tool = choosePgTool('pg_dump', findPgTools('pg_dump', env.PATH ?? ''), {
    atLeast: server.major,
    prefer: server.major,
    why: `to dump this database (its server is PostgreSQL ${server.version})`,
  });
  const conn = libpqConnection(databaseUrl);
  const facts = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const snap = await sql<{ id: string }>`SELECT pg_export_snapshot() AS id`.execute(trx);
      const f = await collectFacts(trx);
      await runPgTool(
        tool,
        [
          '--format=custom',
          `--snapshot=${snap.rows[0]!.id}`,
          `--file=${partPath}`,
          '--no-password',
          `--dbname=${conn.url}`,
        ],
        conn,
        env,
      );
      return f;
    });
  return { facts, serverVersion: `PostgreSQL ${server.version}`, dumpedWith: tool.version };
}

/** pg_restore able to read a dump made by `dumpedWith`, for the target server. */
export function choosePgRestore(dumpedWith: string, targetMajor: number, env: NodeJS.ProcessEnv): PgTool {
  const dumpMajor = majorOf(dumpedWith) ?? targetMajor;
  return choosePgTool('pg_restore', findPgTools('pg_restore', env.PATH ?? ''), {
    atLeast: dumpMajor,
    prefer: Math.max(dumpMajor, targetMajor),
    why: `to read this backup (it was dumped with ${dumpedWith})`,
  });
}

export async function pgRestore(
  tool: PgTool,
  partPath: string,
  targetUrl: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const conn = libpqConnection(targetUrl);
  // One transaction: a failing statement leaves the database as it was.
  await runPgTool(
    tool,
    [
      '--single-transaction',
      '--exit-on-error',
      '--no-owner',
      '--no-privileges',
      '--no-password',
      `--dbname=${conn.url}`,
      partPath,
    ],
    conn,
    env,
  );
}

/** What a database holds beyond an empty one, in words (empty list: it is empty). */
export async function databaseContents(client: pg.Client): Promise<string[]> {
  const r = await client.query<{ what: string; n: number }>(`
    SELECT 'table, view or sequence' AS what, count(*)::int AS n FROM pg_class c
      JOIN pg_namespace s ON s.oid = c.relnamespace
      WHERE s.nspname <> 'information_schema' AND s.nspname NOT LIKE 'pg\\_%' AND c.relkind IN ('r','p','v','m','S','f')
    UNION ALL SELECT 'function', count(*)::int FROM pg_proc p JOIN pg_namespace s ON s.oid = p.pronamespace
      WHERE s.nspname <> 'information_schema' AND s.nspname NOT LIKE 'pg\\_%'
    UNION ALL SELECT 'type', count(*)::int FROM pg_type t JOIN pg_namespace s ON s.oid = t.typnamespace
      WHERE s.nspname <> 'information_schema' AND s.nspname NOT LIKE 'pg\\_%' AND t.typtype IN ('e','d','r','m')
    UNION ALL SELECT 'schema besides public', count(*)::int FROM pg_namespace
      WHERE nspname NOT IN ('public', 'information_schema') AND nspname NOT LIKE 'pg\\_%'
    UNION ALL SELECT 'extension', count(*)::int FROM pg_extension WHERE extname <> 'plpgsql'`);
  return r.rows.filter((x) => x.n > 0).map((x) => `${x.n} ${x.what}${x.n === 1 ? '' : 's'}`);
}

/**
 * Empties a database that was empty before a restore wrote into it (the clean-up of a restore that
 * failed after pg_restore committed): drops the schemas and extensions it created and everything
 * in public, keeping the public schema itself with its owner and rights.
 */
export async function emptyDatabase(client: pg.Client): Promise<void> {
  await client.query('BEGIN');
  try {
    const ident = (s: string) => client.escapeIdentifier(s);
    for (const r of (
      await client.query<{ n: string }>(
        `SELECT nspname AS n FROM pg_namespace WHERE nspname NOT IN ('public','information_schema') AND nspname NOT LIKE 'pg\\_%'`,
      )
    ).rows)
      await client.query(`DROP SCHEMA ${ident(r.n)} CASCADE`);
    for (const r of (
      await client.query<{ n: string }>(`SELECT extname AS n FROM pg_extension WHERE extname <> 'plpgsql'`)
    ).rows)
      await client.query(`DROP EXTENSION IF EXISTS ${ident(r.n)} CASCADE`);
    const kinds: Record<string, string> = {
      r: 'TABLE',
      p: 'TABLE',
      v: 'VIEW',
      m: 'MATERIALIZED VIEW',
      S: 'SEQUENCE',
      f: 'FOREIGN TABLE',
    };
    for (const r of (
      await client.query<{ n: string; k: string }>(
        `SELECT relname AS n, relkind AS k FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r','p','v','m','S','f') AND NOT relispartition`,
      )
    ).rows)
      await client.query(`DROP ${kinds[r.k]} IF EXISTS public.${ident(r.n)} CASCADE`);
    for (const r of (
      await client.query<{ sig: string }>(
        `SELECT oid::regprocedure::text AS sig FROM pg_proc WHERE pronamespace = 'public'::regnamespace`,
      )
    ).rows)
      await client.query(`DROP ROUTINE IF EXISTS ${r.sig} CASCADE`);
    for (const r of (
      await client.query<{ n: string; t: string }>(
        `SELECT typname AS n, typtype AS t FROM pg_type WHERE typnamespace = 'public'::regnamespace AND typtype IN ('e','d','r','m')`,
      )
    ).rows)
      await client.query(`DROP ${r.t === 'd' ? 'DOMAIN' : 'TYPE'} IF EXISTS public.${ident(r.n)} CASCADE`);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  }
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.href;
}

export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  return name || new URL(url).username || 'postgres';
}

/** A database name of at most 63 bytes: `<base>_<suffix>`, the base shortened when needed. */
export function derivedName(base: string, suffix: string): string {
  let b = base;
  while (Buffer.byteLength(`${b}_${suffix}`) > 63) b = b.slice(0, -1);
  return `${b}_${suffix}`;
}

/** Connects to a database other than the target (to create, rename and drop databases). */
export async function maintenanceClient(url: string, avoid: string[]): Promise<pg.Client> {
  let last: unknown;
  for (const name of ['postgres', 'template1']) {
    if (avoid.includes(name)) continue;
    const c = new pg.Client({ connectionString: withDatabase(url, name) });
    try {
      await c.connect();
      return c;
    } catch (e) {
      last = e;
      await c.end().catch(() => {});
    }
  }
  throw new BackupRefused(
    `restore --force replaces the database by renaming it, which needs a connection to the "postgres" (or "template1") database of the same server: ${(last as Error)?.message ?? 'none is reachable'}.`,
  );
}

/**
 * Sessions other than ours connected to a database, after waiting up to `waitMs` for them to end
 * (a connection that was just closed stays listed for a moment).
 */
export async function otherSessions(client: pg.Client, name: string, waitMs = 5000): Promise<number> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const r = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    const n = r.rows[0]?.n ?? 0;
    if (n === 0 || Date.now() > deadline) return n;
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

/**
 * Creates the empty database a --force restore is made in, with the target's encoding and locale.
 * Refuses when the role may not create databases.
 */
export async function createSiblingDatabase(admin: pg.Client, target: string): Promise<string> {
  const name = derivedName(target, `restore_${randomBytes(4).toString('hex')}`);
  const r = await admin.query<{ d: Record<string, unknown> }>(
    'SELECT to_jsonb(d) AS d FROM pg_database d WHERE datname = $1',
    [target],
  );
  const d = r.rows[0]?.d ?? {};
  const enc = await admin.query<{ e: string }>('SELECT pg_encoding_to_char($1::int) AS e', [
    Number(d.encoding ?? 6),
  ]);
  const lit = (s: unknown) => admin.escapeLiteral(String(s));
  const opts = [`TEMPLATE template0`, `ENCODING ${lit(enc.rows[0]?.e ?? 'UTF8')}`];
  if (d.datcollate) opts.push(`LC_COLLATE ${lit(d.datcollate)}`);
  if (d.datctype) opts.push(`LC_CTYPE ${lit(d.datctype)}`);
  const icu = d.datlocale ?? d.daticulocale;
  if (d.datlocprovider === 'i' && icu) opts.push(`LOCALE_PROVIDER icu`, `ICU_LOCALE ${lit(icu)}`);
  try {
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)} ${opts.join(' ')}`);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === '42501')
      throw new BackupRefused(
        'restore --force restores into a new database beside the current one and swaps them, which needs the right to create databases (CREATEDB). Grant it, or empty the database yourself and restore without --force. Nothing was changed.',
      );
    throw e;
  }
  return name;
}

/** Swaps the restored database in: target → aside, restored → target, in one transaction. */
export async function swapDatabases(
  admin: pg.Client,
  target: string,
  restored: string,
  aside: string,
): Promise<void> {
  const id = (s: string) => admin.escapeIdentifier(s);
  const busy = await otherSessions(admin, target);
  if (busy > 0)
    throw new BackupFailed(
      `${busy} other session(s) are connected to the database ${target}: stop the EUCAB servers (and other clients) using it, then restore again.`,
    );
  await admin.query('BEGIN');
  try {
    await admin.query(`ALTER DATABASE ${id(target)} RENAME TO ${id(aside)}`);
    await admin.query(`ALTER DATABASE ${id(restored)} RENAME TO ${id(target)}`);
    await admin.query('COMMIT');
  } catch (e) {
    await admin.query('ROLLBACK').catch(() => {});
    throw new BackupFailed(`The restored database could not be swapped in: ${(e as Error).message}`);
  }
}

export async function dropDatabase(admin: pg.Client, name: string): Promise<void> {
  await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
}
