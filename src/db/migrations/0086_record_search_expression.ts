import { type Kysely, sql } from 'kysely';

// The search vector of 0083 as an index expression instead of a stored column: the stored copy
// made every row of registry_records wider by a second tsvector, so lists and filters that read
// many rows (a count over 80,000 readable records) read that many more pages (list ×1.4 CPU in
// the registry benchmark). The GIN index over the same concatenation keeps the one index scan per
// search; a search matches the expression exactly as written here (src/registry/search-config.ts,
// `recordVector`).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE registry_records DROP COLUMN search_all`.execute(db);
  await sql`CREATE INDEX registry_records_search_all_idx ON registry_records USING gin (
  (coalesce(search, ''::tsvector) || coalesce(file_search, ''::tsvector) || coalesce(comment_search, ''::tsvector))
)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
