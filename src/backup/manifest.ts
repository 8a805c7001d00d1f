import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DATA_FOLDER_FILES } from './data-folder-files.ts';

/**
 * The manifest of a backup archive (`manifest.json`, the archive's first entry): what the backup
 * holds and what a restore must find again. Everything a restore checks is in here: the engine,
 * the migrations the database had, the rows of every table, each uploaded file's size and SHA-256,
 * the audit trail's length and newest event, and the size and SHA-256 of every part.
 */
export const BACKUP_FORMAT = 'eucab-backup';
/** Raised when the archive layout or the manifest changes incompatibly; restore reads this one only. */
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_NAME = 'manifest.json';

/** The database part of each engine: PGlite's data folder (tar.gz) or pg_dump's custom format. */
export const DATABASE_PART = {
  pglite: 'database/pglite-data.tar.gz',
  postgres: 'database/postgres.pgdump',
} as const;
/** The files the platform keeps in DATA_DIR beside the database (see data-folder-files.ts). */
export const DATA_FOLDER_PREFIX = 'data-folder/';

export type Engine = keyof typeof DATABASE_PART;

/** Every name an archive may hold: nothing else is read from it. */
export function isKnownPartName(name: string): boolean {
  if (name === DATABASE_PART.pglite || name === DATABASE_PART.postgres) return true;
  if (!name.startsWith(DATA_FOLDER_PREFIX)) return false;
  return (DATA_FOLDER_FILES as readonly string[]).includes(name.slice(DATA_FOLDER_PREFIX.length));
}

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hexadecimal');
const count = z.number().int().min(0);

export const fileFactSchema = z.strictObject({
  /** attachments (of registry records, announcements included) or job_files (uploaded job input). */
  table: z.enum(['attachments', 'job_files']),
  /** The attachment's id, or the job's id. */
  id: z.string().min(1),
  size: count,
  sha256,
});
export type FileFact = z.infer<typeof fileFactSchema>;

export const databaseFactsSchema = z.strictObject({
  /** The applied migrations (schema_migrations), in name order; the last one is the head. */
  migrations: z.array(z.string()),
  /** Rows per table, keyed "schema.table", for every table of the database. */
  counts: z.record(z.string(), count),
  /** Every uploaded file kept in the database, with the SHA-256 of its bytes. */
  files: z.array(fileFactSchema),
  audit: z.strictObject({
    events: count,
    head: z.strictObject({ seq: z.number().int().min(1), hash: sha256 }).nullable(),
  }),
});
export type DatabaseFacts = z.infer<typeof databaseFactsSchema>;

export const partSchema = z.strictObject({
  name: z.string().refine(isKnownPartName, 'is not a part an EUCAB backup holds'),
  size: count,
  sha256,
});
export type Part = z.infer<typeof partSchema>;

export const manifestSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  /** package.json version of the platform that wrote the backup. */
  platformVersion: z.string(),
  engine: z.enum(['pglite', 'postgres']),
  createdAt: z.iso.datetime(),
  /** The database server (`SHOW server_version`) and the tool that dumped it. */
  database: z.strictObject({ serverVersion: z.string(), dumpedWith: z.string() }),
  migrationHead: z.string().nullable(),
  facts: databaseFactsSchema,
  parts: z.array(partSchema).min(1),
});
export type Manifest = z.infer<typeof manifestSchema>;

let version: string | undefined;
/** The platform's version (package.json). */
export function platformVersion(): string {
  version ??= String(
    (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
      .version,
  );
  return version;
}
