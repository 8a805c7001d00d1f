import { type Kysely, sql } from 'kysely';

// The searchable text of attached files (src/core/document-text): one row per readable attachment
// with its tsvector (the record's language configuration and `simple`, unaccented), how much of
// the file was read and why not all of it. List and global search match a record by its own
// vector or one of its files' (src/registry/search-config.ts), always inside the readable filter.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE TABLE attachment_texts (
  attachment_id uuid PRIMARY KEY REFERENCES attachments(id) ON DELETE CASCADE,
  record_kind text NOT NULL,
  record_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('indexed', 'partial', 'refused')),
  reason text CHECK (reason IN ('too_large', 'too_many_pages', 'too_many_characters', 'timeout', 'unreadable')),
  reason_limit integer,
  pages integer,
  chars integer NOT NULL DEFAULT 0,
  search tsvector NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
)`.execute(db);
  await sql`CREATE INDEX attachment_texts_record ON attachment_texts (record_kind, record_id)`.execute(db);
  await sql`CREATE INDEX attachment_texts_search ON attachment_texts USING gin (search)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
