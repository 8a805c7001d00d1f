import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar';
import { z } from 'zod';
import { BackupRefused } from './errors.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  isKnownPartName,
  MANIFEST_NAME,
  type Manifest,
  manifestSchema,
  type Part,
} from './manifest.ts';

/**
 * The backup archive: an uncompressed tar (its parts are compressed already) holding
 * `manifest.json` first, then the database part and the data folder's files, e.g.
 *
 *   manifest.json
 *   database/pglite-data.tar.gz      (or database/postgres.pgdump)
 *   data-folder/audit-checkpoint.json
 *
 * It is written beside its final name and renamed into place once complete and flushed, so a
 * backup file is never half-written; it is created with mode 0600 (it holds the whole database).
 * Reading unpacks only the names an archive may hold, then checks the manifest and every part's
 * size and SHA-256: a damaged, cut-short or foreign file is refused before anything is restored.
 */

/** SHA-256 and size of a file, streamed. */
export async function fileDigest(path: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest('hex') };
}

/** Describes a part staged as `staging/<name>` for the manifest. */
export async function stagePart(staging: string, name: string): Promise<Part> {
  return { name, ...(await fileDigest(join(staging, name))) };
}

/** Refuses an output path that exists or whose folder does not. */
export function checkOutputPath(out: string): void {
  if (existsSync(out))
    throw new BackupRefused(`${out} already exists: choose a new file name (nothing was written).`);
  const dir = dirname(out);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new BackupRefused(`The folder ${dir} does not exist (nothing was written).`);
}

/** A private temporary folder beside `near` (same file system, so that renames are atomic). */
export function stagingFolder(near: string, what: string): string {
  const dir = join(dirname(near), `.${basename(near)}.${what}-${randomBytes(6).toString('hex')}`);
  mkdirSync(dir, { mode: 0o700 });
  return dir;
}

/** Writes the archive of `staging` (manifest + parts) to `out`, atomically. */
export async function writeArchive(out: string, staging: string, manifest: Manifest): Promise<number> {
  checkOutputPath(out);
  writeFileSync(join(staging, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  const partial = join(dirname(out), `.${basename(out)}.partial-${randomBytes(6).toString('hex')}`);
  try {
    await pipeline(
      tar.c({ cwd: staging, portable: true }, [MANIFEST_NAME, ...manifest.parts.map((p) => p.name)]),
      createWriteStream(partial, { flags: 'wx', mode: 0o600 }),
    );
    const fd = openSync(partial, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    checkOutputPath(out);
    renameSync(partial, out);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
  return statSync(out).size;
}

const damaged = (file: string, why: string) =>
  new BackupRefused(`The backup ${file} is damaged or incomplete: ${why}. Nothing was restored.`);

/**
 * Unpacks an archive into the (empty, private) folder `into` and checks it; returns the manifest.
 * Refuses (BackupRefused, nothing restored) a missing, foreign, damaged or cut-short file, a
 * manifest of another format version, and any part whose size or SHA-256 differs.
 */
export async function readArchive(file: string, into: string): Promise<Manifest> {
  if (!existsSync(file) || !statSync(file).isFile())
    throw new BackupRefused(`There is no backup file at ${file}.`);
  if (statSync(file).size === 0)
    throw new BackupRefused(`${file} is empty: it is not a backup. Nothing was restored.`);
  const names: string[] = [];
  const unexpected: string[] = [];
  try {
    await tar.x({
      file,
      cwd: into,
      strict: true,
      preservePaths: false,
      filter: (path, entry) => {
        const name = path.replace(/^\.\//, '');
        const isFile = 'type' in entry && entry.type === 'File';
        if (isFile && (name === MANIFEST_NAME || isKnownPartName(name))) {
          names.push(name);
          return true;
        }
        if (!('type' in entry) || entry.type !== 'Directory') unexpected.push(name);
        return false;
      },
    });
  } catch (e) {
    throw damaged(file, `it cannot be read as an archive (${(e as Error).message})`);
  }
  if (!names.includes(MANIFEST_NAME))
    throw new BackupRefused(
      `${file} is not an EUCAB backup (it has no ${MANIFEST_NAME}${names.length || unexpected.length ? '' : ', or it is empty or cut short'}). Nothing was restored.`,
    );
  if (unexpected.length)
    throw damaged(file, `it holds entries an EUCAB backup does not (${unexpected.slice(0, 5).join(', ')})`);
  const manifest = parseManifest(file, readFileSync(join(into, MANIFEST_NAME), 'utf8'));
  for (const part of manifest.parts) {
    const path = join(into, part.name);
    if (!existsSync(path))
      throw damaged(file, `the part ${part.name} is missing (the file may have been cut short)`);
    const d = await fileDigest(path);
    if (d.size !== part.size)
      throw damaged(file, `the part ${part.name} has ${d.size} bytes, the manifest recorded ${part.size}`);
    if (d.sha256 !== part.sha256)
      throw damaged(
        file,
        `the checksum of ${part.name} does not match (SHA-256 ${d.sha256}, recorded ${part.sha256})`,
      );
  }
  const listed = new Set(manifest.parts.map((p) => p.name));
  const extra = names.filter((n) => n !== MANIFEST_NAME && !listed.has(n));
  if (extra.length) throw damaged(file, `it holds parts its manifest does not list (${extra.join(', ')})`);
  return manifest;
}

function parseManifest(file: string, text: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw damaged(file, `its ${MANIFEST_NAME} is not valid JSON`);
  }
  const head = z.object({ format: z.unknown(), formatVersion: z.unknown() }).safeParse(json);
  if (!head.success || head.data.format !== BACKUP_FORMAT)
    throw new BackupRefused(
      `${file} is not an EUCAB backup (its manifest names no "${BACKUP_FORMAT}" format).`,
    );
  if (head.data.formatVersion !== BACKUP_FORMAT_VERSION)
    throw new BackupRefused(
      `${file} is a backup of format version ${String(head.data.formatVersion)}; this version of the platform reads format ${BACKUP_FORMAT_VERSION}. Restore it with the platform version that wrote it (or a newer one).`,
    );
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success)
    throw damaged(
      file,
      `its ${MANIFEST_NAME} is not valid (${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || 'manifest'} ${i.message}`)
        .join('; ')})`,
    );
  return parsed.data;
}
