import { type Kysely, sql } from 'kysely';

// Discussions on the registry's comments (one mechanism): a post may answer another (`parent_id`,
// one level: a reply to a reply joins the thread of the post it answers), be edited by its author
// (`edited_at`; the earlier text is kept in the audit), withdrawn by its author (`withdrawn_at`:
// the text is no longer shown) or hidden by a coordinator with a reason (`hidden_*`); the people
// it mentions (`mention_ids`). Thread subscriptions are personal state: a row says whether a
// person follows a record's thread (authors and commenters follow unless they left). The words of
// a record's visible posts are a column of the record (`comment_search`, GIN-indexed like `search`
// and `file_search`), so a search matches one row with bitmap index scans (see 0046).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE registry_comments
  ADD COLUMN parent_id uuid REFERENCES registry_comments(id) ON DELETE CASCADE,
  ADD COLUMN edited_at timestamptz,
  ADD COLUMN withdrawn_at timestamptz,
  ADD COLUMN hidden_at timestamptz,
  ADD COLUMN hidden_by uuid REFERENCES users(id),
  ADD COLUMN hidden_reason text,
  ADD COLUMN mention_ids uuid[] NOT NULL DEFAULT '{}'`.execute(db);
  await sql`CREATE INDEX registry_comments_parent_idx ON registry_comments (parent_id) WHERE parent_id IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX registry_comments_author_idx ON registry_comments (author_id)`.execute(db);
  await sql`CREATE TABLE thread_subscriptions (
  record_id uuid NOT NULL REFERENCES registry_records(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id),
  subscribed boolean NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (record_id, user_id)
)`.execute(db);
  await sql`ALTER TABLE registry_records ADD COLUMN comment_search tsvector`.execute(db);
  await sql`
UPDATE registry_records r SET comment_search = c.v
FROM (
  SELECT record_id, to_tsvector('simple', unaccent(string_agg(body, ' '))) AS v
  FROM registry_comments GROUP BY record_id
) c
WHERE c.record_id = r.id`.execute(db);
  await sql`CREATE INDEX registry_records_comment_search_idx ON registry_records USING gin (comment_search)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
