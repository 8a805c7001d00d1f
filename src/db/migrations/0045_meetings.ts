import { type Kysely, sql } from 'kysely';

// Meetings (src/modules/meetings): each person's answer to a meeting invitation, the secret link
// of each user's calendar feed (only its SHA-256 hash is kept), and the action-point reminders
// already sent (one per action point, kind of notice and due date — written before the
// notification, in the same transaction, so a restart never sends one twice).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE TABLE meeting_rsvps (
  meeting_id uuid NOT NULL REFERENCES registry_records(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  answer text NOT NULL CHECK (answer IN ('yes', 'no', 'maybe')),
  answered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (meeting_id, user_id)
)`.execute(db);
  await sql`CREATE INDEX meeting_rsvps_user ON meeting_rsvps (user_id)`.execute(db);
  await sql`
CREATE TABLE calendar_feeds (
  user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz
)`.execute(db);
  await sql`
CREATE TABLE action_point_notices (
  record_id uuid NOT NULL REFERENCES registry_records(id) ON DELETE CASCADE,
  notice text NOT NULL CHECK (notice IN ('due', 'overdue')),
  due_date date NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (record_id, notice, due_date)
)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
