import { type Kysely, sql } from 'kysely';

// The directory (src/modules/directory): the contact details each person keeps about themselves
// and which of them the signed-in members may see (`shown`: email, phone, job_title, languages).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE TABLE directory_entries (
  user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  job_title text NOT NULL DEFAULT '' CHECK (length(job_title) <= 200),
  phone text NOT NULL DEFAULT '' CHECK (length(phone) <= 40),
  languages text[] NOT NULL DEFAULT '{}',
  shown text[] NOT NULL DEFAULT '{}' CHECK (shown <@ ARRAY['email', 'phone', 'job_title', 'languages']::text[]),
  updated_at timestamptz NOT NULL DEFAULT now()
)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
