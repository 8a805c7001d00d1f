import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  acquireDataDirLock,
  currentBootId,
  DataDirInUseError,
  LOCK_FILE,
  type LockInfo,
  processStartTicks,
} from './data-dir-lock.ts';

/** The lock that keeps a second process out of an embedded (PGlite) data folder. */
const root = mkdtempSync(join(tmpdir(), 'eucab-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => {
  const d = join(root, `d${++n}`);
  mkdirSync(d);
  return d;
};
const readLock = (dir: string) => JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as LockInfo;
const writeLock = (dir: string, l: Partial<LockInfo>) =>
  writeFileSync(
    join(dir, LOCK_FILE),
    JSON.stringify({
      pid: 1,
      hostname: hostname(),
      startedAt: '2026-01-01T00:00:00.000Z',
      bootId: currentBootId(),
      command: 'serve',
      token: 'old',
      ...l,
    }),
  );

/** A pid that no process has: one of a process that has just ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(r.stdout.trim());
}

describe.skipIf(!!process.env.DATABASE_URL)('data folder lock', () => {
  it('is taken with pid, host, start and command; a second acquire is refused naming the holder', () => {
    const dir = freshDir();
    const lock = acquireDataDirLock(dir, { command: 'serve' });
    const l = readLock(dir);
    expect(l).toMatchObject({ pid: process.pid, hostname: hostname(), command: 'serve' });
    expect(Date.parse(l.startedAt)).toBeGreaterThan(Date.now() - 60_000);
    let err: unknown;
    try {
      acquireDataDirLock(dir, { command: 'verify-audit' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataDirInUseError);
    const msg = (err as Error).message;
    expect(msg).toContain(`pid ${process.pid} on host ${hostname()}`);
    expect(msg).toContain(`started ${l.startedAt}`);
    expect(msg).toContain('`serve`');
    expect(readLock(dir).token).toBe(l.token); // the refused one left the lock alone
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    lock.release(); // idempotent
    acquireDataDirLock(dir).release();
  });

  it('release leaves a lock that is no longer its own', () => {
    const dir = freshDir();
    const lock = acquireDataDirLock(dir);
    writeLock(dir, { pid: process.pid, token: 'someone-else' });
    lock.release();
    expect(readLock(dir).token).toBe('someone-else');
  });

  it('takes over the lock of a process that no longer exists', () => {
    const dir = freshDir();
    const pid = deadPid();
    writeLock(dir, { pid });
    const lock = acquireDataDirLock(dir, { command: 'serve' });
    expect(readLock(dir)).toMatchObject({ pid: process.pid, command: 'serve' });
    lock.release();
  });

  it('takes over a lock of an earlier process that had our pid (a restarted container)', () => {
    const dir = freshDir();
    writeLock(dir, { pid: process.pid, token: 'earlier-incarnation' });
    const lock = acquireDataDirLock(dir);
    expect(readLock(dir).token).toBe(lock.info.token);
    lock.release();
  });

  it.skipIf(!currentBootId())('takes over a lock from before the last reboot (boot id differs)', () => {
    const dir = freshDir();
    writeLock(dir, { pid: process.pid, bootId: '00000000-0000-0000-0000-000000000000' });
    acquireDataDirLock(dir).release();
  });

  it.skipIf(!processStartTicks('self'))(
    'tells a live holder from another process that reuses its pid',
    () => {
      const child = spawn('sleep', ['30']);
      try {
        const pid = child.pid!;
        const dir = freshDir();
        writeLock(dir, { pid, procStart: processStartTicks(pid) });
        expect(() => acquireDataDirLock(dir)).toThrow(`pid ${pid} on host`);
        writeLock(dir, { pid, procStart: '1' }); // the holder started at another time: pid reused
        acquireDataDirLock(dir).release();
        writeLock(dir, { pid, procStart: undefined }); // no start time: cmdline of `sleep` is not node
        acquireDataDirLock(dir).release();
      } finally {
        child.kill('SIGKILL');
      }
    },
  );

  it('never takes over a lock of another host or a lock it cannot read', () => {
    const dir = freshDir();
    writeLock(dir, { pid: deadPid(), hostname: 'other-host.example' });
    expect(() => acquireDataDirLock(dir)).toThrow(/on host other-host\.example.*another host/);
    writeFileSync(join(dir, LOCK_FILE), 'not json');
    expect(() => acquireDataDirLock(dir)).toThrow(/cannot be read.*delete/);
  });

  it('waits while another process takes over; removes a takeover left behind by a crash', () => {
    const dir = freshDir();
    writeLock(dir, { pid: deadPid() });
    mkdirSync(join(dir, `${LOCK_FILE}.takeover`));
    expect(() => acquireDataDirLock(dir, { waitForTakeoverMs: 200 })).toThrow(
      /taking over its stale lock at this moment/,
    );
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(dir, `${LOCK_FILE}.takeover`), old, old);
    acquireDataDirLock(dir).release();
    expect(existsSync(join(dir, `${LOCK_FILE}.takeover`))).toBe(false);
  });

  it('of several processes taking over the same stale lock at the same moment, exactly one wins', async () => {
    const dir = freshDir();
    writeLock(dir, { pid: deadPid() });
    const script = join(root, 'contender.ts');
    writeFileSync(
      script,
      `import { acquireDataDirLock } from ${JSON.stringify(resolve('src/db/data-dir-lock.ts'))};
const [dir, at] = process.argv.slice(2);
while (Date.now() < Number(at)) {} // start together; all find the stale lock, then pause 300 ms
try {
  const lock = acquireDataDirLock(dir, { command: 'contender', pauseOnStaleMs: 300 });
  console.log(JSON.stringify({ won: true, pid: process.pid }));
  setTimeout(() => lock.release(), 1500);
} catch (e) {
  console.log(JSON.stringify({ won: false, pid: process.pid, holder: e.holder?.pid, message: e.message }));
}
`,
    );
    const at = Date.now() + 4000;
    const runs = Array.from(
      { length: 8 },
      () =>
        new Promise<{ won: boolean; pid: number; holder?: number }>((ok, fail) => {
          const c = spawn(process.execPath, ['--import', 'tsx', script, dir, String(at)], {
            stdio: ['ignore', 'pipe', 'inherit'],
          });
          let out = '';
          c.stdout.on('data', (d) => {
            out += d;
          });
          c.on('error', fail);
          c.on('exit', () => {
            try {
              ok(JSON.parse(out));
            } catch {
              fail(new Error(`no answer: ${out}`));
            }
          });
        }),
    );
    const results = await Promise.all(runs);
    const winners = results.filter((r) => r.won);
    expect(winners).toHaveLength(1);
    for (const r of results.filter((x) => !x.won)) expect(r.holder).toBe(winners[0]!.pid);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false); // released by the winner on its way out
    expect(existsSync(join(dir, `${LOCK_FILE}.takeover`))).toBe(false);
  });
});
