import { type Kysely, sql } from 'kysely';

// Running imports record a heartbeat; at start, a server fails the imports whose worker is gone.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE import_jobs ADD COLUMN heartbeat_at timestamptz NOT NULL DEFAULT now()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
