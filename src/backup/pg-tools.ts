import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { BackupFailed, BackupRefused } from './errors.ts';

/**
 * PostgreSQL's own client tools (pg_dump, pg_restore), found on PATH or in Debian's
 * /usr/lib/postgresql/<version>/bin, and run with the connection of DATABASE_URL. The password is
 * handed over in PGPASSWORD, never on the command line (where `ps` would show it).
 */
export type PgToolName = 'pg_dump' | 'pg_restore';

export interface PgTool {
  path: string;
  /** e.g. "pg_dump (PostgreSQL) 15.14 (Debian 15.14-0+deb12u1)" */
  version: string;
  major: number;
}

/** The major version in a tool's or server's version text ("… (PostgreSQL) 15.14 …" → 15). */
export function majorOf(versionText: string): number | undefined {
  const m = /\(PostgreSQL\)\s+(\d+)/.exec(versionText) ?? /^(\d+)/.exec(versionText.trim());
  return m ? Number(m[1]) : undefined;
}

/** Every distinct copy of the tool on PATH and in /usr/lib/postgresql/*\/bin, with its version. */
export function findPgTools(name: PgToolName, searchPath: string): PgTool[] {
  const dirs = searchPath.split(delimiter).filter(Boolean);
  try {
    for (const v of readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)))
      dirs.push(join('/usr/lib/postgresql', v, 'bin'));
  } catch {}
  const seen = new Set<string>();
  const tools: PgTool[] = [];
  for (const dir of dirs) {
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      continue;
    }
    const r = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 });
    const version = (r.stdout ?? '').trim();
    const major = majorOf(version);
    // Debian's /usr/bin wrappers all resolve to one script that runs some version: keep each answer.
    const key = `${real} ${version}`;
    if (r.status !== 0 || major === undefined || seen.has(key)) continue;
    seen.add(key);
    tools.push({ path, version, major });
  }
  return tools;
}

/**
 * The tool to use: of those at least `atLeast`, the one of version `prefer` if there is one, else
 * the oldest newer one (the closest to the server). Refuses, naming what was found, when none fits.
 */
export function choosePgTool(
  name: PgToolName,
  tools: PgTool[],
  need: { atLeast: number; prefer: number; why: string },
): PgTool {
  const fit = tools.filter((t) => t.major >= need.atLeast).sort((a, b) => a.major - b.major);
  const chosen = fit.find((t) => t.major === need.prefer) ?? fit[0];
  if (chosen) return chosen;
  const found = tools.length
    ? `found only ${tools.map((t) => `${name} ${t.major} (${t.path})`).join(', ')}`
    : `${name} was not found on PATH nor in /usr/lib/postgresql/*/bin`;
  throw new BackupRefused(
    `${name} of PostgreSQL ${need.atLeast} or newer is needed ${need.why}; ${found}. Install PostgreSQL's client tools of that version (Debian: apt-get install postgresql-client-${need.atLeast}) or put their folder first on PATH.`,
  );
}

/** The libpq connection of a DATABASE_URL: the URL without its password, and the password. */
export function libpqConnection(databaseUrl: string): { url: string; password: string | undefined } {
  const u = new URL(databaseUrl);
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  u.password = '';
  return { url: u.href, password };
}

/** Runs a tool; resolves on exit code 0, else fails with the tool's own message. */
export function runPgTool(
  tool: PgTool,
  args: string[],
  conn: { password: string | undefined },
  env: NodeJS.ProcessEnv,
): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(tool.path, args, {
      env: { ...env, ...(conn.password !== undefined ? { PGPASSWORD: conn.password } : {}) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      if (stderr.length < 20_000) stderr += d;
    });
    child.on('error', (e) => fail(new BackupFailed(`${tool.path} could not be started: ${e.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) ok();
      else
        fail(
          new BackupFailed(
            `${tool.path.split('/').pop()} failed (${signal ? `signal ${signal}` : `exit code ${code}`}): ${stderr.trim() || 'no message'}`,
          ),
        );
    });
  });
}
