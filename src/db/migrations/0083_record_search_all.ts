import { type Kysely, sql } from 'kysely';

// One vector to match a record by: its own fields (`search`), its files' words (`file_search`,
// 0046) and its visible posts' words (`comment_search`, 0050) concatenated in a generated column
// with one GIN index. A search then costs one bitmap index scan per query form instead of six
// (three columns × the `simple` and the language's configuration), which brought the registry
// search back to the speed it had before files and posts were searchable
// (docs/benchmarks/registry.md). The three columns stay: ranking weighs a record's own fields and
// its files differently, and the writers keep filling them; their own indexes are no longer read.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE registry_records ADD COLUMN search_all tsvector GENERATED ALWAYS AS (
  coalesce(search, ''::tsvector) || coalesce(file_search, ''::tsvector) || coalesce(comment_search, ''::tsvector)
) STORED`.execute(db);
  await sql`CREATE INDEX registry_records_search_all_idx ON registry_records USING gin (search_all)`.execute(
    db,
  );
  await sql`DROP INDEX registry_records_search_idx`.execute(db);
  await sql`DROP INDEX registry_records_file_search_idx`.execute(db);
  await sql`DROP INDEX registry_records_comment_search_idx`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
