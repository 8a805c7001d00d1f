import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';

/**
 * One process at a time in an embedded (PGlite) data folder.
 *
 * PGlite is PostgreSQL compiled to WebAssembly without the postmaster, so nothing stops a second
 * process from opening the same folder: both then write pages and WAL the other does not see, and
 * the folder is corrupted (lost writes, indexes that disagree with tables, "could not locate a
 * valid checkpoint record"). This file is the lock PostgreSQL's postmaster.pid would have been.
 *
 * Why no library: proper-lockfile (the usual choice) decides staleness by the lock's mtime, which
 * the holder must refresh on a timer — a server whose event loop is blocked for a while (a long
 * synchronous PGlite statement) would lose its lock to a second process, the exact corruption
 * this prevents; and it records no pid or host, so a refusal could not say who holds the folder.
 *
 * How it works:
 * - The lock is the file `eucab.lock` in the folder, holding JSON {pid, hostname, startedAt,
 *   bootId, procStart, command, token}. It is created atomically with its content: the JSON is
 *   written and fsynced to a temporary file, then hard-linked to `eucab.lock` (link() fails with
 *   EEXIST when the lock exists, like open(O_EXCL), but a reader never sees an empty lock file).
 * - A lock is stale only when its holder is provably gone: same host, and either the machine has
 *   rebooted since (boot id differs), or no process has the pid (kill(pid, 0) → ESRCH), or the pid
 *   now belongs to another process (pid reuse). Pid reuse is detected with the process start time
 *   in clock ticks since boot (field 22 of /proc/<pid>/stat), recorded in the lock and compared;
 *   where that is unavailable, a live pid whose /proc/<pid>/cmdline does not mention node is
 *   taken as reused. Without /proc (macOS) a live pid always counts as the holder (safe side).
 *   A lock with this process's own pid but not one of its own locks is stale too (a container
 *   restarted after kill -9 often gets the same pid, host name and boot id). A lock written on
 *   another host is never taken over automatically (a shared network folder): the refusal tells
 *   the operator to check that host and delete the file by hand. Not supported: two containers
 *   with the same host name but separate pid namespaces sharing one folder (each would find the
 *   other's pid dead).
 * - Taking over a stale lock is serialised by the atomic mkdir of `eucab.lock.takeover`: only
 *   the process that created it re-reads the lock, re-checks that it is still the same stale lock,
 *   moves it aside (rename, then verifies it moved the lock it judged stale), creates its own lock
 *   and removes the directory. The others wait for the directory to go and start again (and then
 *   find the winner's live lock). A takeover directory older than 30 s is abandoned (its process
 *   died within the few milliseconds of a takeover) and is removed.
 * - The lock is released (deleted, only if it is still ours) on close and on process exit; after
 *   kill -9 or a power cut it stays behind and is taken over by the next process as above.
 */

export const LOCK_FILE = 'eucab.lock';
const TAKEOVER_DIR = `${LOCK_FILE}.takeover`;
const ABANDONED_TAKEOVER_MS = 30_000;

export interface LockInfo {
  pid: number;
  hostname: string;
  /** ISO time the holder took the lock. */
  startedAt: string;
  /** /proc/sys/kernel/random/boot_id of the holder's machine, when it has one. */
  bootId?: string | undefined;
  /** Start time of the holder process in clock ticks since boot (/proc/<pid>/stat field 22). */
  procStart?: string | undefined;
  /** What the holder is doing, e.g. `serve` or `verify-audit`. */
  command: string;
  /** Random, tells this lock apart from a later one of the same pid. */
  token: string;
}

/** Refusal: another live process holds the folder (or it cannot be told that it does not). */
export class DataDirInUseError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockInfo | null,
    detail?: string,
  ) {
    super(describeRefusal(dir, holder, detail));
    this.name = 'DataDirInUseError';
  }
}

function describeRefusal(dir: string, holder: LockInfo | null, detail?: string): string {
  const file = join(dir, LOCK_FILE);
  if (!holder)
    return (
      `The database folder ${dir} is locked, but its lock file ${file} cannot be read${detail ? ` (${detail})` : ''}. ` +
      `Make sure no EUCAB process uses this folder, then delete ${file} and start again.`
    );
  const who = `pid ${holder.pid} on host ${holder.hostname}, started ${holder.startedAt}, \`${holder.command}\``;
  const sameHost = holder.hostname === hostname();
  return (
    `The database folder ${dir} is in use by another EUCAB process (${who})${detail ? ` — ${detail}` : ''}. ` +
    'Only one process may open an embedded database at a time. ' +
    (sameHost
      ? `Stop it first, or use the commands that go through the running server (see \`npm run cli -- help\`). A lock left by a process that no longer exists is taken over automatically; if pid ${holder.pid} is not an EUCAB process, delete ${file} by hand.`
      : `It was taken on another host, so it cannot be checked from here: stop that process, or, if it no longer exists, delete ${file} by hand.`)
  );
}

export interface DataDirLock {
  readonly dir: string;
  readonly info: LockInfo;
  /** Deletes the lock file if it is still ours. Idempotent. */
  release(): void;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function currentBootId(): string | undefined {
  return readText('/proc/sys/kernel/random/boot_id')?.trim() || undefined;
}

/** Field 22 (starttime) of /proc/<pid>/stat; the command name (field 2) may contain spaces and parentheses. */
export function processStartTicks(pid: number | 'self'): string | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return rest[19]; // rest[0] is field 3 (state)
}

/** Reads the lock of a folder: null when there is none, 'unreadable' when it is not ours to read. */
export function readDataDirLock(dir: string): LockInfo | null | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(join(dir, LOCK_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return 'unreadable';
  }
  try {
    const j = JSON.parse(text) as LockInfo;
    if (typeof j.pid !== 'number' || typeof j.hostname !== 'string' || typeof j.token !== 'string')
      return 'unreadable';
    return j;
  } catch {
    return 'unreadable';
  }
}

/** Tokens of the locks this process holds. */
const heldHere = new Set<string>();

/** Whether the holder of a lock is provably gone (see the file comment). */
export function isStale(holder: LockInfo): boolean {
  if (holder.hostname !== hostname()) return false;
  const boot = currentBootId();
  if (holder.bootId && boot && holder.bootId !== boot) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return true;
    // EPERM: a live process of another user has the pid; go on with the reuse checks.
  }
  // Our own pid: this process holds it (a second open of the folder), or an earlier process had
  // our pid (a container restarted after kill -9 often gets the same pid, host name and boot id).
  if (holder.pid === process.pid) return !heldHere.has(holder.token);
  const start = processStartTicks(holder.pid);
  if (holder.procStart && start) return start !== holder.procStart;
  const cmdline = readText(`/proc/${holder.pid}/cmdline`);
  if (cmdline !== undefined) return !/node|tsx/i.test(cmdline);
  return false;
}

function defaultCommand(): string {
  const args = process.argv.slice(2);
  const script = process.argv[1] ? basename(process.argv[1]) : 'node';
  return script === 'main.ts' || script === 'main.js'
    ? args.join(' ') || 'help'
    : [script, ...args].join(' ');
}

function sleepSync(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Creates the lock file with its content in one step; false when a lock exists. */
function tryCreate(dir: string, info: LockInfo): boolean {
  const lockPath = join(dir, LOCK_FILE);
  const tmp = join(dir, `${LOCK_FILE}.${process.pid}.${info.token}.tmp`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(info, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, lockPath);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    unlinkSync(tmp);
  }
}

/**
 * Under the takeover directory: moves the stale lock aside if it is still the one judged stale.
 * Returns false when the lock changed meanwhile (then the caller starts again).
 */
function removeStaleLock(dir: string, stale: LockInfo): boolean {
  const lockPath = join(dir, LOCK_FILE);
  const now = readDataDirLock(dir);
  if (now === null) return true;
  if (now === 'unreadable' || now.token !== stale.token || !isStale(now)) return false;
  const aside = join(dir, `${LOCK_FILE}.stale-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    renameSync(lockPath, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw e;
  }
  // Belt and braces against a takeover directory wrongly judged abandoned: if what was moved is
  // not the stale lock, put it back (link fails if yet another lock appeared: then that one wins).
  const moved = readText(aside);
  let movedToken: string | undefined;
  try {
    movedToken = moved ? (JSON.parse(moved) as LockInfo).token : undefined;
  } catch {}
  if (movedToken !== stale.token) {
    try {
      linkSync(aside, lockPath);
    } catch {}
    unlinkSync(aside);
    return false;
  }
  unlinkSync(aside);
  return true;
}

/** Enters the takeover section; false when another process is in it (the caller waits and retries). */
function enterTakeover(dir: string): boolean {
  const path = join(dir, TAKEOVER_DIR);
  try {
    mkdirSync(path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  try {
    if (Date.now() - statSync(path).mtimeMs > ABANDONED_TAKEOVER_MS) {
      const aside = `${path}.abandoned-${process.pid}-${randomBytes(4).toString('hex')}`;
      renameSync(path, aside);
      rmdirSync(aside);
    }
  } catch {
    // someone else removed or renamed it first
  }
  return false;
}

/**
 * Takes the lock of an embedded data folder (which must exist), or throws DataDirInUseError
 * naming the holder. A stale lock (holder provably gone) is taken over. Synchronous: it runs
 * once before the database opens, and its few file operations must not interleave with anything.
 */
export function acquireDataDirLock(
  dir: string,
  opts: {
    command?: string;
    waitForTakeoverMs?: number;
    /** Tests only: pause after finding a stale lock, so that contenders overlap for sure. */
    pauseOnStaleMs?: number;
  } = {},
): DataDirLock {
  const info: LockInfo = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    bootId: currentBootId(),
    procStart: processStartTicks('self'),
    command: opts.command ?? defaultCommand(),
    token: randomBytes(12).toString('hex'),
  };
  const deadline = Date.now() + (opts.waitForTakeoverMs ?? 10_000);
  for (;;) {
    if (tryCreate(dir, info)) break;
    const holder = readDataDirLock(dir);
    if (holder === null) continue; // released just now: try again
    if (holder === 'unreadable') throw new DataDirInUseError(dir, null);
    if (!isStale(holder)) throw new DataDirInUseError(dir, holder);
    if (opts.pauseOnStaleMs) sleepSync(opts.pauseOnStaleMs);
    if (enterTakeover(dir)) {
      let removed: boolean;
      try {
        removed = removeStaleLock(dir, holder);
        if (removed && tryCreate(dir, info)) {
          rmdirSync(join(dir, TAKEOVER_DIR));
          break;
        }
      } catch (e) {
        rmdirSync(join(dir, TAKEOVER_DIR));
        throw e;
      }
      rmdirSync(join(dir, TAKEOVER_DIR));
      continue; // the lock changed under us: look again
    }
    if (Date.now() > deadline)
      throw new DataDirInUseError(
        dir,
        holder,
        'another process is taking over its stale lock at this moment',
      );
    sleepSync(25);
  }
  heldHere.add(info.token);
  return makeHandle(dir, info);
}

function makeHandle(dir: string, info: LockInfo): DataDirLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(info.token);
    process.off('exit', release);
    const now = readDataDirLock(dir);
    if (now && now !== 'unreadable' && now.token === info.token) {
      try {
        unlinkSync(join(dir, LOCK_FILE));
      } catch {}
    }
  };
  process.on('exit', release);
  return { dir, info, release };
}
