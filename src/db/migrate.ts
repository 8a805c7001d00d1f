import { type Kysely, type MigrationProvider, Migrator } from 'kysely';
import { migrations } from './migrations/index.ts';

const provider: MigrationProvider = { getMigrations: async () => migrations };

function migrator(db: Kysely<unknown>) {
  return new Migrator({
    db,
    provider,
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
}

export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Applies the migrations up to the one just before `name` (tests of a data migration fill a
 * database as the release before it wrote it, then migrate to the latest).
 */
export async function migrateToBefore(db: Kysely<unknown>, name: string): Promise<void> {
  const names = Object.keys(migrations).sort();
  const i = names.indexOf(name);
  if (i < 1) throw new Error(`No migration before ${name}.`);
  const { error } = await migrator(db).migrateTo(names[i - 1]!);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
