import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { sql } from 'kysely';
import * as tar from 'tar';
import type { DatabaseHandle } from '../db/connection.ts';
import { isPlatformEntry } from './data-folder-files.ts';
import { collectFacts } from './database-facts.ts';
import { BackupFailed } from './errors.ts';
import type { DatabaseFacts } from './manifest.ts';

/**
 * The embedded database's part of a backup: PGlite's own dump of its data folder
 * (`dumpDataDir`, a tar.gz), taken in the process that holds the folder. The dump is the whole
 * folder as PGlite sees it, so it also holds the platform's files (lock, control socket,
 * checkpoint, demo sheets); a restore never unpacks those from it (isPlatformEntry) and takes the
 * data folder's files from the archive's own data-folder/ part instead.
 *
 * Consistency: PGlite has one session, reached through a pool of one connection. The dump holds
 * that connection from the first count to the end of the dump, so no other statement runs in
 * between: the facts and the files describe the same moment (a transaction another request had
 * open is waited for). Requests wait meanwhile — seconds for a small database. PGlite builds the
 * dump in memory: it needs free memory of about the size of the data folder.
 */
export async function dumpPglite(
  handle: DatabaseHandle,
  partPath: string,
): Promise<{ facts: DatabaseFacts; serverVersion: string }> {
  const pglite = handle.pglite;
  if (!pglite) throw new BackupFailed('The embedded database is not open in this process.');
  return handle.db.connection().execute(async (conn) => {
    await sql`CHECKPOINT`.execute(conn); // pages on disk: less WAL to replay when restored
    const facts = await collectFacts(conn);
    const v = await sql<{ server_version: string }>`SHOW server_version`.execute(conn);
    const dump = await pglite.dumpDataDir('gzip');
    mkdirSync(dirname(partPath), { recursive: true, mode: 0o700 });
    await pipeline(
      Readable.fromWeb(dump.stream() as unknown as WebReadableStream),
      createWriteStream(partPath, { flags: 'wx', mode: 0o600 }),
    );
    return { facts, serverVersion: `PostgreSQL ${v.rows[0]?.server_version ?? '?'} (PGlite)` };
  });
}

/** Unpacks the database part into the new (empty) data folder `dir`, leaving out platform entries. */
export async function unpackPglite(partPath: string, dir: string): Promise<void> {
  // PGlite names its entries "/PG_VERSION", …: the leading "/" is stripped (TAR_ENTRY_INFO, not a
  // fault); any other warning is. The part's SHA-256 was checked before.
  const warnings: string[] = [];
  await tar.x({
    file: partPath,
    cwd: dir,
    preservePaths: false,
    filter: (path) => !isPlatformEntry(path),
    onwarn: (code, message) => {
      if (code !== 'TAR_ENTRY_INFO') warnings.push(`${code}: ${String(message)}`);
    },
  });
  if (warnings.length)
    throw new BackupFailed(
      `The database part of the backup cannot be unpacked: ${warnings.slice(0, 3).join('; ')}`,
    );
}

/** The folder holds a database (PostgreSQL's PG_VERSION). */
export function pgliteVersionFile(dir: string): string {
  return join(dir, 'PG_VERSION');
}
