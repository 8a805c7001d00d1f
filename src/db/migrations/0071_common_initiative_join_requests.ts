import { type Kysely, sql } from 'kysely';

// Requests to join a common initiative (registry kind `common_initiative`, issue 15): a person of
// another administration asks, with the role their administration would take; the lead
// administration's editors of the record approve (the person becomes a co-editor, their
// administration a participant) or decline. Read through src/access/join-request-policy.ts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE TABLE common_initiative_join_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  record_id uuid NOT NULL REFERENCES registry_records(id) ON DELETE CASCADE,
  requested_by uuid NOT NULL REFERENCES users(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  role text NOT NULL,
  message text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'declined')),
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  decision_note text
)`.execute(db);
  await sql`CREATE UNIQUE INDEX common_initiative_join_requests_one_pending ON common_initiative_join_requests (record_id, requested_by) WHERE status = 'pending'`.execute(
    db,
  );
  await sql`CREATE INDEX common_initiative_join_requests_record ON common_initiative_join_requests (record_id)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
