import { type Kysely, sql } from 'kysely';

// Saved list filters: a user keeps the query of a registry list under a name and reapplies it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE TABLE registry_saved_filters (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id),
  kind text NOT NULL,
  name text NOT NULL,
  query text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, kind, name)
)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
