import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface PostgresServer {
  url: string;
  /** The postmaster's pid (for its CPU time). */
  postmasterPid: number;
  version: string;
  stop(): Promise<void>;
}

/**
 * A throw-away PostgreSQL server started with scripts/start-postgres.sh on `port` (as root:
 * Debian's postgresql, run as the postgres user); `stop` ends it (pg_ctl) and removes its folder.
 */
export async function startPostgres(port: number, log: (s: string) => void): Promise<PostgresServer> {
  const url = execFileSync(join(REPO_ROOT, 'scripts/start-postgres.sh'), [String(port)], {
    encoding: 'utf8',
  }).trim();
  log(`  started ${url}`);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const dataDir = (await c.query('SHOW data_directory')).rows[0].data_directory as string;
  const version = (await c.query('SELECT version() AS v')).rows[0].v as string;
  await c.end();
  const postmasterPid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    url,
    postmasterPid,
    version,
    async stop() {
      const bin = execFileSync('bash', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1'], {
        encoding: 'utf8',
      }).trim();
      const cmd = `${bin}/pg_ctl -D '${dataDir}' -m fast -w stop`;
      if (process.getuid?.() === 0) execFileSync('su', ['postgres', '-s', '/bin/bash', '-c', cmd]);
      else execFileSync('bash', ['-c', cmd]);
      rmSync(dirname(dataDir), { recursive: true, force: true });
      log(`  stopped the server (${dataDir}) and removed its directory`);
    },
  };
}
