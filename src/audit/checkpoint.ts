import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config } from '../config/config.ts';
import type { Database } from '../db/connection.ts';

/**
 * Checkpoints of the audit chain: the head of the chain (seq and hash of the newest event, the
 * time, and an HMAC when a secret is set) written OUTSIDE the table — to a file, and to the log.
 *
 * The hash chain shows an event that was changed or removed in the middle, but not the newest
 * events removed from the end (the remaining chain is intact). A checkpoint proves that events up
 * to its seq existed: `verify-audit` checks that the table still holds that seq with that hash and
 * otherwise reports "the newest events after #N were deleted". Limits: events written after the
 * last checkpoint can still be deleted unseen; whoever can also rewrite the file can move the
 * anchor back — unless the checkpoint is signed with AUDIT_CHECKPOINT_SECRET, a secret the
 * database administrator does not have (then a rewritten file fails its signature). A deleted file
 * only shows as "no checkpoint"; the log keeps a copy of each checkpoint line.
 */
export interface AuditCheckpoint {
  seq: number;
  hash: string;
  /** When the checkpoint was written (ISO 8601). */
  time: string;
  /** HMAC-SHA256 (hex) of seq, hash and time, with a key derived from AUDIT_CHECKPOINT_SECRET. */
  mac?: string;
}

/** The settings (environment variables, see README): file, secret, interval. */
export interface CheckpointConfig {
  DATA_DIR: Config['DATA_DIR'];
  AUDIT_CHECKPOINT_FILE?: string | undefined;
  AUDIT_CHECKPOINT_SECRET?: string | undefined;
  AUDIT_CHECKPOINT_MINUTES?: number | undefined;
}

export interface CheckpointSettings {
  file: string;
  secret: string | undefined;
  intervalMs: number;
}

export const CHECKPOINT_FILE = 'audit-checkpoint.json';

export function checkpointSettings(config: CheckpointConfig): CheckpointSettings {
  return {
    file: config.AUDIT_CHECKPOINT_FILE || join(config.DATA_DIR, CHECKPOINT_FILE),
    secret: config.AUDIT_CHECKPOINT_SECRET || undefined,
    intervalMs: Math.round(Math.max(0.1, config.AUDIT_CHECKPOINT_MINUTES ?? 5) * 60_000),
  };
}

function macOf(secret: string, cp: Pick<AuditCheckpoint, 'seq' | 'hash' | 'time'>): string {
  const key = createHash('sha256').update('eucab audit checkpoint key\n').update(secret).digest();
  return createHmac('sha256', key)
    .update(`eucab-audit-checkpoint-v1\n${cp.seq}\n${cp.hash}\n${cp.time}`)
    .digest('hex');
}

function sameHex(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** The newest event of the chain, or null when there is none. */
export async function auditHead(db: Database): Promise<{ seq: number; hash: string } | null> {
  const row = await db
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { seq: Number(row.seq), hash: row.hash } : null;
}

/** The checkpoint in the file: null when there is no file; an Error when it cannot be read. */
export function readCheckpoint(file: string): AuditCheckpoint | null | Error {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return new Error(`The audit checkpoint ${file} cannot be read: ${(e as Error).message}`);
  }
  try {
    const cp = JSON.parse(text) as AuditCheckpoint;
    if (
      !Number.isSafeInteger(cp.seq) ||
      typeof cp.hash !== 'string' ||
      !/^[0-9a-f]{64}$/.test(cp.hash) ||
      typeof cp.time !== 'string' ||
      (cp.mac !== undefined && typeof cp.mac !== 'string')
    )
      throw new Error('unexpected content');
    return cp;
  } catch (e) {
    return new Error(`The audit checkpoint ${file} is malformed (${(e as Error).message}).`);
  }
}

export type CheckpointCheck =
  | { ok: true; checkpoint: AuditCheckpoint; signed: boolean }
  | { ok: false; checkpoint?: AuditCheckpoint; reason: string };

/**
 * Checks the table against a checkpoint: its signature (when a secret is set), then that the
 * checkpointed event is still there with the same hash.
 */
export async function checkAgainstCheckpoint(
  db: Database,
  cp: AuditCheckpoint,
  secret: string | undefined,
): Promise<CheckpointCheck> {
  if (secret) {
    if (!cp.mac)
      return {
        ok: false,
        checkpoint: cp,
        reason:
          'the audit checkpoint is not signed although AUDIT_CHECKPOINT_SECRET is set: the file may have been replaced',
      };
    if (!sameHex(cp.mac, macOf(secret, cp)))
      return {
        ok: false,
        checkpoint: cp,
        reason:
          'the signature of the audit checkpoint does not match: the file was altered (or signed with another AUDIT_CHECKPOINT_SECRET)',
      };
  }
  const row = await db.selectFrom('audit_events').select('hash').where('seq', '=', cp.seq).executeTakeFirst();
  if (!row) {
    const head = await auditHead(db);
    const last = head && head.seq < cp.seq ? head.seq : null;
    return {
      ok: false,
      checkpoint: cp,
      reason:
        last !== null || !head
          ? `the newest events after #${last ?? 0} were deleted: the checkpoint of ${cp.time} names event #${cp.seq}, which is no longer in the table`
          : `event #${cp.seq}, named by the checkpoint of ${cp.time}, is no longer in the table (events were deleted)`,
    };
  }
  if (row.hash !== cp.hash)
    return {
      ok: false,
      checkpoint: cp,
      reason: `event #${cp.seq} does not have the hash the checkpoint of ${cp.time} recorded: the events up to it were replaced`,
    };
  return { ok: true, checkpoint: cp, signed: !!cp.mac };
}

export type WriteResult = { written: true; checkpoint: AuditCheckpoint } | { written: false; reason: string };

/**
 * Writes a checkpoint of the current head (atomically: a new file renamed over the old one, mode
 * 0600) and logs it. Never replaces a checkpoint the table no longer matches — that file is the
 * evidence of the deletion — nor writes one for an empty chain.
 */
export async function writeAuditCheckpoint(
  db: Database,
  settings: Pick<CheckpointSettings, 'file' | 'secret'>,
  log: (line: string) => void = () => {},
): Promise<WriteResult> {
  const previous = readCheckpoint(settings.file);
  if (previous instanceof Error) {
    log(`AUDIT CHECKPOINT NOT WRITTEN: ${previous.message}`);
    return { written: false, reason: previous.message };
  }
  if (previous) {
    const check = await checkAgainstCheckpoint(db, previous, settings.secret);
    if (!check.ok) {
      const reason = `Audit chain BROKEN: ${check.reason}. The checkpoint file ${settings.file} is kept as evidence.`;
      log(`AUDIT CHECKPOINT NOT WRITTEN: ${reason}`);
      return { written: false, reason };
    }
  }
  const head = await auditHead(db);
  if (!head) return { written: false, reason: 'The audit trail has no events yet.' };
  const time = new Date().toISOString();
  const cp: AuditCheckpoint = { seq: head.seq, hash: head.hash, time };
  if (settings.secret) cp.mac = macOf(settings.secret, cp);
  mkdirSync(dirname(settings.file), { recursive: true, mode: 0o700 });
  const tmp = `${settings.file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(cp)}\n`, { mode: 0o600 });
  renameSync(tmp, settings.file);
  log(`audit checkpoint: ${JSON.stringify(cp)}`);
  return { written: true, checkpoint: cp };
}

/**
 * Writes a checkpoint every `intervalMs` when new events were written since the last one, and a
 * last one at `stop()` (server shutdown).
 */
export function startAuditCheckpoints(
  db: Database,
  settings: CheckpointSettings,
  log: (line: string) => void,
): { stop(): Promise<void> } {
  let lastSeq = -1;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running.then(async () => {
      try {
        const head = await auditHead(db);
        if (!head || head.seq === lastSeq) return;
        const r = await writeAuditCheckpoint(db, settings, log);
        if (r.written) lastSeq = r.checkpoint.seq;
      } catch (e) {
        log(`AUDIT CHECKPOINT NOT WRITTEN: ${(e as Error).message}`);
      }
    });
    return running;
  };
  void tick();
  const timer = setInterval(tick, settings.intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await tick();
    },
  };
}
