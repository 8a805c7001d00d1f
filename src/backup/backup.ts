import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DatabaseHandle } from '../db/connection.ts';
import { checkOutputPath, stagePart, stagingFolder, writeArchive } from './archive.ts';
import { DATA_FOLDER_FILES } from './data-folder-files.ts';
import { describeFacts, filesNotMatchingTheirRecord } from './database-facts.ts';
import { BackupFailed } from './errors.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  DATA_FOLDER_PREFIX,
  DATABASE_PART,
  type Manifest,
  platformVersion,
} from './manifest.ts';
import { dumpPglite } from './pglite-backup.ts';
import { dumpPostgres } from './postgres-backup.ts';

export interface BackupResult {
  file: string;
  bytes: number;
  manifest: Manifest;
  /** Lines for the operator (what was saved, warnings). */
  report: string[];
}

/**
 * Writes a backup of the open database and of DATA_DIR's platform files to `out` (see archive.ts
 * for the layout, manifest.ts for what is recorded). With PGlite it must run in the process that
 * holds the data folder (the CLI, or the server through its control socket).
 */
export async function createBackup(opts: {
  handle: DatabaseHandle;
  /** Set when the database is PostgreSQL: pg_dump connects with it. */
  databaseUrl?: string | undefined;
  /** DATA_DIR: where the audit checkpoint and demo sheets are read from. */
  dataDir: string;
  out: string;
  /** The environment pg_dump runs in (PATH to find it, PGSSL* and the like). */
  env?: NodeJS.ProcessEnv;
}): Promise<BackupResult> {
  const out = resolve(opts.out);
  checkOutputPath(out);
  const engine = opts.handle.engine;
  const staging = stagingFolder(out, 'staging');
  try {
    const dbPart = DATABASE_PART[engine];
    const partPath = join(staging, dbPart);
    mkdirSync(join(staging, 'database'), { mode: 0o700 });
    let dumped: { facts: Manifest['facts']; serverVersion: string; dumpedWith: string };
    if (engine === 'pglite') {
      dumped = await dumpPglite(opts.handle, partPath);
    } else {
      if (!opts.databaseUrl)
        throw new BackupFailed('DATABASE_URL is needed to back up a PostgreSQL database.');
      dumped = await dumpPostgres(opts.handle.db, opts.databaseUrl, partPath, opts.env ?? process.env);
    }
    const parts = [await stagePart(staging, dbPart)];
    const dataDir = resolve(opts.dataDir);
    for (const f of DATA_FOLDER_FILES) {
      if (!existsSync(join(dataDir, f))) continue;
      mkdirSync(join(staging, DATA_FOLDER_PREFIX), { recursive: true, mode: 0o700 });
      copyFileSync(join(dataDir, f), join(staging, DATA_FOLDER_PREFIX, f));
      parts.push(await stagePart(staging, `${DATA_FOLDER_PREFIX}${f}`));
    }
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      platformVersion: platformVersion(),
      engine,
      createdAt: new Date().toISOString(),
      database: { serverVersion: dumped.serverVersion, dumpedWith: dumped.dumpedWith },
      migrationHead: dumped.facts.migrations.at(-1) ?? null,
      facts: dumped.facts,
      parts,
    };
    const bytes = await writeArchive(out, staging, manifest);
    const report = [
      `Backup written to ${out} (${(bytes / 1_048_576).toFixed(1)} MB): ${engine === 'pglite' ? 'embedded database (PGlite)' : dumped.serverVersion}, migration ${manifest.migrationHead ?? 'none'}, ${describeFacts(manifest.facts)}${
        parts.length > 1
          ? `, and ${parts
              .slice(1)
              .map((p) => p.name.slice(DATA_FOLDER_PREFIX.length))
              .join(', ')} from DATA_DIR`
          : ''
      }.`,
      `Restore with: npm run cli -- restore --from ${out}`,
    ];
    if (manifest.facts.migrations.length) {
      const bad = await filesNotMatchingTheirRecord(opts.handle.db);
      if (bad.length)
        report.push(
          `Warning: ${bad.length} uploaded file(s) in the database no longer match the checksum recorded at upload (${bad.slice(0, 5).join(', ')}); they were saved as they are.`,
        );
    }
    return { file: out, bytes, manifest, report };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
