import { type Kysely, sql } from 'kysely';

// Lists show live records newest first (status <> 'retracted'): an index that gives that order
// directly (the benchmark in docs/benchmarks/registry.md found the lists sorting every row).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX registry_records_live_idx ON registry_records (kind, updated_at DESC) WHERE status <> 'retracted'`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
