import { type Kysely, sql } from 'kysely';

// Files given as answers of mapping responses (file / image / audio / video questions), stored like
// registry attachments (bytes, type, size, SHA-256, uploader). An answer holds `{ fileId, name }`;
// a file belongs to one response and one question code, and is read through the response's policy.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE TABLE mapping_response_files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  response_id uuid NOT NULL REFERENCES mapping_responses(id) ON DELETE CASCADE,
  question_code text NOT NULL,
  filename text NOT NULL,
  content_type text NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
)`.execute(db);
  await sql`CREATE INDEX mapping_response_files_response_idx ON mapping_response_files (response_id)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
