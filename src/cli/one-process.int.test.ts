import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * One process per embedded data folder, as an operator meets it: a running server refuses a
 * second one, runs the CLI's database commands for it, and after kill -9 the folder is taken over.
 */
const dir = mkdtempSync(join(tmpdir(), 'eucab-one-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}-backup.tar`, { force: true });
});

const baseEnv = () => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  LOG_LEVEL: 'silent',
  DATA_DIR: dir,
});

function cli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    env: { ...baseEnv(), ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** Starts `serve` (node itself, so that the child's pid is the server's) and waits until it listens. */
async function startServer(): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    env: { ...baseEnv(), PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${out}`)), 90_000);
    const seen = (d: Buffer) => {
      out += d;
      if (out.includes('running at')) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited (${code}):\n${out}`));
    });
  });
  return { child, port };
}

const health = async (port: number) => (await fetch(`http://127.0.0.1:${port}/api/health`)).status;
const exited = (c: ChildProcess) =>
  c.exitCode !== null || c.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((ok) => c.once('exit', () => ok()));

describe.skipIf(!!process.env.DATABASE_URL)('one process per embedded data folder', () => {
  it('refuses a second server, runs CLI commands in the running one, recovers after kill -9', async () => {
    const { child: server, port } = await startServer();
    const lock = JSON.parse(readFileSync(join(dir, 'eucab.lock'), 'utf8'));
    expect(lock).toMatchObject({ pid: server.pid, hostname: hostname(), command: 'serve' });

    // A second server on the same folder stops at once, naming the holder; the first keeps serving.
    const t0 = Date.now();
    const second = cli(['serve'], { PORT: String(await freePort()) });
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(second.status).toBe(2);
    expect(second.stderr).toContain(
      `in use by another EUCAB process (pid ${server.pid} on host ${hostname()}, started ${lock.startedAt}, \`serve\`)`,
    );
    expect(second.stderr).not.toMatch(/^\s+at /m); // no stack trace
    expect(await health(port)).toBe(200);

    // The CLI's database commands run in the server (through its control socket).
    const verify = cli(['verify-audit']);
    expect(verify.status, verify.stderr).toBe(0);
    const events = Number(/Audit chain intact: (\d+) events verified/.exec(verify.stdout)?.[1]);
    expect(events).toBeGreaterThanOrEqual(0);
    const intact = (n: number) => `Audit chain intact: ${n} events verified`;
    const admin = cli(['bootstrap-admin', '--email', 'first.admin@example.eu', '--name', 'First Admin']);
    expect(admin.status, admin.stderr).toBe(0);
    expect(admin.stdout).toContain(`http://127.0.0.1:${port}/reset-password?token=`);
    const again = cli(['bootstrap-admin', '--email', 'second.admin@example.eu', '--name', 'Second']);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists');
    const indexes = cli(['registry-indexes']);
    expect(indexes.status, indexes.stderr).toBe(0);
    expect(indexes.stdout).toContain('already has the indexes');
    expect(cli(['verify-audit']).stdout).toContain(intact(events + 1)); // bootstrap-admin's audit event

    // The server takes a backup for the CLI; a restore (which replaces the folder) is refused.
    const backup = cli(['backup', '--out', `${dir}-backup.tar`]);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toContain(`Backup written to ${dir}-backup.tar`);
    const restore = cli(['restore', '--from', `${dir}-backup.tar`, '--force']);
    expect(restore.status).toBe(2);
    expect(restore.stderr).toContain(`pid ${server.pid}`);
    expect(restore.stderr).toContain('stop that process first');
    expect(await health(port)).toBe(200);

    // migrate is refused while the server runs (it migrated at start).
    const migrate = cli(['migrate']);
    expect(migrate.status).toBe(2);
    expect(migrate.stderr).toContain(`pid ${server.pid}`);
    expect(migrate.stderr).toContain('the running server applied the migrations when it started');
    expect(await health(port)).toBe(200);

    // kill -9: lock and socket stay behind; the CLI takes the stale lock over and finds the write.
    server.kill('SIGKILL');
    await exited(server);
    expect(existsSync(join(dir, 'eucab.lock'))).toBe(true);
    const after = cli(['verify-audit']);
    expect(after.status, after.stderr).toBe(0);
    expect(after.stdout).toContain(intact(events + 1));
    expect(existsSync(join(dir, 'eucab.lock'))).toBe(false); // released when the CLI ended

    // A new server starts on the folder, and stops cleanly (lock and socket removed).
    const { child: next, port: nextPort } = await startServer();
    expect(await health(nextPort)).toBe(200);
    expect(Number(/intact: (\d+) events/.exec(cli(['verify-audit']).stdout)?.[1])).toBeGreaterThanOrEqual(
      events + 1,
    );
    next.kill('SIGTERM');
    await exited(next);
    expect(existsSync(join(dir, 'eucab.lock'))).toBe(false);
    expect(existsSync(join(dir, 'eucab-control.sock'))).toBe(false);
  }, 300_000); // a dozen processes, each starting PGlite: slow on a busy machine
});
