import { createWriteStream, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
 * The embedded database's part of a backup: a tar.gz of PGlite's data folder, taken in the process
 * that holds the folder, without the platform's own files (lock, control socket, checkpoint, demo
 * sheets: data-folder-files.ts; the archive carries those in its data-folder/ part).
 *
 * Consistency: PGlite has one session, reached through a pool of one connection, and no
 * background processes. The backup holds that connection from a CHECKPOINT (every change on disk)
 * through the counts to the end of the dump, so nothing else runs in between: the facts and the
 * files are of the same moment (a transaction another request had open is waited for). Requests
 * wait meanwhile — seconds for a small database.
 *
 * A folder on disk is packed from the disk, streamed (PGlite's own `dumpDataDir()` builds the
 * whole dump in memory, and fails on a folder that holds the server's control socket); an
 * in-memory database (`memory://`, tests) is packed with `dumpDataDir()`.
 */
export async function dumpPglite(
  handle: DatabaseHandle,
  partPath: string,
): Promise<{ facts: DatabaseFacts; serverVersion: string; dumpedWith: string }> {
  const pglite = handle.pglite;
  if (!pglite) throw new BackupFailed('The embedded database is not open in this process.');
  const dir = pglite.dataDir && !/^[a-z]+:\/\//.test(pglite.dataDir) ? pglite.dataDir : undefined;
  return handle.db.connection().execute(async (conn) => {
    await sql`CHECKPOINT`.execute(conn);
    const facts = await collectFacts(conn);
    const v = await sql<{ server_version: string }>`SHOW server_version`.execute(conn);
    mkdirSync(dirname(partPath), { recursive: true, mode: 0o700 });
    const out = createWriteStream(partPath, { flags: 'wx', mode: 0o600 });
    if (dir) {
      const entries = readdirSync(dir)
        .filter((n) => !isPlatformEntry(n))
        .sort();
      await pipeline(tar.c({ cwd: dir, gzip: true, portable: true }, entries), out);
    } else {
      const dump = await pglite.dumpDataDir('gzip');
      await pipeline(Readable.fromWeb(dump.stream() as unknown as WebReadableStream), out);
    }
    return {
      facts,
      serverVersion: `PostgreSQL ${v.rows[0]?.server_version ?? '?'} (PGlite ${pgliteVersion()})`,
      dumpedWith: dir ? 'the data folder packed after CHECKPOINT' : 'PGlite dumpDataDir()',
    };
  });
}

let version: string | undefined;
/** The version of the PGlite package (the data folder's format follows it). */
export function pgliteVersion(): string {
  if (!version) {
    const main = createRequire(import.meta.url).resolve('@electric-sql/pglite');
    version = String(
      (JSON.parse(readFileSync(join(dirname(main), '..', 'package.json'), 'utf8')) as { version: string })
        .version,
    );
  }
  return version;
}

/** Unpacks the database part into the new (empty) data folder `dir`, leaving out platform entries. */
export async function unpackPglite(partPath: string, dir: string): Promise<void> {
  // dumpDataDir() names its entries "/PG_VERSION", …: the leading "/" is stripped (TAR_ENTRY_INFO,
  // not a fault); any other warning is. The part's SHA-256 was checked before.
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
