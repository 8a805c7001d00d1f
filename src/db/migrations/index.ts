import { readdirSync } from 'node:fs';
import type { Migration } from 'kysely';

/**
 * Committed migrations, found in this folder and applied in name order at start (never
 * auto-synced from code). Every file named `NNNN_words.ts` is one migration, registered under its
 * file name without `.ts` (the name recorded in `schema_migrations`, so a file must never be
 * renamed once it has landed); adding one is adding the file. The files are imported with
 * `import()` and awaited at the top level, so `migrations` is complete before the migrator reads it.
 */
const HERE = new URL('./', import.meta.url);

/** The migration files of this folder, in name order. */
export const MIGRATION_FILES: readonly string[] = readdirSync(HERE)
  .filter((f) => /^\d{4}_[a-z0-9_]+\.ts$/.test(f))
  .sort();

async function load(file: string): Promise<[string, Migration]> {
  const mod = (await import(new URL(file, HERE).href)) as Partial<Migration>;
  if (typeof mod.up !== 'function') throw new Error(`src/db/migrations/${file}: exports no up() function.`);
  return [file.slice(0, -'.ts'.length), mod as Migration];
}

export const migrations: Record<string, Migration> = Object.fromEntries(
  await Promise.all(MIGRATION_FILES.map(load)),
);
