import { type Kysely, sql } from 'kysely';

// The e-mail digest across every area (src/modules/notifications/digest.ts): one row per user and
// period (`daily:2026-12-06`, `weekly:2026-W49`), written and committed BEFORE the e-mail is sent,
// so a restart never sends a period's digest twice (the primary key refuses a second claim). The
// row also keeps the SHA-256 hash of the secret in that digest's unsubscribe link (the secret
// itself is never stored): the link sets the user's digest to off without signing in.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE TABLE digest_claims (
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  period text NOT NULL CHECK (period ~ '^(daily:[0-9]{4}-[0-9]{2}-[0-9]{2}|weekly:[0-9]{4}-W[0-9]{2})$'),
  claimed_at timestamptz NOT NULL,
  unsubscribe_hash text NOT NULL UNIQUE CHECK (unsubscribe_hash ~ '^[0-9a-f]{64}$'),
  PRIMARY KEY (user_id, period)
)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Not reverted.');
}
