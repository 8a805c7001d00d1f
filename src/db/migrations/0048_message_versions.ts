import { type Kysely, sql } from 'kysely';

// Coordinated messages (src/modules/messages): the language versions of a message — each with its
// translator and its reviewer, who is never the translator — and the release of each message at
// its embargo (one row per message, claimed in the transaction that publishes its versions, so a
// restart or a second process never releases a message twice; the delay is kept for the audit).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE TABLE message_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  message_id uuid NOT NULL REFERENCES registry_records(id) ON DELETE CASCADE,
  language text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  translator_id uuid NOT NULL REFERENCES users(id),
  reviewer_id uuid NOT NULL REFERENCES users(id),
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'approved', 'returned')),
  return_reason text,
  approved_at timestamptz,
  published_at timestamptz,
  late boolean NOT NULL DEFAULT false,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (message_id, language),
  CHECK (reviewer_id <> translator_id),
  CHECK (state <> 'returned' OR return_reason IS NOT NULL),
  CHECK (published_at IS NULL OR state = 'approved')
)`.execute(db);
  await sql`CREATE INDEX message_versions_translator ON message_versions (translator_id)`.execute(db);
  await sql`CREATE INDEX message_versions_reviewer ON message_versions (reviewer_id)`.execute(db);
  await sql`
CREATE TABLE message_releases (
  message_id uuid PRIMARY KEY REFERENCES registry_records(id) ON DELETE CASCADE,
  embargo_at timestamptz NOT NULL,
  released_at timestamptz NOT NULL,
  delay_seconds integer NOT NULL CHECK (delay_seconds >= 0)
)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
