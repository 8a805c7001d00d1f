import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import {
  CHECKPOINT_FILE,
  checkAgainstCheckpoint,
  checkpointSettings,
  readCheckpoint,
} from '../audit/checkpoint.ts';
import { verifyAuditChain } from '../audit/verify-chain.ts';
import type { Config } from '../config/config.ts';
import { type Database, openDatabase } from '../db/connection.ts';
import { acquireDataDirLock, DataDirInUseError, LOCK_FILE } from '../db/data-dir-lock.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { migrations as codeMigrations } from '../db/migrations/index.ts';
import { readArchive, stagingFolder } from './archive.ts';
import { DATA_FOLDER_FILES } from './data-folder-files.ts';
import { collectFacts, compareFacts, describeFacts } from './database-facts.ts';
import { BackupFailed, BackupRefused } from './errors.ts';
import { DATA_FOLDER_PREFIX, DATABASE_PART, type Engine, type Manifest } from './manifest.ts';
import { pgliteVersion, unpackPglite } from './pglite-backup.ts';
import {
  choosePgRestore,
  clientServerMajor,
  createSiblingDatabase,
  databaseContents,
  databaseName,
  derivedName,
  dropDatabase,
  emptyDatabase,
  maintenanceClient,
  otherSessions,
  pgRestore,
  swapDatabases,
  withDatabase,
} from './postgres-backup.ts';

export interface RestoreResult {
  report: string[];
  /** 0 restored and verified; 1 restored and verified, but the audit checkpoint disagrees (see report). */
  exitCode: 0 | 1;
}

type Cfg = Pick<Config, 'DATABASE_URL' | 'DATA_DIR' | 'AUDIT_CHECKPOINT_FILE' | 'AUDIT_CHECKPOINT_SECRET'>;

/**
 * Restores a backup into the configured database: DATA_DIR for the embedded database, the
 * DATABASE_URL database for PostgreSQL. Refuses (BackupRefused, nothing changed) a damaged or
 * foreign archive, a backup of the other engine or of a newer version, and a target that is not
 * empty unless `force`. Restores beside the target (a new folder, or an empty database / a new
 * database), checks the restored database against the manifest (rows of every table, every file's
 * SHA-256, the audit trail and its hash chain), applies newer migrations, and only then puts it in
 * place; on any failure what was written is removed (BackupFailed) and the target is as it was.
 */
export async function restoreBackup(
  config: Cfg,
  opts: { from: string; force: boolean; env?: NodeJS.ProcessEnv; now?: Date },
): Promise<RestoreResult> {
  const from = resolve(opts.from);
  if (!existsSync(from)) throw new BackupRefused(`There is no backup file at ${from}.`);
  const ctx = {
    config,
    from,
    force: opts.force,
    env: opts.env ?? process.env,
    stamp: stampOf(opts.now ?? new Date()),
  };
  return config.DATABASE_URL ? restorePostgres(ctx, config.DATABASE_URL) : restorePglite(ctx);
}

interface Ctx {
  config: Cfg;
  from: string;
  force: boolean;
  env: NodeJS.ProcessEnv;
  stamp: string;
}

function stampOf(d: Date): string {
  return d
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '');
}

const ENGINE_WORDS: Record<Engine, string> = {
  pglite: 'the embedded database (PGlite, DATA_DIR)',
  postgres: 'PostgreSQL (DATABASE_URL)',
};

/** Refusals that follow from the manifest alone. */
function checkManifest(m: Manifest, engine: Engine): void {
  if (m.engine !== engine)
    throw new BackupRefused(
      `This is a backup of ${ENGINE_WORDS[m.engine]}, and this configuration restores into ${ENGINE_WORDS[engine]}. ` +
        `A backup restores into the same kind of database: ${m.engine === 'pglite' ? 'unset DATABASE_URL and set DATA_DIR to an empty folder' : 'set DATABASE_URL to an empty PostgreSQL database'}. Nothing was changed.`,
    );
  const known = new Set(Object.keys(codeMigrations));
  const unknown = m.facts.migrations.filter((n) => !known.has(n));
  if (unknown.length)
    throw new BackupRefused(
      `This backup was made by a newer version of the platform (${m.platformVersion}): its database has migration(s) this version does not know (${unknown.join(', ')}). Restore it with that version or a newer one. Nothing was changed.`,
    );
}

function heading(m: Manifest, into: string): string {
  return `Restored the backup of ${m.createdAt} (${m.engine === 'pglite' ? 'PGlite' : m.database.serverVersion}, platform ${m.platformVersion}, migration ${m.migrationHead ?? 'none'}) into ${into}.`;
}

/** Checks the restored database against the manifest, then applies newer migrations. */
async function verifyAndMigrate(db: Database, m: Manifest): Promise<string[]> {
  const problems = compareFacts(m.facts, await collectFacts(db));
  if (problems.length)
    throw new BackupFailed(`The restored database does not match the backup: ${problems.join('; ')}.`);
  const chain = await verifyAuditChain(db);
  if (!chain.ok)
    throw new BackupFailed(
      `The audit chain of the restored database is broken at event #${chain.brokenAt} (${chain.reason}): the backup holds a tampered or damaged audit trail.`,
    );
  const applied = await migrateToLatest(db as never);
  const lines = [
    `Checked against the backup's manifest: ${describeFacts(m.facts)}; every uploaded file matches its SHA-256; the audit hash chain is intact (${chain.events} event${chain.events === 1 ? '' : 's'}${m.facts.audit.head ? `, newest #${m.facts.audit.head.seq}` : ''}).`,
    applied.length
      ? `Migrations applied after the restore (the backup was older): ${applied.join(', ')}.`
      : `The database is at this version's newest migration (${m.migrationHead ?? 'none'}).`,
  ];
  return lines;
}

/**
 * The audit checkpoint check of verify-audit, against the restored database: the checkpoint the
 * restored installation will use (AUDIT_CHECKPOINT_FILE, or the one restored into DATA_DIR).
 */
async function checkpointLine(
  db: Database,
  file: string,
  shownAs: string,
  secret: string | undefined,
): Promise<{ line: string; ok: boolean }> {
  const cp = readCheckpoint(file);
  if (cp instanceof Error)
    return { line: `Audit checkpoint: ${cp.message.replace(file, shownAs)}`, ok: false };
  if (!cp)
    return {
      line: `No audit checkpoint at ${shownAs}: the server writes one when it starts.`,
      ok: true,
    };
  const check = await checkAgainstCheckpoint(db, cp, secret);
  if (check.ok)
    return {
      line: `Audit checkpoint #${cp.seq} of ${cp.time} at ${shownAs} matches the restored trail (${check.signed ? (secret ? 'signature verified' : 'signed, signature not checked: AUDIT_CHECKPOINT_SECRET is not set') : 'unsigned'}).`,
      ok: true,
    };
  return {
    line: `Audit checkpoint at ${shownAs} does NOT match the restored trail: ${check.reason}. When the backup is older than that checkpoint this is expected (the events after the backup are not in it) — keep the file as evidence and move it away, so that the server can write a new one; otherwise the audit trail was tampered with.`,
    ok: false,
  };
}

// ——— the embedded database ———

async function restorePglite(ctx: Ctx): Promise<RestoreResult> {
  const target = resolve(ctx.config.DATA_DIR);
  const created = !existsSync(target);
  mkdirSync(target, { recursive: true, mode: 0o700 });
  let lock: ReturnType<typeof acquireDataDirLock>;
  try {
    lock = acquireDataDirLock(target, { command: 'restore' });
  } catch (e) {
    if (created) rmdirSync(target);
    if (e instanceof DataDirInUseError)
      throw new BackupRefused(
        `${e.message}\nA restore replaces the whole database: stop that process first. Nothing was changed.`,
      );
    throw e;
  }
  let swapped = false;
  try {
    const existing = readdirSync(target).filter((n) => n !== LOCK_FILE);
    if (existing.length && !ctx.force)
      throw new BackupRefused(
        `The data folder ${target} is not empty (${existing.slice(0, 5).join(', ')}${existing.length > 5 ? ', …' : ''}). Restore into an empty or new DATA_DIR, or add --force to replace this one (it is kept as ${target}.before-restore-<time>). Nothing was changed.`,
      );
    const staging = stagingFolder(target, 'restore');
    try {
      const archive = join(staging, 'archive');
      mkdirSync(archive, { mode: 0o700 });
      const m = await readArchive(ctx.from, archive);
      checkManifest(m, 'pglite');
      const data = join(staging, 'data');
      mkdirSync(data, { mode: 0o700 });
      await unpackPglite(join(archive, DATABASE_PART.pglite), data);
      const placed = placeDataFolderFiles(m, archive, data);
      let handle: Awaited<ReturnType<typeof openDatabase>>;
      try {
        handle = await openDatabase({ dataDir: data, lockCommand: 'restore' });
      } catch (e) {
        throw new BackupFailed(
          `The database in the backup cannot be opened by this version's PGlite ${pgliteVersion()} (the backup is of ${m.database.serverVersion}): ${(e as Error).message}`,
        );
      }
      const report = [heading(m, `the data folder ${target}`)];
      let cp: { line: string; ok: boolean };
      try {
        report.push(...(await verifyAndMigrate(handle.db, m)));
        const settings = checkpointSettings(ctx.config);
        const external = !!ctx.config.AUDIT_CHECKPOINT_FILE;
        cp = await checkpointLine(
          handle.db,
          external ? settings.file : join(data, CHECKPOINT_FILE),
          settings.file,
          settings.secret,
        );
      } finally {
        await handle.close();
      }
      // Swap: the old folder aside (kept when it held anything), the restored one in its place.
      const aside = existing.length
        ? uniquePath(`${target}.before-restore-${ctx.stamp}`)
        : join(staging, 'previous');
      renameSync(target, aside);
      try {
        renameSync(data, target);
      } catch (e) {
        renameSync(aside, target);
        throw new BackupFailed(`The restored folder could not be moved into place: ${(e as Error).message}`);
      }
      swapped = true;
      rmSync(join(aside, LOCK_FILE), { force: true }); // ours: it moved with the old folder
      if (placed.length) report.push(`Restored into DATA_DIR: ${placed.join(', ')}.`);
      if (existing.length)
        report.push(`The previous data folder is kept as ${aside}: delete it once you no longer need it.`);
      report.push(cp.line);
      return { report, exitCode: cp.ok ? 0 : 1 };
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  } finally {
    lock.release();
    if (created && !swapped) {
      try {
        rmdirSync(target);
      } catch {}
    }
  }
}

function uniquePath(path: string): string {
  return existsSync(path) ? `${path}-${randomBytes(3).toString('hex')}` : path;
}

/** Copies the backup's data folder files into `dir`; returns their names. */
function placeDataFolderFiles(m: Manifest, archive: string, dir: string): string[] {
  const names: string[] = [];
  for (const p of m.parts) {
    if (!p.name.startsWith(DATA_FOLDER_PREFIX)) continue;
    const name = p.name.slice(DATA_FOLDER_PREFIX.length);
    copyFileSync(join(archive, p.name), join(dir, name));
    names.push(name);
  }
  return names;
}

// ——— PostgreSQL ———

async function restorePostgres(ctx: Ctx, targetUrl: string): Promise<RestoreResult> {
  const staging = mkdtempSync(join(tmpdir(), 'eucab-restore-'));
  try {
    const archive = join(staging, 'archive');
    mkdirSync(archive, { mode: 0o700 });
    const m = await readArchive(ctx.from, archive);
    checkManifest(m, 'postgres');
    const target = databaseName(targetUrl);
    const client = new pg.Client({ connectionString: targetUrl });
    try {
      await client.connect();
    } catch (e) {
      await client.end().catch(() => {});
      throw new BackupRefused(
        `The database of DATABASE_URL cannot be reached (${(e as Error).message}). Create it first (an empty database: CREATE DATABASE ${target}). Nothing was changed.`,
      );
    }
    let contents: string[];
    let major: number;
    try {
      contents = await databaseContents(client);
      major = await clientServerMajor(client);
    } finally {
      await client.end();
    }
    if (contents.length && !ctx.force)
      throw new BackupRefused(
        `The database ${target} is not empty (${contents.join(', ')}). Restore into an empty database (CREATE DATABASE …), or add --force to replace it (it is kept, renamed to ${derivedName(target, `before_restore_${ctx.stamp.toLowerCase()}`)}). Nothing was changed.`,
      );
    const dataDir = resolve(ctx.config.DATA_DIR);
    const conflicts = dataFolderConflicts(m, archive, dataDir);
    if (conflicts.length && !ctx.force)
      throw new BackupRefused(
        `DATA_DIR ${dataDir} holds files of another installation (${conflicts.join(', ')}). Move them away, or add --force (they are kept as <name>.before-restore-<time>). Nothing was changed.`,
      );
    const tool = choosePgRestore(m.database.dumpedWith, major, ctx.env);
    const part = join(archive, DATABASE_PART.postgres);
    const report = [heading(m, `the database ${target}`)];

    if (!contents.length) {
      // An empty database: restore into it; on a failure after pg_restore committed, empty it again.
      try {
        await pgRestore(tool, part, targetUrl, ctx.env);
      } catch (e) {
        throw new BackupFailed(`${(e as Error).message}\nThe database was left as it was (empty).`);
      }
      try {
        report.push(...(await withDb(targetUrl, (db) => verifyAndMigrate(db, m))));
      } catch (e) {
        const c = new pg.Client({ connectionString: targetUrl });
        await c.connect();
        try {
          await emptyDatabase(c);
        } finally {
          await c.end();
        }
        throw new BackupFailed(`${(e as Error).message}\nThe database was emptied again.`);
      }
    } else {
      // --force on a database in use: restore into a new database, then swap the names.
      const admin = await maintenanceClient(targetUrl, [target]);
      try {
        const busy = await otherSessions(admin, target);
        if (busy > 0)
          throw new BackupRefused(
            `${busy} session(s) are connected to the database ${target}: stop the EUCAB servers (and other clients) using it, then restore again. Nothing was changed.`,
          );
        const fresh = await createSiblingDatabase(admin, target);
        try {
          await pgRestore(tool, part, withDatabase(targetUrl, fresh), ctx.env);
          report.push(...(await withDb(withDatabase(targetUrl, fresh), (db) => verifyAndMigrate(db, m))));
          const aside = derivedName(target, `before_restore_${ctx.stamp.toLowerCase()}`);
          await swapDatabases(admin, target, fresh, aside);
          report.push(
            `The previous database is kept as "${aside}": drop it (DROP DATABASE "${aside}") once you no longer need it.`,
          );
        } catch (e) {
          await dropDatabase(admin, fresh).catch(() => {});
          if (e instanceof BackupRefused || e instanceof BackupFailed) {
            e.message += `\nThe database ${target} was left as it was.`;
            throw e;
          }
          throw new BackupFailed(`${(e as Error).message}\nThe database ${target} was left as it was.`);
        }
      } finally {
        await admin.end();
      }
    }

    const placed = replaceDataFolderFiles(m, archive, dataDir, ctx.stamp);
    if (placed.length) report.push(`Restored into DATA_DIR ${dataDir}: ${placed.join(', ')}.`);
    const settings = checkpointSettings(ctx.config);
    const cp = await withDb(targetUrl, (db) =>
      checkpointLine(db, settings.file, settings.file, settings.secret),
    );
    report.push(cp.line);
    return { report, exitCode: cp.ok ? 0 : 1 };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

async function withDb<T>(url: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const h = await openDatabase({ databaseUrl: url });
  try {
    return await fn(h.db);
  } finally {
    await h.close();
  }
}

/** DATA_DIR's platform files that differ from the backup's (or that the backup does not have). */
function dataFolderConflicts(m: Manifest, archive: string, dataDir: string): string[] {
  const inBackup = new Set(m.parts.map((p) => p.name));
  return DATA_FOLDER_FILES.filter((f) => {
    const path = join(dataDir, f);
    if (!existsSync(path)) return false;
    const part = `${DATA_FOLDER_PREFIX}${f}`;
    return !inBackup.has(part) || !readFileSync(path).equals(readFileSync(join(archive, part)));
  });
}

/** Puts the backup's data folder files into DATA_DIR, moving differing ones aside. */
function replaceDataFolderFiles(m: Manifest, archive: string, dataDir: string, stamp: string): string[] {
  if (m.parts.some((p) => p.name.startsWith(DATA_FOLDER_PREFIX)))
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  for (const f of dataFolderConflicts(m, archive, dataDir))
    renameSync(join(dataDir, f), uniquePath(join(dataDir, `${f}.before-restore-${stamp}`)));
  const placed: string[] = [];
  for (const p of m.parts) {
    if (!p.name.startsWith(DATA_FOLDER_PREFIX)) continue;
    const name = p.name.slice(DATA_FOLDER_PREFIX.length);
    const dest = join(dataDir, name);
    if (existsSync(dest)) continue; // the same content
    const tmp = `${dest}.${process.pid}.tmp`;
    copyFileSync(join(archive, p.name), tmp);
    renameSync(tmp, dest);
    placed.push(name);
  }
  return placed;
}
