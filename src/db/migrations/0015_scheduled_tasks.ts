import { type Kysely, sql } from 'kysely';

// The schedule of the modules' scheduled tasks (src/scheduler): one row per task, claimed by the
// process that runs it (next_due_at moves on at the claim), read by the administrators' page.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE TABLE scheduled_task_runs (
  name text PRIMARY KEY,
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_status text CHECK (last_status IN ('running', 'succeeded', 'failed')),
  last_message text,
  next_due_at timestamptz NOT NULL
)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
