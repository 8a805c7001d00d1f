import { type Kysely, sql } from 'kysely';

// Co-editors of a shared record: users (of any administration) the owner names, who may change
// the record's content and therefore read it (src/access/shared-record-policy.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE TABLE record_editors (
  record_kind text NOT NULL,
  record_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id),
  added_by uuid NOT NULL REFERENCES users(id),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (record_kind, record_id, user_id)
);
CREATE INDEX record_editors_user_idx ON record_editors (user_id, record_kind);
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
