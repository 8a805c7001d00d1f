import { type Kysely, sql } from 'kysely';

// The words of a record's attached files as a column of the record (`file_search`, GIN-indexed
// like `search`), so that a search matches `search OR file_search` on one row with two bitmap
// index scans. Matching through a sub-query on attachment_texts made a search of a word in 1 % of
// 100,000 records about ×2 slower (docs/benchmarks/registry.md). attachment_texts keeps each
// file's own vector and how much of it was read.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE registry_records ADD COLUMN file_search tsvector`.execute(db);
  // Existing files: a tsvector's text form reads back as the same vector, so the files of a
  // record are joined by their text forms.
  await sql`
UPDATE registry_records r SET file_search = f.v
FROM (
  SELECT record_kind, record_id, string_agg(search::text, ' ')::tsvector AS v
  FROM attachment_texts GROUP BY record_kind, record_id
) f
WHERE f.record_kind = r.kind AND f.record_id = r.id`.execute(db);
  await sql`CREATE INDEX registry_records_file_search_idx ON registry_records USING gin (file_search)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
